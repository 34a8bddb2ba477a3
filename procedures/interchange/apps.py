from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    """The interchange format's commands: ``import_procedures`` and ``export_procedures``."""

    name = "procedures.interchange"
    label = "interchange"
    verbose_name = "Wymiana danych procedur"
