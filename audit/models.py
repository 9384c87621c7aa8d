"""The audit trail: one row per decision that changed what readers see or who may do what."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Who did what to which object, and when; written once, never changed.

    The object is named by type and id, not by a foreign key, and its title is copied, so
    the entry outlives the article (or account) it is about.
    """

    class Action(models.TextChoices):
        PUBLISHED = "published", _("published")
        SCHEDULED = "scheduled", _("scheduled")
        UNPUBLISHED = "unpublished", _("unpublished")
        RESTORED = "restored", _("restored")
        DELETED = "deleted", _("deleted")
        PERMISSIONS = "permissions", _("changed permissions")

    action = models.CharField(_("action"), max_length=20, choices=Action.choices, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(
        _("by (name)"),
        max_length=150,
        blank=True,
        help_text=_("The account's name at the time; empty for the system (a schedule)."),
    )
    object_type = models.CharField(_("object type"), max_length=100, db_index=True)
    object_id = models.BigIntegerField(_("object id"), null=True, blank=True, db_index=True)
    object_title = models.CharField(_("object"), max_length=255, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-pk"]
        # Nobody may add, change or delete an entry, not even in the admin: only viewed.
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.get_action_display()}: {self.object_title or self.object_type}"
