"""The picture desk in the admin: the image library, embeds, and the image picker."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin import actions as admin_actions
from django.contrib.admin.utils import unquote
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from newsroom.admin import ObjectRevisionHistoryMixin, ServiceAdminMixin
from newsroom.languages import column, columns, language_codes, localized

from . import library, services
from .forms import EmbedAdminForm, EmbedPickerWidget, ImageAdminForm, ImagePickerWidget
from .models import Embed, Image

THUMBNAIL_WIDTH = 320


def _thumbnail_rendition(image):
    """The smallest square JPEG (made on first use), or None when there is no source.

    None too while the background job is making them: the admin shows the original then.
    """
    if not image.is_processed:
        return None
    renditions = services.image_renditions(image=image, crop="square")
    jpegs = [r for r in renditions if r.format == "jpeg"] or renditions
    return jpegs[0] if jpegs else None


class MissingAltTextFilter(admin.SimpleListFilter):
    title = _("missing alt text")
    parameter_name = "missing_alt"

    def lookups(self, request, model_admin):
        return [(code, name) for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() in language_codes():
            return queryset.missing_alt_text(self.value())
        return queryset


class ContentWarningFilter(admin.SimpleListFilter):
    title = _("content warning")
    parameter_name = "warned"

    def lookups(self, request, model_admin):
        return [("yes", _("Has a content warning")), ("no", _("No content warning"))]

    def queryset(self, request, queryset):
        warned = Q()
        for code in language_codes():
            warned |= Q(**{column("content_warning", code) + "__gt": ""})
        if self.value() == "yes":
            return queryset.filter(warned)
        if self.value() == "no":
            return queryset.exclude(warned)
        return queryset


@admin.register(Image)
class ImageAdmin(ObjectRevisionHistoryMixin, ServiceAdminMixin, TranslationAdmin):
    """The image library: thumbnails, search in every language, alt-text gaps per language."""

    form = ImageAdminForm
    list_display = [
        "thumbnail",
        "__str__",
        "renditions_badge",
        "alt_languages",
        "credit",
        "size",
        "created_at",
    ]
    list_display_links = ["thumbnail", "__str__"]
    list_filter = [MissingAltTextFilter, ContentWarningFilter, "created_at"]
    search_fields = columns("title", "alt_text", "caption")
    list_per_page = 40
    readonly_fields = [
        "preview",
        "renditions_badge",
        "size",
        "content_hash",
        "uploaded_by",
        "created_at",
    ]
    fieldsets = [
        (None, {"fields": ["file", "preview", "renditions_badge", "focal_x", "focal_y"]}),
        (_("Text"), {"fields": ["title", "alt_text", "caption", "content_warning"]}),
        (_("Source"), {"fields": ["credit", "source"]}),
        (
            _("File details"),
            {"fields": ["size", "content_hash", "uploaded_by", "created_at"]},
        ),
    ]

    change_form_template = "media/admin/image_change_form.html"
    delete_confirmation_template = "media/admin/image_delete_confirmation.html"
    delete_selected_confirmation_template = "media/admin/image_delete_selected_confirmation.html"
    actions = ["delete_selected"]

    class Media:
        js = ["media/admin/focal-point.js", "media/admin/upload-status.js"]
        css = {"all": ["media/admin/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).with_renditions()

    def delete_view(self, request, object_id, extra_context=None):
        """Django's delete confirmation, plus where the picture is used without being
        protected (an article's lead image is set to none): those are listed, with links,
        and the editor must tick that they know before anything is deleted."""
        image = self.get_object(request, unquote(object_id))
        uses = self._uses(request, image, models.SET_NULL) if image is not None else []
        context = {**(extra_context or {}), "image_uses": uses}
        if request.method == "POST" and uses and request.POST.get("confirm_uses") != "yes":
            context["confirm_uses_missing"] = bool(request.POST.get("post"))
            request.POST = QueryDict()  # Django then shows the confirmation again
        return super().delete_view(request, object_id, context)

    @admin.action(
        permissions=["delete"],
        description=admin_actions.delete_selected.short_description,
    )
    def delete_selected(self, request, queryset):
        """Django's bulk delete with the delete page's care: the articles that lose their
        lead image are listed and the editor must tick that they know; a placed picture
        is refused by its story (get_deleted_objects). Deletes go through the service."""
        uses = [use for image in queryset for use in self._uses(request, image, models.SET_NULL)]
        missing = False
        if uses and request.POST.get("post") and request.POST.get("confirm_uses") != "yes":
            missing = True
            request.POST = request.POST.copy()
            del request.POST["post"]  # Django then shows the confirmation again
        response = admin_actions.delete_selected(self, request, queryset)
        if response is not None:
            response.context_data.update(image_uses=uses, confirm_uses_missing=missing)
        return response

    def get_deleted_objects(self, objs, request):
        """Protected uses (a picture placed in a story) named by the story they are in,
        with a link to it, rather than by the placement, which has no page of its own."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            protected = [use for obj in objs for use in self._uses(request, obj, models.PROTECT)]
        return deleted, counts, perms_needed, protected

    def _uses(self, request, image, on_delete):
        """What refers to `image` with `on_delete`, each shown as the admin object it
        belongs to (itself, or the object it is part of), linked when the user may see it."""
        uses = []
        for relation in Image._meta.get_fields(include_hidden=True):
            if not relation.one_to_many or relation.on_delete is not on_delete:
                continue
            related = relation.related_model._base_manager.filter(**{relation.field.name: image})
            for obj in related:
                uses.append(self._describe(request, self._owner(obj)))
        return uses

    def _owner(self, obj):
        if type(obj) in self.admin_site._registry:
            return obj
        for field in obj._meta.concrete_fields:
            target = field.related_model
            if field.many_to_one and target is not Image and target in self.admin_site._registry:
                return getattr(obj, field.name) or obj
        return obj

    def _describe(self, request, obj):
        label = capfirst(obj._meta.verbose_name)
        model_admin = self.admin_site._registry.get(type(obj))
        if model_admin is not None and model_admin.has_view_or_change_permission(request, obj):
            try:
                url = reverse(
                    f"{self.admin_site.name}:{obj._meta.app_label}_{obj._meta.model_name}_change",
                    args=[obj.pk],
                )
            except NoReverseMatch:
                url = None
            if url:
                return format_html('{}: <a href="{}">{}</a>', label, url, obj)
        return format_html("{}: {}", label, obj)

    def get_readonly_fields(self, request, obj=None):
        # A picture's file never changes: upload a new image instead, so no rendition
        # or article can silently show a different picture.
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "file"] if obj is not None else fields

    def get_urls(self):
        view = self.admin_site.admin_view(self.thumbnail_view)
        return [
            path("<int:pk>/thumbnail/", view, name="media_image_thumbnail"),
            # The in-page library dialog of the story form (media/library.py).
            path(
                "library/",
                self.admin_site.admin_view(lambda r: library.image_search_view(self, r)),
                name="media_image_library",
            ),
            path(
                "library/upload/",
                self.admin_site.admin_view(lambda r: library.image_upload_view(self, r)),
                name="media_image_library_upload",
            ),
            *super().get_urls(),
        ]

    def thumbnail_view(self, request, pk):
        """Redirect to a small square rendition (the pickers' live preview)."""
        if not self.has_view_or_change_permission(request):
            raise Http404
        image = get_object_or_404(Image, pk=pk)
        rendition = _thumbnail_rendition(image)
        if rendition is None:
            if image.is_processed or not image.file:
                raise Http404
            return HttpResponseRedirect(image.file.url)  # still being made: the original
        return HttpResponseRedirect(rendition.file.url)

    @admin.display(description=_("thumbnail"))
    def thumbnail(self, obj):
        rendition = _thumbnail_rendition(obj)
        if rendition is None and not obj.is_processed and obj.file:
            # Still being made in the background: the original, scaled by the browser.
            return format_html(
                '<img class="media-thumb" src="{}" width="80" height="80" alt="" loading="lazy">',
                obj.file.url,
            )
        if rendition is None:
            return format_html('<span class="media-thumb media-thumb--missing">?</span>')
        return format_html(
            '<img class="media-thumb" src="{}" width="80" height="80" alt="" loading="lazy">',
            rendition.file.url,
        )

    @admin.display(description=_("renditions"), ordering="renditions_state")
    def renditions_badge(self, obj):
        """The background job's state as a badge: waiting, processing, ready or failed."""
        if obj is None or not obj.pk:
            return "—"
        return format_html(
            '<span class="media-state media-state--{}">{}</span>',
            obj.renditions_state,
            obj.get_renditions_state_display(),
        )

    @admin.display(description=_("alt text in"))
    def alt_languages(self, obj):
        present = [code for code in language_codes() if localized(obj, "alt_text", code)]
        return " ".join(code.upper() for code in present) or "—"

    @admin.display(description=_("size"))
    def size(self, obj):
        return f"{obj.width} × {obj.height}" if obj.width else "—"

    @admin.display(description=_("focal point"))
    def preview(self, obj):
        if obj is None or not obj.pk:
            return _("You can set the focal point after uploading.")
        if obj.is_processed:
            renditions = [
                r for r in services.image_renditions(image=obj, crop="full") if r.format == "jpeg"
            ]
            if not renditions:
                return _("The picture's file is missing.")
            shown = ([r for r in renditions if r.width <= 960][-1:] or renditions[:1])[0]
            url, width, height = shown.file.url, shown.width, shown.height
        else:
            # Its renditions are still being made in the background: the original.
            url, width, height = obj.file.url, obj.width, obj.height
        return format_html(
            '<div class="focal-picker" data-focal-x="{}" data-focal-y="{}">'
            '<img src="{}" width="{}" height="{}" alt="">'
            '<span class="focal-picker__marker" aria-hidden="true"></span></div>'
            '<p class="help">{}</p>',
            obj.focal_x,
            obj.focal_y,
            url,
            width,
            height,
            _(
                "Click the most important point of the picture: the 16:9 and square "
                "crops keep it in view."
            ),
        )

    def save_model(self, request, obj, form, change):
        # The form has already checked and cleaned the upload (ImageAdminForm.clean_file);
        # a moved focal point replaces the crops (services.image_update).
        if change:
            self.save_through(lambda: services.image_update(image=obj, by=request.user))
        else:
            self.save_through(lambda: services.image_create(image=obj, by=request.user))

    def delete_model(self, request, obj):
        services.image_delete(image=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for image in queryset:
            services.image_delete(image=image, by=request.user)


@admin.register(Embed)
class EmbedAdmin(ServiceAdminMixin, TranslationAdmin):
    """Videos and link cards that can be placed in stories."""

    form = EmbedAdminForm
    list_display = ["__str__", "provider", "url", "created_at"]
    list_filter = ["provider"]
    search_fields = [
        "url",
        *columns("title", "caption"),
    ]
    readonly_fields = ["provider"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_urls(self):
        return [
            path(
                "library/",
                self.admin_site.admin_view(lambda r: library.embed_search_view(self, r)),
                name="media_embed_library",
            ),
            path(
                "library/create/",
                self.admin_site.admin_view(lambda r: library.embed_create_view(self, r)),
                name="media_embed_library_create",
            ),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        if change:
            self.save_through(lambda: services.embed_update(embed=obj, by=request.user))
        else:
            self.save_through(lambda: services.embed_create(embed=obj, by=request.user))

    def delete_model(self, request, obj):
        services.embed_delete(embed=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for embed in queryset:
            services.embed_delete(embed=embed, by=request.user)


class ImagePickerMixin:
    """Admin mixin: every foreign key to Image gets the picker with a thumbnail preview,
    and every one to Embed the video picker; both open the library in an in-page dialog.

    List the field in `raw_id_fields` too (the raw-id lookup, a pop-up window, is replaced).
    """

    PICKERS = {Image: ImagePickerWidget, Embed: EmbedPickerWidget}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        picker = self.PICKERS.get(db_field.remote_field.model)
        if picker is not None and db_field.name in self.raw_id_fields:
            kwargs["widget"] = picker(db_field.remote_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
