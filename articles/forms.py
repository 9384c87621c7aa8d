"""Forms for the editors' and translators' admin."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

from newsroom.languages import column, columns, language_codes, text_direction

from .models import Article, Placement


def translated_field_names(model=Article):
    """The model's translated fields (`title`, `slug`, ...) in the model's field order."""
    translated = translator.get_options_for_model(model).fields
    return [f.name for f in model._meta.get_fields() if f.name in translated]


class ArticleAdminForm(forms.ModelForm):
    """The article form: every language's fields, marked with their language.

    Who may publish, and what an article needs to be published, is decided by the services
    when ArticleAdmin saves; their refusals come back as errors on these fields.
    `opened_version` is the article's version when the form was opened: a save from an
    older version than the stored one is refused (services.article_save_draft).
    """

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        # Every language's column of each translated field. Tags are left out: they are
        # edited through the TaggedArticle inline (autocomplete), which TaggableManager's
        # comma-separated text box would bypass.
        fields = [
            *columns(*translated_field_names()),
            "section",
            "lead_image",
            "status",
            "published_at",
            "source_language",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "opened_version" in self.fields and self.instance.pk is not None:
            self.fields["opened_version"].initial = self.instance.version
        # lang/dir on each input: the browser spell-checks in the right language and
        # each is typed in its own direction, with or without the language switcher script.
        for base in translated_field_names():
            for code in language_codes():
                field = self.fields.get(f"{base}_{code}")
                if field is None:
                    continue
                field.widget.attrs["lang"] = code
                # Explicit both ways: in an Arabic admin, English must not inherit rtl.
                field.widget.attrs["dir"] = text_direction(code)


class ArticleVariantFormSet(forms.BaseInlineFormSet):
    """The language versions' states; changes are written by `services.variant_set_state`
    (ArticleAdmin.save_formset), which decides who may make them and when.

    `service_errors` ({language: [message]}) is what the service refused in the first
    attempt at this save; each goes on its language's row.
    """

    service_errors: dict[str, list[str]] = {}

    def clean(self):
        super().clean()
        for form in self.forms:
            messages = self.service_errors.get(form.instance.language)
            if messages:
                form.add_error("state", messages)


class PlacementForm(forms.ModelForm):
    """One placed item: which picture or video, its caption per language, and the languages
    whose text leaves it out on purpose."""

    accepted_gaps = forms.MultipleChoiceField(
        label=_("left out on purpose in"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick a language to accept that its text has no place for this item."),
    )

    class Meta:
        model = Placement
        fields = ["image", "embed", *columns("caption_override"), "accepted_gaps"]

    def __init__(self, *args, pending_placements=None, **kwargs):
        super().__init__(*args, **kwargs)
        # A published article's pending change may have changed this item: show that.
        row = (pending_placements or {}).get(self.instance.key) if self.instance.pk else None
        if row is not None:
            self.initial.update(
                image=row.get("image"),
                embed=row.get("embed"),
                accepted_gaps=row.get("accepted_gaps") or [],
                **{
                    column("caption_override", code): text
                    for code, text in (row.get("caption_override") or {}).items()
                    if code in language_codes()
                },
            )

    def clean(self):
        cleaned = super().clean()
        if "image" not in self.fields:
            return cleaned  # The item is read-only to this user (articles/admin/roles.py).
        if bool(cleaned.get("image")) == bool(cleaned.get("embed")):
            raise ValidationError(_("Choose either an image or an embed."), code="image_or_embed")
        return cleaned
