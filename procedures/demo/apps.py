from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site (``manage.py seed_demo``); its content is data under ``data/``."""

    name = "procedures.demo"
    label = "demo"
    verbose_name = "Dane demonstracyjne"
