"""Corrections and updates on the article form: a dated note per language version.

The inline's rows are written through the services (correction_create, correction_update,
correction_delete) as the editor who saves; a refusal shows on the form.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from newsroom.admin import refused

from .. import services
from ..models import Correction


class CorrectionFormSet(BaseInlineFormSet):
    """Saves through the services as `by` (set per request by CorrectionInline)."""

    by = None

    def save(self, commit=True):
        # What the admin's history message reads (as BaseModelFormSet.save sets them).
        self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
        try:
            for form in self.initial_forms:
                correction = form.instance
                if self.can_delete and self._should_delete_form(form):
                    services.correction_delete(correction=correction, by=self.by)
                    self.deleted_objects.append(correction)
                elif form.has_changed():
                    services.correction_update(correction=correction, by=self.by)
                    self.changed_objects.append((correction, form.changed_data))
            for form in self.extra_forms:
                if not form.has_changed() or (self.can_delete and self._should_delete_form(form)):
                    continue
                data = form.cleaned_data
                correction = services.correction_create(
                    article=self.instance,
                    language=data["language"],
                    kind=data["kind"],
                    text=data["text"],
                    by=self.by,
                    correction=form.instance,
                )
                self.new_objects.append(correction)
        except (ValidationError, PermissionDenied) as error:
            raise refused(error) from error
        return self.new_objects + [c for c, _changed in self.changed_objects]


class CorrectionInline(admin.TabularInline):
    """Dated corrections and updates, each shown on one language version of the story."""

    model = Correction
    formset = CorrectionFormSet
    fields = ["language", "kind", "text", "created_at", "created_by"]
    readonly_fields = ["created_at", "created_by"]
    extra = 0
    verbose_name = _("correction or update")
    verbose_name_plural = _("corrections and updates")
    formfield_overrides = {
        Correction._meta.get_field("text").__class__: {
            "widget": forms.Textarea(attrs={"rows": 2, "cols": 60})
        }
    }

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"by": request.user})
