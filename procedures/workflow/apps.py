from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    """Scheduling of "Obowiązuje od/do" and update requests, filed in the admin or by e-mail."""

    name = "procedures.workflow"
    label = "workflow"
    verbose_name = "Harmonogram i wnioski o aktualizację"

    def ready(self):
        from procedures.workflow import due

        # The next due instant in the cache follows every schedule change.
        due.connect()
