"""What both apps' admins share: saving through the services, and showing their refusals.

Django's admin validates the form, then saves inside one transaction. Our saves go through
the services (the one write path), which may still refuse at that point: a permission the
form does not check, a rule only the service knows, a slug another editor took a moment
ago. Raised from save_model or save_related that would be a server error. Instead the
admin raises `Refused`, the transaction rolls back, and the same POST is shown again with
the refusal as errors on the right fields.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    FieldDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.utils.translation import gettext as _


class Refused(Exception):
    """A service refused the admin's save. `errors` go on the main form's fields (None:
    above the form); `rows` are for an inline that knows how to place them."""

    def __init__(self, errors=None, rows=None):
        super().__init__(errors, rows)
        self.errors = errors or {}
        self.rows = rows or {}


def error_messages(error: ValidationError | PermissionDenied) -> dict[str | None, list[str]]:
    """A service's error by field (None for the whole form)."""
    if isinstance(error, PermissionDenied):
        # A policy refusal may name the field it is about (articles.policy.ChangeRefused).
        return {getattr(error, "field", None): [str(error)]}
    if hasattr(error, "error_dict"):
        return {
            (None if field == NON_FIELD_ERRORS else field): messages
            for field, messages in error.message_dict.items()
        }
    return {None: list(error.messages)}


def refused(error: ValidationError | PermissionDenied, field: str | None = None) -> Refused:
    """`error` as a Refused; errors without a field of their own go on `field`."""
    errors = {}
    for name, messages in error_messages(error).items():
        errors.setdefault(name if name is not None else field, []).extend(messages)
    return Refused(errors=errors)


class ServiceAdminMixin:
    """ModelAdmin mixin: shows a Refused save as form errors instead of failing."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Refused as refusal:
            # Rolled back by now. Validate the same POST again, this time with the
            # service's errors added, so the admin renders the form as it always does.
            request.newsroom_refusal = refusal
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        refusal = getattr(request, "newsroom_refusal", None)
        if refusal is None:
            return form
        return type(form.__name__, (RefusedFormMixin, form), {"refusal": refusal})

    def refuse_view_only_changes(self, request, formsets) -> None:
        """Refuse the save when an inline the user may only view was sent rows to change.

        Django leaves such rows unsaved; a browser never sends them, so a POST that does
        was crafted, and the whole save is refused rather than half of it kept.
        """
        for formset in formsets:
            opts = formset.model._meta
            if request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
                continue
            fk = getattr(getattr(formset, "fk", None), "name", None)
            plain = {"id", fk, "TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"}
            for key in request.POST:
                if key.startswith(f"{formset.prefix}-") and key.rsplit("-", 1)[-1] not in plain:
                    raise Refused(
                        errors={
                            None: [
                                _("You may not change the %(items)s of this story.")
                                % {"items": opts.verbose_name_plural}
                            ]
                        }
                    )

    def save_through(self, save, field: str | None = None):
        """Call `save()` (a service call); turn its refusal into form errors."""
        try:
            return save()
        except (ValidationError, PermissionDenied) as error:
            raise refused(error, field) from error


class RefusedFormMixin:
    refusal = None

    def _post_clean(self):
        super()._post_clean()
        errors = dict(self.refusal.errors)
        if not errors and not self.refusal.rows:
            errors = {None: [str(self.refusal)]}
        for field, messages in errors.items():
            self.add_error(field if field in self.fields else None, messages)


class ObjectRevisionHistoryMixin:
    """ModelAdmin mixin: the object's History page lists its revisions (articles.ObjectRevision,
    recorded from the domain events), each with the fields it changed, before and after."""

    object_history_template = "admin/object_revisions.html"

    def history_view(self, request, object_id, extra_context=None):
        # Looked up by name: media's admin uses this too, and media imports nothing from
        # articles.
        revision_model = apps.get_model("articles", "ObjectRevision")
        obj = self.get_object(request, object_id)
        rows = []
        if obj is not None:
            revisions = list(
                revision_model.objects.filter(
                    content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
                )
                .select_related("created_by")
                .order_by("-number")
            )
            for index, revision in enumerate(revisions):
                before = revisions[index + 1].data if index + 1 < len(revisions) else {}
                rows.append(
                    {
                        "revision": revision,
                        "who": _person(revision.created_by),
                        "changes": _field_changes(obj, before, revision.data),
                    }
                )
        context = {"object_revisions": rows, **(extra_context or {})}
        return super().history_view(request, object_id, extra_context=context)


def _person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _field_changes(obj, before: dict, after: dict) -> list[dict]:
    """The fields whose value differs between two revisions' data, with their labels."""
    changes = []
    for name, value in after.items():
        old = before.get(name)
        if (old or "") == (value or ""):
            continue
        try:
            label = obj._meta.get_field(name.removesuffix("_id")).verbose_name
        except FieldDoesNotExist:  # a field since removed: its name is all there is
            label = name
        changes.append({"label": label, "old": old, "new": value})
    return changes
