"""The byline and the tags as one autocomplete field each, where a name that does not exist
yet can be typed and is created with the story (services._filing_new).

The browser sends one token per chosen item, in the order chosen: an id ("12"), or a new
name ("new:Rotterdam" for a tag, "new:agency:Reuters" for an author of that kind).
Without JavaScript the field is a plain multiple select of the chosen items.
"""

import json

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import get_select2_language
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from newsroom.languages import column, columns, language_codes

from ..forms import ArticleAdminForm
from ..models import Author, Tag

NEW = "new:"


class CreatableAutocomplete(forms.SelectMultiple):
    """select2 (bundled with the admin) with `tags: true`, set up by creatable.js: search
    through the admin's autocomplete view, and "Create “X”" entries for new names."""

    def __init__(self, *, source: tuple[str, str], kinds=(), attrs=None):
        super().__init__(attrs)
        self.source = source  # (model name, field name) the admin's autocomplete view serves
        self.kinds = kinds  # (value, label) pairs offered for a new name; none: no kind
        self.labels = {}
        self.model = None  # set by CreatableField

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        model_name, field_name = self.source
        attrs["class"] = (attrs.get("class", "") + " nr-creatable").strip()
        attrs.update(
            {
                "data-ajax--url": reverse("admin:autocomplete"),
                "data-ajax--delay": 250,
                "data-theme": "admin-autocomplete",
                "data-app-label": "articles",
                "data-model-name": model_name,
                "data-field-name": field_name,
                "data-kinds": json.dumps([[value, str(label)] for value, label in self.kinds]),
                "data-labels": json.dumps({k: str(v) for k, v in self.labels.items()}),
                "lang": get_select2_language() or "en",
            }
        )
        return attrs

    def optgroups(self, name, value, attrs=None):
        # Only the chosen items are options (select2 finds the others), in their order.
        tokens = [str(token) for token in value or [] if str(token)]
        found = self.model.objects.in_bulk([int(t) for t in tokens if t.isdigit()])
        kinds = {value: str(label) for value, label in self.kinds}
        options = []
        for token in tokens:
            if token.isdigit():
                if int(token) not in found:
                    continue
                label = str(found[int(token)])
            elif token.startswith(NEW):
                rest = token[len(NEW) :]
                if self.kinds:
                    kind, _sep, rest = rest.partition(":")
                    label = f"{rest} ({kinds.get(kind, kind)})"
                else:
                    label = rest
            else:
                continue
            options.append(self.create_option(name, token, label, True, len(options)))
        return [(None, options, 0)]

    def format_value(self, value):
        return [str(v) for v in value] if value else []

    @property
    def media(self):
        extra = "" if settings.DEBUG else ".min"
        language = get_select2_language()
        return forms.Media(
            js=[
                f"admin/js/vendor/jquery/jquery{extra}.js",
                f"admin/js/vendor/select2/select2.full{extra}.js",
                *([f"admin/js/vendor/select2/i18n/{language}.js"] if language else []),
                "admin/js/jquery.init.js",
                "articles/admin/creatable.js",
            ],
            css={
                "screen": [
                    f"admin/css/vendor/select2/select2{extra}.css",
                    "admin/css/autocomplete.css",
                    "articles/admin/creatable.css",
                ]
            },
        )


class CreatableField(forms.Field):
    """Chosen items in order: saved instances, and unsaved ones for names typed as new."""

    widget = CreatableAutocomplete

    def __init__(self, *, model, max_length: int, kinds=(), **kwargs):
        self.model = model
        self.max_length = max_length
        self.kinds = {value for value, _label in kinds}
        super().__init__(required=False, **kwargs)
        self.widget.model = model

    def to_python(self, value):
        if not value:
            return []
        tokens = value if isinstance(value, list | tuple) else [value]
        return [str(token).strip() for token in tokens if str(token).strip()]

    def parse(self, tokens) -> list[tuple[int | None, str, str]]:
        """(id, name, kind) per token, in order; id None for a new name."""
        parsed, seen = [], set()
        for token in tokens:
            if token.startswith(NEW):
                rest = token[len(NEW) :]
                kind = ""
                if self.kinds:
                    kind, _sep, rest = rest.partition(":")
                    if kind not in self.kinds:
                        raise ValidationError(
                            gettext("Choose a kind for “%(name)s”.") % {"name": rest}
                        )
                name = " ".join(rest.split())
                if not name:
                    continue
                if len(name) > self.max_length:
                    raise ValidationError(
                        gettext("“%(name)s” is longer than %(limit)d characters.")
                        % {"name": name, "limit": self.max_length}
                    )
                key = (None, name.casefold())
                if key not in seen:
                    seen.add(key)
                    parsed.append((None, name, kind))
            elif token.isdigit():
                if int(token) not in seen:
                    seen.add(int(token))
                    parsed.append((int(token), "", ""))
            else:
                raise ValidationError(gettext("Choose an item from the list."))
        return parsed


def _tag_by_name(name: str, language: str) -> Tag | None:
    """An existing tag with this name (any case), in `language` first, then any language."""
    found = Tag.objects.filter(**{f"{column('name', language)}__iexact": name}).first()
    if found is None:
        for name_column in columns("name"):
            found = Tag.objects.filter(**{f"{name_column}__iexact": name}).first()
            if found is not None:
                break
    return found


def resolve(field: CreatableField, tokens, *, language: str) -> list:
    """The instances the tokens stand for: saved ones looked up (a missing id is an error),
    a new name that matches an existing one (any case) taken as that one, else an unsaved
    instance with the name in `language` (the story's source language) for the service."""
    parsed = field.parse(tokens)
    ids = [pk for pk, _name, _kind in parsed if pk is not None]
    found = field.model.objects.in_bulk(ids)
    if len(found) != len(set(ids)):
        raise ValidationError(gettext("Choose an item from the list."))
    items, seen = [], set()
    for pk, name, kind in parsed:
        if pk is not None:
            item = found[pk]
        elif field.model is Tag:
            # The model needs a name in the site's default language: the typed name goes
            # there too until the translation desk gives that language its own.
            names = {column("name", code): name for code in {language, default_language()}}
            item = _tag_by_name(name, language) or Tag(**names)
        else:
            item = Author.objects.filter(name__iexact=name).first() or Author(
                name=name, kind=kind or Author.Kind.PERSON
            )
        if item.pk is None or item.pk not in seen:
            seen.add(item.pk)
            items.append(item)
    return items


def tokens_for(items) -> list[tuple[str, str]]:
    """(token, label) pairs for the widget, for saved or unsaved instances."""
    pairs = []
    for item in items:
        if item.pk is not None:
            pairs.append((str(item.pk), str(item)))
        elif isinstance(item, Author):
            pairs.append((f"{NEW}{item.kind}:{item.name}", item.name))
        else:
            name = next(filter(None, (getattr(item, c) for c in columns("name"))), "")
            pairs.append((f"{NEW}{name}", name))
    return pairs


def byline_field() -> CreatableField:
    field = CreatableField(
        model=Author,
        max_length=Author._meta.get_field("name").max_length,
        kinds=Author.Kind.choices,
        label=_("Byline"),
        help_text=_(
            "Type a name and choose it; a name not yet known is added as a new author of "
            "the kind you choose. The first chosen is named first."
        ),
        widget=CreatableAutocomplete(source=("byline", "author"), kinds=Author.Kind.choices),
    )
    field.widget.labels = {
        "create": _("Add “%(name)s” as: %(kind)s"),
    }
    return field


def tags_field() -> CreatableField:
    field = CreatableField(
        model=Tag,
        max_length=Tag._meta.get_field("name").max_length,
        label=_("Tags"),
        help_text=_(
            "Type a tag and choose it, or type several separated by commas; a tag not yet "
            "known is created with the story, its other languages filled in later from the "
            "translation desk."
        ),
        widget=CreatableAutocomplete(source=("taggedarticle", "tag")),
    )
    field.widget.labels = {"create": _("Create tag “%(name)s”")}
    return field


def default_language() -> str:
    return settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in language_codes() else "en"


class StoryForm(ArticleAdminForm):
    """The article form with the byline and tags as autocomplete fields.

    They start from what a save starts from: the pending change's byline and tags when the
    story has one (selectors.pending_view), else the stored ones. `filing_user` (set by
    the admin) decides whether they can be changed; a user who may not (a translator) sees
    them disabled, and a crafted POST that changes them is refused.
    """

    filing_user = None

    bylines = byline_field()
    tags = tags_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        article = self.instance
        if article.pk is not None:
            pending = getattr(article, "pending", None) or {}
            if "" in pending:
                authors, tags = article.pending_bylines, article.pending_tags
            else:
                authors = [b.author_id for b in article.bylines.order_by("position", "pk")]
                tags = list(article.tags.values_list("pk", flat=True))
            self.initial.setdefault("bylines", [str(pk) for pk in authors])
            self.initial.setdefault("tags", [str(pk) for pk in tags])
        user = self.filing_user
        for name, model in (("bylines", "byline"), ("tags", "taggedarticle")):
            if name in self.fields and user is not None:
                if not user.has_perm(f"articles.change_{model}"):
                    self.fields[name].disabled = True

    def _clean_filing(self, name: str, items_label: str):
        field = self.fields[name]
        key = self.add_prefix(name)
        if field.disabled:
            posted = self.data.getlist(key) if hasattr(self.data, "getlist") else None
            if posted is not None and key in self.data and posted != self.initial.get(name, []):
                raise ValidationError(
                    gettext("You may not change the %(items)s of this story.")
                    % {"items": items_label}
                )
            return None  # unchanged: the stored (or pending) items stay
        field.parse(self.cleaned_data.get(name) or [])  # a malformed token: error here
        return self.cleaned_data.get(name) or []

    def clean_bylines(self):
        return self._clean_filing("bylines", gettext("bylines"))

    def clean_tags(self):
        return self._clean_filing("tags", gettext("tags"))

    def clean(self):
        cleaned = super().clean()
        # Resolved here, once the source language (a later field) is known: a new tag is
        # named in the story's language.
        language = cleaned.get("source_language") or default_language()
        for name in ("bylines", "tags"):
            tokens = cleaned.get(name)
            if tokens is None or name not in self.fields:
                continue
            try:
                cleaned[name] = resolve(self.fields[name], tokens, language=language)
            except ValidationError as error:
                self.add_error(name, error)
        return cleaned
