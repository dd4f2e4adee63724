"""The usual topics, by their stable codes; their names come from the interface catalogues."""

from django.db import migrations

CODES = [
    "pitfalls",
    "particular-role",
    "stigma",
    "communities-of-practice",
    "role-expectations",
    "users-experiences",
    "workplaces",
    "self-care",
    "ethics",
    "record-systems",
    "relatives",
    "making-a-difference",
]


def add_topics(apps, schema_editor):
    Topic = apps.get_model("supervision", "Topic")
    for code in CODES:
        Topic.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("supervision", "0001_initial")]

    operations = [migrations.RunPython(add_topics, migrations.RunPython.noop)]
