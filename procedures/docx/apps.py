from django.apps import AppConfig


class DocxConfig(AppConfig):
    """Procedures as Word documents laid out as the order's template, and back."""

    name = "procedures.docx"
    label = "docx"
    verbose_name = "Procedury w formacie Word"
