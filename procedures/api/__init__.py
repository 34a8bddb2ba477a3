"""Read-only API through which the city's BIP pulls public procedures (``/api/v2/``).

Plain Django views that follow the Wagtail API v2 conventions (``meta``/``items``,
``limit``/``offset``/``fields``, 400 ``{"message": ...}`` for bad parameters) rather than
``wagtail.api.v2``'s ``PagesAPIViewSet``: item content must come from the interchange
mapping (:func:`procedures.interchange.mapping.dump_procedure`), not from model fields
declared per serializer, and the set served from ``ProcedurePage.objects.public()`` only;
bending the viewset's field machinery and filters to both would be more code than these
views, and would need ``rest_framework`` in ``INSTALLED_APPS``. Each query parameter is
declared once in :mod:`.params`, which both validates requests and writes the OpenAPI
document's parameters; a schema-first framework (django-ninja) was not adopted without
throughput measurements against these views.
"""
