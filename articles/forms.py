"""Forms for the editors' and translators' admin."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

from newsroom.languages import columns, language_codes, language_name, localized, text_direction

from .models import Article, ArticleVariant, Placement


def translated_field_names(model=Article):
    """The model's translated fields (`title`, `slug`, ...) in the model's field order."""
    translated = translator.get_options_for_model(model).fields
    return [f.name for f in model._meta.get_fields() if f.name in translated]


class ArticleAdminForm(forms.ModelForm):
    """The article form: every language's fields, marked with their language.

    `can_publish` is set per request by ArticleAdmin.get_form: an editor without the
    publish permission may prepare an article but not put it on the site or take it off.
    """

    can_publish = True

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

    def clean_status(self):
        status = self.cleaned_data.get("status")
        if self.can_publish:
            return status
        published = Article.Status.PUBLISHED
        was = self.initial.get("status") if self.instance.pk else None
        if status == published and was != published:
            raise forms.ValidationError(
                _("You do not have permission to publish articles."), code="permission"
            )
        if was == published and status != published:
            raise forms.ValidationError(
                _("You do not have permission to take articles off the site."),
                code="permission",
            )
        return status


class ArticleVariantFormSet(forms.BaseInlineFormSet):
    """Checks a language-state change before anything is saved.

    The writes go through `services.variant_set_state` in ArticleAdmin.save_formset; checking
    here first turns its refusals into errors on the right row instead of a failed save.
    """

    can_publish = True

    def clean(self):
        super().clean()
        published = ArticleVariant.State.PUBLISHED
        for form in self.forms:
            if not form.has_changed() or "state" not in form.cleaned_data:
                continue
            state = form.cleaned_data["state"]
            language = form.instance.language
            was = form.initial.get("state")
            if not self.can_publish and published in (state, was):
                form.add_error(
                    "state",
                    _("You do not have permission to publish or unpublish a language version."),
                )
            elif state == published and not localized(self.instance, "title", language):
                name = language_name(language)
                form.add_error(
                    "state",
                    _("The %(language)s version needs a title before it can be published.")
                    % {"language": name},
                )


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

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("image")) == bool(cleaned.get("embed")):
            raise ValidationError(_("Choose either an image or an embed."), code="image_or_embed")
        return cleaned
