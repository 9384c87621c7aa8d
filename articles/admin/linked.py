"""The article form's "Pictures, videos, tags and section" part: their texts in the
translator's languages, beside the source, without leaving the page; and the translation
memory's suggestions for them and for the story's own fields and paragraphs.

The inputs are not fields of the article's model form: they are other objects' columns.
ArticleAdmin.save_related hands them to services.linked_texts_save after the article's own
save, in the same transaction, so a refusal of either leaves nothing written.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext

from newsroom.admin import Refused, error_messages
from newsroom.languages import language_codes, language_name, localized, text_direction

from .. import linked, memory, policy, services

PREFIX = "linked-"
# Fields with room for more than a line.
LONG = ("caption",)


def field_name(code: str, name: str) -> str:
    """The POST name of one text in one language: "linked-nl-image:12.alt_text"."""
    return f"{PREFIX}{code}-{name}"


def writable_languages(user, article) -> list[str]:
    """The languages whose texts `user` fills in here: a translator's own (not the
    source), everyone else's every language but the source (the source's texts are the
    picture desk's and the filing's)."""
    source = article.source_language
    others = [code for code in language_codes() if code != source]
    if policy.may_publish(user) or user.has_perm("articles.add_article"):
        return others
    mine = policy.assigned_languages(user)
    return [code for code in others if code in mine]


def posted(request) -> dict[str, dict[str, str]]:
    """The texts the form sent, by language: {"nl": {"image:12.alt_text": "…"}}."""
    found: dict[str, dict[str, str]] = {}
    for key, text in request.POST.items():
        if not key.startswith(PREFIX):
            continue
        code, _dash, name = key[len(PREFIX) :].partition("-")
        found.setdefault(code, {})[name] = text
    return found


def linked_save(request, article, *, shown_before: set[str] = frozenset()) -> None:
    """Hand what the form sent to services.linked_texts_save, one language at a time; a
    refusal becomes the form's error (Refused) and the admin's transaction rolls back.

    The form lists the texts of what the story showed when it was opened; a picture the
    same save took out of the story is no longer the story's, so its texts are not sent
    (a crafted name the story never showed still reaches the service, which refuses it)."""
    from ..selectors import pending_view

    shown = shown_names(pending_view(article))
    for code, texts in posted(request).items():
        left = shown_before - shown
        texts = {name: text for name, text in texts.items() if name not in left}
        try:
            services.linked_texts_save(article=article, language=code, by=request.user, texts=texts)
        except (ValidationError, PermissionDenied) as error:
            messages = [text for texts in error_messages(error).values() for text in texts]
            raise Refused(errors={None: messages}) from error


def shown_names(article) -> set[str]:
    """The names of the texts the story (as given: live or its pending view) shows."""
    return {item.name for item in linked.linked_texts(article)}


def linked_context(request, article) -> dict | None:
    """What templates/admin/articles/article/linked.html shows: one row per text, the
    source beside an input per language the user writes, each with its memory suggestion;
    and the memory's suggestions for the story's own fields and body paragraphs."""
    if article is None or article.pk is None:
        return None
    source = article.source_language
    codes = writable_languages(request.user, article)
    loaded = linked.objects(article)
    items = linked.linked_texts(article, loaded=loaded)
    sent = posted(request) if request.method == "POST" else {}
    pending = getattr(article, "pending_linked", None) or {}
    source_texts = [localized(loaded[item.key], item.field, source) for item in items]
    own = _own_segments(article, source)
    suggestions = {
        code: memory.suggestions_for(source_texts + [text for _target, text in own], source, code)
        for code in codes
    }
    rows = []
    for item, source_text in zip(items, source_texts, strict=True):
        obj = loaded[item.key]
        max_length = type(obj)._meta.get_field(item.field).max_length
        inputs = []
        for code in codes:
            name = field_name(code, item.name)
            if code in sent and item.name in sent[code]:
                current = sent[code][item.name]
            elif item.name in pending.get(code, {}):
                current = pending[code][item.name]
            else:
                current = localized(obj, item.field, code)
            suggestion = suggestions[code].get(memory.normalise(source_text))
            if suggestion is not None and suggestion.text == current:
                suggestion = None
            inputs.append(
                {
                    "code": code,
                    "language": language_name(code),
                    "dir": text_direction(code),
                    "name": name,
                    "id": "id_" + name.replace(":", "_").replace(".", "_"),
                    "value": current,
                    "waiting": item.name in pending.get(code, {}),
                    "long": item.field in LONG,
                    "max_length": max_length,
                    "suggestion": suggestion,
                }
            )
        rows.append({"item": item, "source": source_text, "inputs": inputs})
    others = []
    for code in codes:
        for target, text in own:
            suggestion = suggestions[code].get(memory.normalise(text))
            if suggestion is None:
                continue
            if target.startswith("body") and suggestion.text in _body_text(article, code):
                continue
            if not target.startswith("body") and localized(article, target, code) == (
                suggestion.text
            ):
                continue
            others.append(
                {
                    "code": code,
                    "language": language_name(code),
                    "dir": text_direction(code),
                    "target": f"id_{target}_{code}" if not target.startswith("body") else "",
                    "body": target.startswith("body"),
                    "source": text,
                    "suggestion": suggestion,
                }
            )
    return {
        "rows": rows,
        "source": source,
        "source_name": language_name(source),
        "source_dir": text_direction(source),
        "languages": [{"code": c, "name": language_name(c)} for c in codes],
        "memory": others,
        "labels": {"used": gettext("Filled in from the translation memory.")},
    }


def _own_segments(article, source: str) -> list[tuple[str, str]]:
    """(field, source text) of the story's own texts the memory may know: its title,
    standfirst and warnings one to one, its body paragraph by paragraph."""
    found = [
        (field, localized(article, field, source))
        for field in ("title", "standfirst", "content_warning")
        if localized(article, field, source)
    ]
    found += [("body", text) for text in memory.segments(localized(article, "body", source))]
    return found


def _body_text(article, code: str) -> str:
    return " ".join(memory.segments(localized(article, "body", code)))
