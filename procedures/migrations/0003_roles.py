from types import SimpleNamespace

from django.db import migrations

# The roles as they were when this migration was written (later ones add to them).
_ADMIN = ("wagtailadmin", "access_admin")
_RESTRICTED = ("procedures", "change_restricted_fields")
_CC_OTHER = ("procedures", "change_cc_other")
_OTHER_FORMAT = ("procedures", "allow_other_file_format")
_PUBLISHING = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
roles = SimpleNamespace(
    ROLES={
        "Redaktorzy komórek": ([_ADMIN], ["add_page", "change_page"]),
        "Moderatorzy Oddziału ds. Procedur": (
            [_ADMIN, _RESTRICTED, _CC_OTHER, _OTHER_FORMAT],
            _PUBLISHING,
        ),
        "Agenci Call Center": ([_ADMIN, _CC_OTHER], []),
        "Kierownictwo Call Center": ([_ADMIN, _CC_OTHER], []),
        "Kierownictwo Oddziału ds. Procedur": (
            [_ADMIN, _RESTRICTED, _CC_OTHER, _OTHER_FORMAT],
            _PUBLISHING,
        ),
    },
    DOCUMENT_PERMISSIONS=["add_document", "change_document", "choose_document"],
    DOCUMENT_ROLES=(
        "Redaktorzy komórek",
        "Moderatorzy Oddziału ds. Procedur",
        "Kierownictwo Oddziału ds. Procedur",
    ),
)


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    # Wagtail's generic "Editors"/"Moderators" would confuse with the order's roles.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()

    root = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name, (model_perms, page_perms) in roles.ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in model_perms:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        for codename in page_perms:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        if name in roles.DOCUMENT_ROLES and root_collection:
            for codename in roles.DOCUMENT_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtaildocs", codename=codename
                    ),
                )


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0002_seed_vocabularies"),
        ("wagtailcore", "0095_groupsitepermission"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
