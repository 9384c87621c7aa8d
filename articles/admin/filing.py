"""Things an article is filed under: sections, authors and tags, written through their
services and registered so that autocomplete can search them."""

from django.contrib import admin, messages
from django.urls import path
from django.utils.translation import gettext
from modeltranslation.admin import TranslationAdmin
from taggit.models import Tag as TaggitTag

from newsroom.admin import ObjectRevisionHistoryMixin, ServiceAdminMixin
from newsroom.languages import columns

from .. import services
from ..models import Author, Section, Tag, fallback_addresses
from .sections import section_create_view

# Our tags are articles.Tag (translated); taggit's own, unused Tag would be a second "Tags"
# entry on the admin index.
if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)


class FallbackAddressNoticeMixin:
    """After a save, say which addresses fell back to the id-based slug, and where they are.

    A name with no letters or digits ("★") gives no slug, so the model files the object
    under "section-12"; the editor should not have to find that out from the site.
    """

    slug_source = "name"

    def _notice_fallback_addresses(self, request, obj):
        for text, url in fallback_addresses(obj, self.slug_source):
            self.message_user(
                request,
                gettext(
                    "“%(name)s” has no letters or digits for its address; "
                    "it is reachable at %(url)s"
                )
                % {"name": text, "url": request.build_absolute_uri(url)},
                messages.WARNING,
            )

    def response_add(self, request, obj, post_url_continue=None):
        self._notice_fallback_addresses(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._notice_fallback_addresses(request, obj)
        return super().response_change(request, obj)


class FilingAdmin(
    ObjectRevisionHistoryMixin, FallbackAddressNoticeMixin, ServiceAdminMixin, TranslationAdmin
):
    """Sections, authors and tags are written through their services (`<model>_create`,
    `_update`, `_delete` in articles.services)."""

    def _service(self, action):
        return getattr(services, f"{self.opts.model_name}_{action}")

    def save_model(self, request, obj, form, change):
        name = self.opts.model_name
        if change:
            save = self._service("update")
            self.save_through(lambda: save(**{name: obj}, by=request.user))
        else:
            create = self._service("create")
            self.save_through(lambda: create(**{name: obj}, by=request.user))

    def delete_model(self, request, obj):
        self._service("delete")(**{self.opts.model_name: obj}, by=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(Section)
class SectionAdmin(FilingAdmin):
    list_display = ["__str__", "position"]
    list_editable = ["position"]
    search_fields = columns("name")
    prepopulated_fields = {"slug": ("name",)}

    def get_urls(self):
        return [
            path(
                "quick-create/",
                self.admin_site.admin_view(lambda r: section_create_view(self, r)),
                name="articles_section_quick_create",
            ),
            *super().get_urls(),
        ]


@admin.register(Author)
class AuthorAdmin(FilingAdmin):
    list_display = ["name", "slug", "kind", "user"]
    # A one-to-one is not joined automatically by the changelist.
    list_select_related = ["user"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ["user"]


@admin.register(Tag)
class TagAdmin(FilingAdmin):
    list_display = ["__str__", *columns("name")]
    search_fields = columns("name")
    prepopulated_fields = {"slug": ("name",)}
