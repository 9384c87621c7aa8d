"""The audit trail in the admin: read-only for everyone, filterable by action, person and date."""

from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.admin.panels import article_panel_register

from .models import AuditEntry

TRAIL_ON_THE_FORM = 5


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


def article_trail(article) -> str:
    """The latest decisions about a story, and a link to all of them: the audit trail's
    panel on the article form (the trail outlives the story, so it is kept here)."""
    entries = AuditEntry.objects.filter(object_type="articles.article", object_id=article.pk)
    rows = format_html_join(
        "",
        "<li>{} · {} · {} {}</li>",
        (
            (
                date_format(timezone.localtime(e.at), "SHORT_DATETIME_FORMAT"),
                e.get_action_display(),
                e.actor_name or gettext("system"),
                f"({e.language})" if e.language else "",
            )
            for e in entries[:TRAIL_ON_THE_FORM]
        ),
    )
    url = reverse("admin:audit_auditentry_changelist")
    return format_html(
        '<ul class="nr-audit">{}</ul><a href="{}?object_type=articles.article&amp;'
        'object_id={}">{}</a>',
        rows,
        url,
        article.pk,
        gettext("The whole audit trail of this story"),
    )


article_panel_register(name="audit", label=_("audit trail"), render=article_trail)
