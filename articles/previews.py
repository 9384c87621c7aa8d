"""Preview links: the pending version of an article in one language, for anyone holding
the link, without logging in.

An editor makes a link (`preview_link_create`) and sends it to whoever should read the
story before readers do (a source, a lawyer, a colleague without an account). The address
carries the link's token signed with the site's secret (TimestampSigner with its own
salt), so a token cannot be guessed or altered; the PreviewLink row says whether the link
still works, so an editor can revoke it before it expires.

A preview page says visibly that it is one, is never stored by a cache (Cache-Control:
private, no-store) and never indexed (X-Robots-Tag and a robots meta element), and sends
no Referer, so the link does not travel on when a reader follows a link in the story.
An expired or revoked link answers 410 Gone, an unknown or altered one 404, each with a
page that says so.
"""

import uuid
from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from newsroom import events
from newsroom.languages import column, language_codes, reader_text
from newsroom.permissions import require

from . import selectors
from .models import Article, Author, Byline, Placement, PreviewLink, Tag

SALT = "articles.preview-link"
# How long a new link works unless the editor says otherwise, and the longest it may.
DEFAULT_LIFETIME = timedelta(days=3)
MAX_LIFETIME = timedelta(days=30)


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SALT)


def preview_url(link: PreviewLink) -> str:
    """The link's address (path): its token, signed."""
    return reverse("article_preview", kwargs={"token": _signer().sign(link.token.hex)})


@transaction.atomic
def preview_link_create(
    *, article: Article, language: str, by, lifetime: timedelta | None = None
) -> PreviewLink:
    """A new preview link to the pending version of `article` in `language`, working for
    `lifetime` (DEFAULT_LIFETIME, at most MAX_LIFETIME). Needs articles.publish_article:
    a link shows unpublished text to anyone who has it, which is an editor's decision."""
    require(
        by,
        "articles.publish_article",
        message=_("You do not have permission to share previews of unpublished text."),
    )
    if language not in language_codes():
        raise ValueError(f"Not a site language: {language!r}")
    lifetime = min(lifetime or DEFAULT_LIFETIME, MAX_LIFETIME)
    now = timezone.now()
    link = PreviewLink.objects.create(
        token=uuid.uuid4(),
        article=article,
        language=language,
        created_by=by,
        created_at=now,
        expires_at=now + lifetime,
    )
    events.emit(
        events.PreviewLinkChanged(by=by, article_id=article.pk, link_id=link.pk, language=language)
    )
    return link


@transaction.atomic
def preview_link_revoke(*, link: PreviewLink, by) -> PreviewLink:
    """Stop a preview link working at once; needs articles.publish_article."""
    require(
        by,
        "articles.publish_article",
        message=_("You do not have permission to share previews of unpublished text."),
    )
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        events.emit(
            events.PreviewLinkChanged(
                by=by,
                article_id=link.article_id,
                link_id=link.pk,
                language=link.language,
                revoked=True,
            )
        )
    return link


def link_for_token(token: str) -> PreviewLink | None:
    """The link a signed token names, or None when the signature is wrong or too old."""
    try:
        value = _signer().unsign(token, max_age=MAX_LIFETIME)
        token_id = uuid.UUID(hex=value)
    except (signing.BadSignature, ValueError):
        return None
    return PreviewLink.objects.select_related("article").filter(token=token_id).first()


def _pending_story(article: Article, language: str) -> tuple[Article, list[Tag]]:
    """The article with its pending changes in `language` (and the shared part) applied,
    its pending byline and placed items where the article template reads them; and its
    pending tags."""
    view = selectors.pending_view(article, language)
    bylines = getattr(view, "pending_bylines", None)
    if bylines is not None:
        authors = Author.objects.in_bulk(bylines)
        _cache(
            view,
            "bylines",
            [
                Byline(article=view, author=authors[pk], position=position)
                for position, pk in enumerate(bylines)
                if pk in authors
            ],
        )
    rows = getattr(view, "pending_placements", None)
    if rows is not None:
        placements = []
        for row in rows:
            placement = Placement(
                article=view, key=row["key"], image_id=row.get("image"), embed_id=row.get("embed")
            )
            for code, text in (row.get("caption_override") or {}).items():
                if code in language_codes():
                    setattr(placement, column("caption_override", code), text)
            placements.append(placement)
        prefetch_related_objects(placements, "image__renditions", "embed")
        _cache(view, "placements", placements)
    tag_ids = getattr(view, "pending_tags", None)
    if tag_ids is None:
        return view, list(view.tags.all())
    return view, list(Tag.objects.filter(pk__in=tag_ids))


def _cache(article: Article, name: str, items: list) -> None:
    """Make `article.<name>.all()` return `items` (unsaved rows), as a prefetch would."""
    queryset = getattr(article, name).none()
    queryset._result_cache = items
    queryset._prefetch_done = True
    article._prefetched_objects_cache = getattr(article, "_prefetched_objects_cache", {})
    article._prefetched_objects_cache[name] = queryset


def _gone(request, status: int, message: str):
    response = render(request, "articles/preview_gone.html", {"message": message}, status=status)
    return _private(response)


def _private(response):
    # Never stored by a browser, proxy or CDN, never indexed, and no Referer that would
    # carry the token to a site the story links to.
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def preview(request, token: str):
    """The pending version of an article in the link's language, marked as a preview."""
    link = link_for_token(token)
    if link is None:
        return _gone(request, 404, _("This preview link is not valid. Ask for a new one."))
    if link.revoked_at is not None:
        return _gone(request, 410, _("This preview link was withdrawn. Ask for a new one."))
    if link.expires_at <= timezone.now():
        return _gone(request, 410, _("This preview link has expired. Ask for a new one."))
    with translation.override(link.language):
        article, tags = _pending_story(link.article, link.language)
        context = {
            "article": article,
            "tags": tags,
            "preview_link": link,
            "preview_expires": link.expires_at,
            "content_warning": reader_text(
                article,
                "content_warning",
                original=article.source_language,
                language=link.language,
            ),
        }
        request.LANGUAGE_CODE = link.language
        response = render(request, "articles/preview.html", context)
    return _private(response)
