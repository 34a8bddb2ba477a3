from django.apps import AppConfig


class ChangesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "procedures.changes"
    label = "changes"
    verbose_name = "Historia zmian procedur"

    def ready(self):
        from procedures.changes import signals

        signals.connect()
