from django.apps import AppConfig


class ProceduresApiConfig(AppConfig):
    """The read-only public procedures API for BIP (``/api/v2/``); it has no models."""

    name = "procedures.api"
    label = "procedures_api"
    verbose_name = "API procedur dla BIP"
