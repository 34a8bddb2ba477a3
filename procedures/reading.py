"""Who may read restricted (`*`) content: one rule for the Call Center view, comments,
documents and notifications.

There is no separate "view restricted" permission: staff who may write a restricted field
may read them all. Call Center agents and heads hold ``procedures.change_cc_other``; the
Procedures Office holds it and ``procedures.change_restricted_fields``. This module imports
nothing of the project, so the content model and every feature can use it.
"""

from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

RESTRICTED_PERMISSION = "procedures.change_restricted_fields"
CC_OTHER_PERMISSION = "procedures.change_cc_other"
READING_PERMISSIONS = (CC_OTHER_PERMISSION, RESTRICTED_PERMISSION)


def can_read_restricted(user):
    """Whether ``user`` may read every procedure with its restricted sections."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or any(user.has_perm(perm) for perm in READING_PERMISSIONS)


def private_response(response):
    """Mark ``response`` as never to be stored by a browser or a shared cache: what one
    reader of restricted content got is never served to another."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])
    return response
