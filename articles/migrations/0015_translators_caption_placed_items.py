"""Translators caption placed pictures and videos in their languages from the article form.

The Translators group could only view placed items, so the form showed even their own
language's captions read-only. The permission to change placed items lets the placement
inline take their captions; what a translator may change there (their languages' captions,
never the item itself) is decided in articles/policy.py and shown by articles/admin/roles.py.
Only added, and only to a Translators group that exists (an administrator may have removed it).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Translators").first()
    permission = Permission.objects.filter(
        content_type__app_label="articles", codename="change_placement"
    ).first()
    if group is not None and permission is not None:
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_translation_memory")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
