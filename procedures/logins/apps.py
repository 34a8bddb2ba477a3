from django.apps import AppConfig


class LoginsConfig(AppConfig):
    name = "procedures.logins"
    label = "logins"
    verbose_name = "Logowanie pracowników"

    def ready(self):
        from procedures.logins import signals

        signals.connect()
