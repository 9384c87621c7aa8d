"""Audit entries for changes of who may do what: groups, permissions, staff and superuser
flags, translators' languages, and accounts and groups deleted.

These are model signals, not domain events, because the writes are Django's own (the user
and group admin, their many-to-many fields), which announce nothing else. The acting user
comes from the request (context.ActorMiddleware).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from articles.models import TranslatorProfile

from .context import current_actor
from .models import AuditEntry
from .services import entry_record

FLAGS = ("is_superuser", "is_staff", "is_active")
_ACTIONS = {"post_add": "added", "post_remove": "removed", "pre_clear": "removed"}


def _record(instance, details: dict, action: str = AuditEntry.Action.PERMISSIONS) -> None:
    entry_record(
        action=action,
        by=current_actor(),
        object_type=instance._meta.label_lower,
        object_id=instance.pk,
        title=str(instance),
        details=details,
    )


def _names(model, pks) -> list[str]:
    if model._meta.label_lower == "auth.permission":
        rows = model.objects.filter(pk__in=pks).select_related("content_type")
        return sorted(f"{p.content_type.app_label}.{p.codename}" for p in rows)
    return sorted(str(obj) for obj in model.objects.filter(pk__in=pks))


def _m2m(what: str):
    def handler(sender, instance, action, reverse, model, pk_set, **kwargs):
        if action not in _ACTIONS:
            return
        if action == "pre_clear":
            # Cleared rows are gone by post_clear: name them while they are there.
            if reverse:
                pk_set = set(model.objects.filter(**{what: instance}).values_list("pk", flat=True))
            else:
                pk_set = set(getattr(instance, what).values_list("pk", flat=True))
        if not pk_set:
            return
        verb = _ACTIONS[action]
        if reverse:
            # group.user_set.add(user): the change is to each user's groups.
            for other in model.objects.filter(pk__in=pk_set):
                _record(other, {f"{what}_{verb}": _names(type(instance), [instance.pk])})
        else:
            _record(instance, {f"{what}_{verb}": _names(model, pk_set)})

    return handler


def _remember_flags(sender, instance, **kwargs):
    stored = sender.objects.filter(pk=instance.pk).values(*FLAGS).first() if instance.pk else None
    instance._audit_flags = stored


def _flags_changed(sender, instance, created, **kwargs):
    before = getattr(instance, "_audit_flags", None) or {}
    changed = {
        flag: getattr(instance, flag)
        for flag in FLAGS
        if before.get(flag, False if created else None) != getattr(instance, flag)
        and (not created or flag != "is_active")
    }
    if changed:
        _record(instance, {"created": created, **changed} if created else changed)


def _languages_before(sender, instance, **kwargs):
    stored = sender.objects.filter(pk=instance.pk).values_list("languages", flat=True).first()
    instance._audit_languages = stored or []


def _languages_saved(sender, instance, created, **kwargs):
    before = getattr(instance, "_audit_languages", [])
    if sorted(before) != sorted(instance.languages):
        _record(
            instance.user,
            {"translator_languages": sorted(instance.languages), "were": sorted(before)},
        )


def _languages_deleted(sender, instance, **kwargs):
    if instance.languages:
        _record(instance.user, {"translator_languages": [], "were": sorted(instance.languages)})


def _remember_account(sender, instance, **kwargs):
    # By post_delete the account's groups, permissions and languages are gone (deleted
    # without m2m signals): what it could do is named now, while the rows are there.
    profile = TranslatorProfile.objects.filter(user=instance).first()
    instance._audit_deleted = {
        "groups": _names(Group, instance.groups.values_list("pk", flat=True)),
        "user_permissions": _names(
            instance.user_permissions.model, instance.user_permissions.values_list("pk", flat=True)
        ),
        "is_staff": instance.is_staff,
        "is_superuser": instance.is_superuser,
        "translator_languages": sorted(profile.languages) if profile is not None else [],
    }


def _remember_group(sender, instance, **kwargs):
    members = list(instance.user_set.all())
    instance._audit_deleted = {
        "members": sorted(member.get_username() for member in members),
        "permissions": _names(
            instance.permissions.model, instance.permissions.values_list("pk", flat=True)
        ),
    }
    # Each member loses what the group gave them: their own trail says so too.
    for member in members:
        _record(member, {"groups_removed": [str(instance)]})


def _deleted(sender, instance, **kwargs):
    _record(instance, getattr(instance, "_audit_deleted", {}), action=AuditEntry.Action.DELETED)


def connect() -> None:
    user = get_user_model()
    m2m_changed.connect(_m2m("groups"), sender=user.groups.through, weak=False)
    m2m_changed.connect(_m2m("user_permissions"), sender=user.user_permissions.through, weak=False)
    m2m_changed.connect(_m2m("permissions"), sender=Group.permissions.through, weak=False)
    pre_save.connect(_remember_flags, sender=user)
    post_save.connect(_flags_changed, sender=user)
    pre_delete.connect(_remember_account, sender=user)
    post_delete.connect(_deleted, sender=user)
    pre_delete.connect(_remember_group, sender=Group)
    post_delete.connect(_deleted, sender=Group)
    pre_save.connect(_languages_before, sender=TranslatorProfile)
    post_save.connect(_languages_saved, sender=TranslatorProfile)
    post_delete.connect(_languages_deleted, sender=TranslatorProfile)
