"""Accounts, groups and translators' languages, managed by a chief editor in the admin.

A chief editor (the "Chief editors" group: add, change and view accounts, change groups,
manage translators' languages) adds a colleague without the shell. They cannot make anyone
a superuser, change a superuser's account, or hand out a permission they do not hold
themselves, directly or through a group: a crafted POST that tries is refused on the field.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import policy
from ..models import TranslatorProfile

User = get_user_model()


class TranslatorProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("translates into"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "A translator changes only these languages' text, never a story's source language."
        ),
    )

    class Meta:
        model = TranslatorProfile
        fields = ["languages"]


class TranslatorProfileInline(admin.StackedInline):
    model = TranslatorProfile
    form = TranslatorProfileForm
    can_delete = True
    max_num = 1
    extra = 1
    verbose_name = gettext_lazy("translator's languages")
    verbose_name_plural = gettext_lazy("translator's languages")


def _codes(permissions) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissions}


def _refuse_escalation(form, by, field: str, added, permissions_of) -> None:
    """An error on `field` when `added` (permissions, or groups via `permissions_of`) would
    hand out a permission `by` lacks."""
    if by is None or by.is_superuser:
        return
    held = by.get_all_permissions()
    for item in added:
        lacking = sorted(_codes(permissions_of(item)) - held)
        if lacking:
            form.add_error(
                field,
                _("You cannot grant %(item)s: it includes permissions you do not have (%(codes)s).")
                % {"item": item, "codes": ", ".join(lacking)},
            )


class _ChiefFormMixin:
    acting_user = None

    def clean(self):
        cleaned = super().clean()
        by = self.acting_user
        if by is not None and not by.is_superuser and cleaned.get("is_superuser"):
            self.add_error("is_superuser", _("Only a superuser can make someone a superuser."))
        before_perms = set(self.instance.user_permissions.all()) if self.instance.pk else set()
        before_groups = set(self.instance.groups.all()) if self.instance.pk else set()
        if "user_permissions" in cleaned:
            added = set(cleaned["user_permissions"]) - before_perms
            _refuse_escalation(self, by, "user_permissions", added, lambda p: [p])
        if "groups" in cleaned:
            added = set(cleaned["groups"]) - before_groups
            _refuse_escalation(
                self, by, "groups", added, lambda g: g.permissions.select_related("content_type")
            )
        return cleaned


admin.site.unregister(User)


@admin.register(User)
class AccountAdmin(UserAdmin):
    """Accounts with their groups and translator's languages, for chief editors."""

    inlines = [TranslatorProfileInline]
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "role"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]

    @admin.display(description=gettext_lazy("role"))
    def role(self, user):
        return policy.role(user) or "–"

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields.append("is_superuser")
        return fields

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (_ChiefFormMixin, form), {"acting_user": request.user})

    def has_change_permission(self, request, obj=None):
        # A superuser's account is a superuser's to change (password, groups, flags).
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        target = self.get_object(request, id)
        if target is not None and not self.has_change_permission(request, target):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)


class _GroupForm(forms.ModelForm):
    acting_user = None

    def clean(self):
        cleaned = super().clean()
        before = set(self.instance.permissions.all()) if self.instance.pk else set()
        if "permissions" in cleaned:
            added = set(cleaned["permissions"]) - before
            _refuse_escalation(self, self.acting_user, "permissions", added, lambda p: [p])
        return cleaned


admin.site.unregister(Group)


@admin.register(Group)
class RoleGroupAdmin(GroupAdmin):
    """Groups (the roles); a chief editor adds to a group only permissions they hold."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (_GroupForm, form), {"acting_user": request.user})
