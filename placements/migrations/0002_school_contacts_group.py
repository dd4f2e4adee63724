"""The group that gives the school contact role, so an administrator gives it with one tick."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "School contacts"


def add_group(apps, schema_editor):
    # Permissions are normally made after all migrations; make this app's now to use one.
    app_config = apps.get_app_config("placements")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="placements", codename="be_school_contact")
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("placements", "0001_placements_and_conversations"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_group, remove_group)]
