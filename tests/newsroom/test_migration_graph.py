"""Migrations depend one way, as the code does: media's never on an app built on it.

The oldest history interleaves (media 0002 -> articles 0001 -> media 0001, and articles 0005
runs before media 0004 to move the placements), from before media became a leaf. It stays as
it is: rewriting or squashing migrations that databases have already applied would break
those databases. Every other migration, and every one added from now on, keeps media below:
no media migration depends on an app above it or refers to its models, and no migration of
those apps asks to run before one of media's.
"""

from django.db.migrations.loader import MigrationLoader

ABOVE_MEDIA = {"articles", "audit", "demo"}

# The interleaving that existing databases have applied; the only one allowed, ever.
APPLIED_HISTORY = {
    ("media", "0002_picture_desk"),  # needs articles 0001; its Placement pointed at Article
    ("articles", "0005_placements_from_media"),  # runs before media 0004 drops Placement
}


def _media_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {
        key: migration for key, migration in loader.disk_migrations.items() if key[0] == "media"
    }


def _referenced_apps(migration) -> set[str]:
    """The apps whose models the migration's fields point at (a foreign key, a m2m)."""
    fields = []
    for operation in migration.operations:
        fields += [field for _name, field in getattr(operation, "fields", [])]
        if getattr(operation, "field", None) is not None:
            fields.append(operation.field)
    apps = set()
    for field in fields:
        target = getattr(getattr(field, "remote_field", None), "model", None)
        if isinstance(target, str):
            apps.add(target.split(".")[0].lower())
        elif target is not None:
            apps.add(target._meta.app_label)
    return apps


def test_no_media_migration_depends_on_an_app_above_media_but_the_applied_one():
    wrong = sorted(
        (key, dependency)
        for key, migration in _media_migrations().items()
        for dependency in [*migration.dependencies, *migration.run_before]
        if dependency[0] in ABOVE_MEDIA and key not in APPLIED_HISTORY
    )

    assert wrong == []


def test_no_media_migration_refers_to_a_model_above_media():
    wrong = {
        key: sorted(apps)
        for key, migration in _media_migrations().items()
        if key not in APPLIED_HISTORY and (apps := _referenced_apps(migration) & ABOVE_MEDIA)
    }

    assert wrong == {}


def test_no_app_above_media_runs_its_migrations_before_media():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    wrong = sorted(
        (key, target)
        for key, migration in loader.disk_migrations.items()
        if key[0] in ABOVE_MEDIA and key not in APPLIED_HISTORY
        for target in migration.run_before
        if target[0] == "media"
    )

    assert wrong == []
