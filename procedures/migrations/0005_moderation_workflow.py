"""The moderation workflow of the order: the Procedures Office approves every procedure.

Replaces Wagtail's generic "Moderators approval" workflow on the whole tree.
"""

from django.db import migrations

WORKFLOW = "Akceptacja Oddziału ds. Procedur"
REVIEWERS = ["Moderatorzy Oddziału ds. Procedur", "Kierownictwo Oddziału ds. Procedur"]


def install_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=WORKFLOW, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set(Group.objects.filter(name__in=REVIEWERS))
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    Workflow.objects.exclude(pk=workflow.pk).update(active=False)
    GroupApprovalTask.objects.exclude(pk=task.pk).update(active=False)
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        WorkflowPage.objects.filter(page=root).delete()
        WorkflowPage.objects.create(page=root, workflow=workflow)


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0004_department_editors"),
        ("wagtailcore", "0095_groupsitepermission"),
    ]

    operations = [migrations.RunPython(install_workflow, migrations.RunPython.noop)]
