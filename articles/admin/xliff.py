"""XLIFF in the article admin: an action that downloads the selected articles for one
target language, and a page that imports a translated file (articles/xliff_import.py)."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from newsroom.languages import language_codes, language_name

from .. import policy, xliff
from ..xliff_export import export_filename, export_xliff
from ..xliff_import import ImportRefused, xliff_import

# An upload bigger than this is not a translation of a few stories; refused before parsing.
MAX_UPLOAD = 20 * 1024 * 1024


def _language_choices(user):
    codes = language_codes()
    if not (user.has_perm("articles.publish_article") or user.has_perm("articles.add_article")):
        codes = [c for c in codes if c in policy.assigned_languages(user)]
    return [(code, language_name(code)) for code in codes]


class XliffExportForm(forms.Form):
    language = forms.ChoiceField(label=_("Translate into"))
    version = forms.ChoiceField(
        label=_("XLIFF version"),
        choices=[("2.0", "XLIFF 2.0"), ("1.2", _("XLIFF 1.2 (for older tools)"))],
        initial="2.0",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = _language_choices(user)


class XliffImportForm(forms.Form):
    file = forms.FileField(label=_("Translated XLIFF file"))
    force = forms.BooleanField(
        label=_("Import texts whose source changed since the export"),
        required=False,
        help_text=_(
            "They are imported and named in the note to the reviewer, who checks them "
            "against the new source."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(gettext("The file is too large for a translation."))
        return upload


class XliffAdminMixin:
    """The article admin's XLIFF action and import page."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "xliff-import/",
                self.admin_site.admin_view(self.xliff_import_view),
                name="{}_{}_xliff_import".format(*info),
            ),
            *super().get_urls(),
        ]

    @admin.action(permissions=["change"], description=_("Export for translation (XLIFF)"))
    def export_xliff(self, request, queryset):
        form = XliffExportForm(request.POST if "apply" in request.POST else None, user=request.user)
        if form.is_bound and form.is_valid():
            language, version = form.cleaned_data["language"], form.cleaned_data["version"]
            articles = list(queryset.order_by("pk"))
            try:
                data, skipped = export_xliff(queryset.order_by("pk"), language, version)
            except xliff.XliffError as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            response = HttpResponse(data, content_type="application/xliff+xml; charset=utf-8")
            name = export_filename(language, version, articles)
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Export for translation (XLIFF)"),
            "form": form,
            "articles": queryset,
            "action": "export_xliff",
            "import_url": reverse("admin:articles_article_xliff_import"),
        }
        return TemplateResponse(request, "admin/articles/article/xliff_export.html", context)

    def xliff_import_view(self, request):
        if not self.has_change_permission(request):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        report = None
        form = XliffImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                report = xliff_import(
                    data=upload.read(),
                    by=request.user,
                    force=form.cleaned_data["force"],
                    filename=upload.name,
                )
            except ImportRefused as refused:
                report = refused.report
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Import a translated XLIFF file"),
            "form": form,
            "report": report,
            "list_url": reverse("admin:articles_article_changelist"),
            "language_name": language_name(report.language) if report and report.language else "",
        }
        return TemplateResponse(request, "admin/articles/article/xliff_import.html", context)
