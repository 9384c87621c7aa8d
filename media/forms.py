"""Forms for the picture desk's admin."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsroom.languages import column, columns, language_name

from . import services
from .models import Embed, Image, image_admin_url

ACCEPT = "image/jpeg,image/png,image/webp,image/gif,image/avif"


class ImageAdminForm(forms.ModelForm):
    """Upload with the picture desk's checks; alt text required in the default language."""

    file = forms.FileField(
        label=_("file"),
        help_text=_(
            "JPEG, PNG, WebP, GIF or AVIF. Location and camera details are removed on upload."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    class Meta:
        model = Image
        fields = [
            "file",
            "focal_x",
            "focal_y",
            *columns("title", "alt_text", "caption", "content_warning"),
            "credit",
            "source",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.content_hash = None
        self.duplicate = None
        alt = column("alt_text", settings.LANGUAGE_CODE)
        if alt in self.fields:
            # Images have no source language of their own; the site's default is it.
            self.fields[alt].required = True
            self.fields[alt].error_messages["required"] = _(
                "Describe the picture for readers who cannot see it (required in %(language)s)."
            ) % {"language": language_name(settings.LANGUAGE_CODE)}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # unchanged on an existing image
        try:
            content, self.content_hash = services.image_prepare_upload(file=upload)
        except services.DuplicateImage as duplicate:
            self.duplicate = duplicate.existing  # the library dialog chooses it instead
            raise ValidationError(
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("This picture is already in the library:"),
                    image_admin_url(duplicate.existing),
                    str(duplicate.existing),
                ),
                code="duplicate",
            ) from None
        return content

    def _post_clean(self):
        super()._post_clean()
        if self.content_hash:
            self.instance.content_hash = self.content_hash


class ImagePickerWidget(forms.TextInput):
    """The image field as the chosen picture's id with its thumbnail, and a button that
    opens the library in an in-page dialog (search, thumbnails, upload; library.js) rather
    than a pop-up window. Without JavaScript the id can still be typed."""

    template_name = "media/admin/image_picker.html"

    def __init__(self, rel=None, admin_site=None, attrs=None, using=None):
        # The signature of the raw-id widget it replaces (ImagePickerMixin passes both).
        super().__init__(attrs)

    def format_value(self, value):
        return "" if value in (None, "") else str(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        try:
            template = reverse("admin:media_image_thumbnail", args=[0])
        except NoReverseMatch:
            template = ""
        value = context["widget"]["value"]
        context["thumbnail_template"] = template
        context["thumbnail_url"] = template.replace("/0/", f"/{value}/") if value else ""
        context["widget"]["attrs"]["class"] = (
            context["widget"]["attrs"].get("class", "")
            + " vForeignKeyRawIdAdminField media-image-picker"
        ).strip()
        context["widget"]["attrs"].setdefault("inputmode", "numeric")
        return context

    class Media:
        js = ["admin/js/jquery.init.js", "media/admin/library.js", "media/admin/image-picker.js"]
        css = {"all": ["media/admin/admin.css"]}


class EmbedPickerWidget(forms.TextInput):
    """The embed field of a placed item as the chosen video's id with its title, and a
    button that opens the library's video dialog (library.js, embed-picker.js), not the
    raw-id lookup's pop-up window. Without JavaScript the id can still be typed."""

    template_name = "media/admin/embed_picker.html"

    def __init__(self, rel=None, admin_site=None, attrs=None, using=None):
        super().__init__(attrs)

    def format_value(self, value):
        return "" if value in (None, "") else str(value)

    def get_context(self, name, value, attrs):
        from .models import Embed

        context = super().get_context(name, value, attrs)
        value = context["widget"]["value"]
        chosen = Embed.objects.filter(pk=value).first() if str(value).isdigit() else None
        context["chosen"] = str(chosen) if chosen is not None else ""
        context["widget"]["attrs"]["class"] = (
            context["widget"]["attrs"].get("class", "") + " media-embed-picker"
        ).strip()
        context["widget"]["attrs"].setdefault("inputmode", "numeric")
        return context

    class Media:
        js = ["media/admin/library.js", "media/admin/embed-picker.js"]
        css = {"all": ["media/admin/admin.css"]}


def https_urls(db_field, **kwargs):
    """Form fields for Embed: addresses typed without a scheme are https."""
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class EmbedAdminForm(forms.ModelForm):
    class Meta:
        model = Embed
        fields = ["url", *columns("title", "caption", "content_warning")]
        formfield_callback = https_urls
