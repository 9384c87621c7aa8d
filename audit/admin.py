"""The audit trail in the admin: read-only for everyone, filterable by action, person and date."""

from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import AuditEntry


class ObjectTypeFilter(admin.SimpleListFilter):
    title = _("object type")
    parameter_name = "object_type"

    def lookups(self, request, model_admin):
        return [
            ("articles.article", _("articles")),
            ("auth.user", _("user accounts")),
            ("auth.group", _("groups")),
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(object_type=self.value())
        return queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Who published, unpublished, scheduled, restored, deleted or changed permissions.

    No one adds, changes or deletes an entry here, superusers included.
    """

    list_display = ["at", "action", "actor_name", "object_link", "language", "details"]
    list_filter = ["action", ObjectTypeFilter, "actor", "language", "at"]
    date_hierarchy = "at"
    search_fields = ["object_title", "actor_name"]
    list_select_related = False
    readonly_fields = [
        "at",
        "action",
        "actor",
        "actor_name",
        "object_type",
        "object_id",
        "object_link",
        "language",
        "details",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("object"), ordering="object_title")
    def object_link(self, entry):
        title = entry.object_title or f"#{entry.object_id}"
        app_label, _dot, model = entry.object_type.partition(".")
        try:
            url = reverse(f"admin:{app_label}_{model}_change", args=[entry.object_id])
        except NoReverseMatch:
            return title
        if entry.action == AuditEntry.Action.DELETED:
            return title  # Nothing left to open.
        return format_html('<a href="{}">{}</a>', url, title)
