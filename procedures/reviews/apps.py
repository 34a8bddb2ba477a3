from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    """Review dates of procedures, their confirmation, dashboards, report and digests."""

    name = "procedures.reviews"
    label = "reviews"
    verbose_name = "Przeglądy procedur"

    def ready(self):
        from procedures.reviews import signals

        signals.connect()
