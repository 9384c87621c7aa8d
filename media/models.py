"""Images and embeds: the picture desk."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Image(models.Model):
    """A picture in the library, with per-language title, alt text and caption."""

    file = models.ImageField(
        _("file"), upload_to="images/%Y/%m/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    content_hash = models.CharField(
        _("content hash"),
        max_length=64,
        editable=False,
        blank=True,
        db_index=True,
        help_text=_("SHA-256 of the stored file; the same picture is only kept once."),
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("For the library; readers do not see it."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=500,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    caption = models.TextField(
        _("caption"), blank=True, help_text=_("Shown under the picture on the article page.")
    )
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer or agency.")
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where the picture came from (agency reference, URL, archive)."),
    )
    focal_x = models.FloatField(
        _("focal point x"), default=0.5, help_text=_("0 is the left edge, 1 the right edge.")
    )
    focal_y = models.FloatField(
        _("focal point y"), default=0.5, help_text=_("0 is the top edge, 1 the bottom edge.")
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title or self.alt_text or self.file.name

    def get_absolute_url(self):
        return self.file.url
