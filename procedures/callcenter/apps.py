from django.apps import AppConfig


class CallCenterConfig(AppConfig):
    """The Call Center: agents' reading view of every procedure and their "Inne*" form."""

    name = "procedures.callcenter"
    label = "callcenter"
    verbose_name = "Call Center"
