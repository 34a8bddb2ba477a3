"""Staff users as the tests need them: a member of a role's group, logged in."""

from django.contrib.auth.models import Group
from django.test import Client

from tests.factories import UserFactory


def member(group_name, department=None, **kwargs):
    """A user in the group ``group_name`` (procedures.roles), an editor of ``department``
    ("Redaktorzy komórki") when one is given."""
    user = UserFactory(groups=[Group.objects.get(name=group_name)], **kwargs)
    if department is not None:
        department.editors.add(user)
    return user


def session(user):
    """A test client logged in as ``user``."""
    client = Client()
    client.force_login(user)
    return client
