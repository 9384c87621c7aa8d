"""Revisions of the things around an article: sections, tags, authors and image texts.

Articles have their own revisions (articles.Revision: drafts, pending changes, restore).
What files and illustrates them needs less: a record of each write, with who, when and
the object's fields as they then stood, so an editor can see who renamed a tag or changed
a picture's alt text, and what it said before. The services of both apps write one in the
same transaction as the change (`object_revision_record`), so a write without its record
cannot happen. The project package holds it because `media` imports nothing from `articles`.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Fields that say nothing about the content (bookkeeping written by the system).
_SKIPPED = {"id", "created_at", "updated_at", "uploaded_by", "content_hash", "width", "height"}


class ObjectRevision(models.Model):
    """One write of a section, tag, author or image: who, when, and its fields after it."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        CHANGED = "changed", _("Changed")
        DELETED = "deleted", _("Deleted")

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of object"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("object id"), db_index=True)
    number = models.PositiveIntegerField(_("number"), help_text=_("1, 2, … per object."))
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    data = models.JSONField(_("content"), default=dict, encoder=DjangoJSONEncoder)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        app_label = "newsroom"
        verbose_name = _("object revision")
        verbose_name_plural = _("object revisions")
        ordering = ["content_type", "object_id", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "number"], name="objectrevision_number_uniq"
            )
        ]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} #{self.number}"

    def previous(self):
        """The revision before this one of the same object, or None."""
        return (
            ObjectRevision.objects.filter(
                content_type=self.content_type, object_id=self.object_id, number__lt=self.number
            )
            .order_by("-number")
            .first()
        )


def object_data(instance: models.Model) -> dict:
    """The content fields of `instance` as JSON values (translated columns included;
    foreign keys as ids, files as their names)."""
    data = {}
    for field in instance._meta.concrete_fields:
        if field.name in _SKIPPED or field.primary_key:
            continue
        value = getattr(instance, field.attname)
        if isinstance(field, models.FileField):
            value = value.name if value else ""
        data[field.attname] = value
    return data


def object_revision_record(instance: models.Model, *, by, action: str) -> ObjectRevision:
    """Record a write of `instance` (inside the service's transaction); a deletion keeps
    the fields the object had, so what was deleted can still be read."""
    content_type = ContentType.objects.get_for_model(type(instance))
    object_id = instance.pk
    last = ObjectRevision.objects.filter(content_type=content_type, object_id=object_id).aggregate(
        last=Max("number")
    )["last"]
    return ObjectRevision.objects.create(
        content_type=content_type,
        object_id=object_id,
        number=(last or 0) + 1,
        action=action,
        data=object_data(instance),
        created_by=by if getattr(by, "pk", None) else None,
    )


def object_revisions(instance: models.Model):
    """The revisions of one object, newest first."""
    return ObjectRevision.objects.filter(
        content_type=ContentType.objects.get_for_model(type(instance)), object_id=instance.pk
    ).select_related("created_by")
