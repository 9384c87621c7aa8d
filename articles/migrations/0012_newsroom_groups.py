"""The newsroom's roles as groups: Chief editors, Editors, Reporters and Translators.

Made here, not only by the demo seed, so a new newsroom has them after `migrate`. Permissions
are only ever added: a group an administrator changed keeps its changes when this runs on a
database that already had it. What each role may do beyond its permissions (a reporter's own
stories, a translator's languages) is decided in articles/policy.py.

Django makes permissions after all migrations have run, so this makes the ones it needs first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CRUD = ("add", "change", "view", "delete")
FILING = ("section", "author", "tag")
STORY_PARTS = ("byline", "taggedarticle", "placement", "articlevariant")

GROUPS = {
    "Editors": [
        *[("articles", f"{a}_{m}") for m in ("article", *FILING, *STORY_PARTS) for a in CRUD],
        ("articles", "publish_article"),
        ("articles", "view_translatorprofile"),
        *[("media", f"{a}_{m}") for m in ("image", "embed", "rendition") for a in CRUD],
    ],
    "Reporters": [
        *[("articles", f"{a}_article") for a in ("add", "change", "view")],
        ("articles", "view_section"),
        *[("articles", f"{a}_{m}") for m in ("author", "tag") for a in ("add", "change", "view")],
        *[("articles", f"{a}_{m}") for m in STORY_PARTS for a in CRUD],
        *[("media", f"{a}_{m}") for m in ("image", "embed") for a in ("add", "change", "view")],
    ],
    "Translators": [
        *[("articles", f"{a}_{m}") for m in ("article", "articlevariant") for a in ("change", "view")],
        *[("articles", f"view_{m}") for m in (*FILING, "byline", "taggedarticle", "placement")],
        *[("media", f"view_{m}") for m in ("image", "embed")],
    ],
    "Chief editors": [
        *[("auth", f"{a}_user") for a in ("add", "change", "view")],
        *[("auth", f"{a}_group") for a in ("change", "view")],
        *[("articles", f"{a}_translatorprofile") for a in CRUD],
    ],
}


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is None:
                raise RuntimeError(f"Permission {app_label}.{codename} is missing.")
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_roles_owner_and_translator_languages"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("media", "0005_unguessable_file_names"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
