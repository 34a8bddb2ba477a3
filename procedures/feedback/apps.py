from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """Residents' feedback: helpfulness votes and error reports from the portal."""

    name = "procedures.feedback"
    label = "feedback"
    verbose_name = "Opinie mieszkańców"
    default_auto_field = "django.db.models.BigAutoField"
