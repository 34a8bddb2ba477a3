from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "procedures"
    verbose_name = "Procedury"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from procedures import signals
        from procedures.document_access import ProcedureDocumentPermissionPolicy
        from procedures.models import ProcedureDocument

        signals.connect()
        # Exact class: wins over the policy wagtail.documents registers after this app.
        register_permission_policy(
            ProcedureDocument,
            ProcedureDocumentPermissionPolicy(
                ProcedureDocument,
                auth_model="wagtaildocs.Document",
                owner_field_name="uploaded_by_user",
            ),
            exact_class=True,
        )
