"""The page cache: whole reader pages for anonymous readers, purged exactly by the write path.

A view opts in with a decorator, and says what its page shows:

    @cached_page(query=("page",))
    def home(request):
        ...
        pagecache.depends_on(request, "listing:en", *pagecache.article_tags(articles))

(or `method_decorator(cached_page)` on a class's `__call__`, as the feeds do). Reader pages,
search results' first page, feeds and sitemaps opt in. Every page depends on FRAME (the
section navigation).
PageCacheMiddleware (in settings.MIDDLEWARE, right after SecurityMiddleware) stores what such
a view renders and answers stored pages before the rest of the stack runs.

Exact invalidation by purge stamps. Each dependency tag ("article:12", "image:3", "frame",
"tag:7", "author:2", "listing:nl") has a stamp in the cache: the time of its last purge
(with a random part, so two purges never leave equal stamps). A stored page carries the stamps
of its tags as they were when it was stored; a purge replaces the stamps of the tags a change
touches (newsroom.events subscribers, below), and then the stamp of ANY, the last purge of
all. A lookup reads the page and ANY's stamp (and the serve_only_if keys) in one round
trip: when no purge has happened since the page was stored, it is served as it is; else the
lookup reads its tags' stamps in a second round trip and serves the page only when none has
moved. A page whose tags were purged while it was being rendered (stamp newer than the start
of the render, less a margin for clocks) is answered but not stored: it may show the data
from before the change.
Why stamps rather than a list of pages per tag: a purge is O(1) whatever the number of
pages; nothing is lost when processes write at once (Django's cache API has no atomic
set-add); and the race above is caught. The same code runs on Redis and on the embedded
per-process memory cache (where each process sees only its own purges: one process there).

A scheduled story going live purges nothing: a listing's entry lives at most until the
next scheduled publication time (no cron job). Only GET/HEAD answered 200 are stored; a
query string other than the view's own parameters (a preview token, a switcher's marker)
bypasses the cache, and so does a logged-in staff member. A cache that fails (Redis down)
is logged and the page is rendered as if there were no cache.

Responses carry ETag and Last-Modified (304 on a conditional request) and Cache-Control for
a CDN (s-maxage, stale-while-revalidate); NEWSROOM_CDN_PURGE names a callable, or a URL to
POST to, that receives the paths purged (see README, "Page cache and CDN").
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import secrets
import time
import urllib.request
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from django.utils.module_loading import import_string

from newsroom import events

logger = logging.getLogger(__name__)

FRAME = "frame"  # what every page's frame shows: the section navigation
FILINGS = "filings"  # every section, tag and author address (the sitemaps list them all)
ANY = "*"  # its stamp is that of the last purge of any tag
KEY_PREFIX = "page:"
TAG_PREFIX = "gen:"
PATHS_PREFIX = "paths:"
# How many page addresses are remembered per tag for the CDN purge hook.
PATHS_PER_TAG = 500


# What a stored page must pass to be answered by PageCacheMiddleware, registered by apps
# (serve_only_if): a key in the page cache's own store -> a test of its value, read in the
# lookup's one round trip.
_SERVE_CHECKS: dict[str, Callable[[object], bool]] = {}


def serve_only_if(key: str, passes: Callable[[object], bool]) -> None:
    """Answer stored pages before the rest of the stack only while `passes(value)` holds for
    the value of `key` in the page cache's store (None when it is not there). When it fails,
    the request goes the full way: articles registers "no scheduled change is due", so that
    ScheduledChangesMiddleware makes a due change live (and purges) before a page is read."""
    _SERVE_CHECKS[key] = passes


def _cache():
    return caches[settings.NEWSROOM_PAGE_CACHE_ALIAS]


def depends_on(request, *tags: str) -> None:
    """Record that the page being rendered shows what `tags` name."""
    found = getattr(request, "page_cache_tags", None)
    if found is not None:
        found.update(tags)


def ends_at(request, moment) -> None:
    """Record that the page being rendered changes at `moment` (an aware datetime) with no
    event to purge it (a story leaving a time window): its entry ends then."""
    if getattr(request, "page_cache_tags", None) is not None:
        earlier = getattr(request, "page_cache_ends", None)
        request.page_cache_ends = moment if earlier is None else min(earlier, moment)


def article_tags(articles: Iterable) -> list[str]:
    """The tags of articles as a listing shows them: each article and its lead picture."""
    tags = []
    for article in articles:
        tags.append(f"article:{article.pk}")
        if article.lead_image_id:
            tags.append(f"image:{article.lead_image_id}")
    return tags


def listing_tag(language: str) -> str:
    """Which articles a listing in `language` holds (publishing, unpublishing, a language
    version going live change it)."""
    return f"listing:{language}"


def stories_tag(model_name: str, pk) -> str:
    """Which stories a section or tag holds, in every language: what an article page's
    previous and next story (its section) and related stories (its tags) are chosen from.
    A "listing:" tag, so an entry with it also ends at the next scheduled publication."""
    return f"listing:{model_name}:{pk}"


def every_listing() -> list[str]:
    """The listings of every language, and the filings: what a page for all languages (a
    sitemap) shows."""
    return [*(listing_tag(code) for code, _ in settings.LANGUAGES), FILINGS]


# -- Purging --


def purge(*tags: str) -> None:
    """Invalidate every cached page that depends on any of `tags` (and tell the CDN)."""
    if not tags:
        return
    cache = _cache()
    paths = set()
    stamp = [time.time(), secrets.token_hex(4)]
    try:
        # ANY last: a page stored between the two writes (without an atomic set_many)
        # then holds a new stamp of a tag and an old one of ANY, and is checked tag by tag.
        stamps = {TAG_PREFIX + tag: stamp for tag in tags} | {TAG_PREFIX + ANY: stamp}
        cache.set_many(stamps, timeout=None)
        if settings.NEWSROOM_CDN_PURGE:
            for found in cache.get_many([PATHS_PREFIX + tag for tag in tags]).values():
                paths.update(found)
    except Exception:
        logger.exception("Page cache: cannot purge %s.", ", ".join(tags))
    if paths:
        cdn_purge(sorted(paths))


def cdn_purge(paths: list[str]) -> None:
    """Hand the purged page addresses to settings.NEWSROOM_CDN_PURGE: a dotted path to a
    callable (called with the list) or an http(s) URL (POSTed {"paths": [...]} as JSON)."""
    hook = settings.NEWSROOM_CDN_PURGE
    try:
        if hook.startswith(("http://", "https://")):
            request = urllib.request.Request(
                hook,
                data=json.dumps({"paths": paths}).encode(),
                headers={"Content-Type": "application/json"},
                method="POST",
            )
            urllib.request.urlopen(request, timeout=5).close()
        else:
            import_string(hook)(paths)
    except Exception:
        logger.exception("Page cache: the CDN purge hook failed for %d paths.", len(paths))


def purge_for_event(event: events.Event) -> None:
    """What a committed change touches, from the event's fields (so that a new event with an
    article_id, image_id, ... is covered without a change here) and the article's filing."""
    # articles depends on newsroom, not the other way
    from articles.models import Article, TaggedArticle

    tags = []
    article_id = getattr(event, "article_id", None)
    if article_id is not None:
        tags.append(f"article:{article_id}")
        found = Article.objects.filter(pk=article_id).values_list("status", "section_id")
        status, section_id = found.first() or (None, None)
        # Which articles a listing holds changes with anything but a plain save of an
        # article that is not on the site (a draft's edit changes no listing).
        if not isinstance(event, events.ArticleSaved) or status == Article.Status.PUBLISHED:
            language = getattr(event, "language", None)
            codes = [language] if language else [code for code, _ in settings.LANGUAGES]
            tags += [listing_tag(code) for code in codes]
            # The article pages of its section and tags, whose previous, next and related
            # stories it may now be (a deleted one is on them by its own tag).
            if section_id is not None:
                tags.append(stories_tag("section", section_id))
            linked = TaggedArticle.objects.filter(content_object_id=article_id)
            tags += [stories_tag("tag", pk) for pk in linked.values_list("tag_id", flat=True)]
    if getattr(event, "image_id", None) is not None:
        tags.append(f"image:{event.image_id}")
    if getattr(event, "embed_id", None) is not None:
        tags.append(f"embed:{event.embed_id}")
    if isinstance(event, events.FilingChanged):
        name = event.model.rsplit(".", 1)[-1]
        tags += [f"{name}:{event.object_id}", FILINGS]
        if name == "section":
            tags.append(FRAME)  # every page's navigation lists the sections
    purge(*tags)


def connect() -> None:
    """Subscribe the purge to every domain event (called from an AppConfig.ready())."""
    events.subscribe(events.Event, purge_for_event)


# -- Serving --


def _bypass(request, query: tuple[str, ...]) -> bool:
    if not settings.NEWSROOM_PAGE_CACHE or request.method not in ("GET", "HEAD"):
        return True
    if getattr(request, "page_cache_bypass", False):
        return True  # a health check must render the page itself
    if any(name not in query for name in request.GET):
        return True  # a preview token, the switcher's marker, anything unknown
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        user = getattr(request, "user", None)
        if user is not None and user.is_staff:
            return True  # staff see what they just changed, and previews
    return False


def _key(request, query: tuple[str, ...]) -> str:
    params = "&".join(f"{q}={request.GET[q]}" for q in sorted(query) if q in request.GET)
    address = f"{request.scheme}://{request.get_host()}{request.path}?{params}"
    return KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def next_publication_in() -> float | None:
    """Seconds until the next scheduled story goes live, or None when none is scheduled."""
    from articles.models import Article

    moment = (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    if moment is None:
        return None
    return max(0.0, (moment - timezone.now()).total_seconds())


def _headers(response, *, etag: str, modified: float, expires: float | None) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    left = None if expires is None else max(0, int(expires - time.time()))
    max_age = settings.NEWSROOM_PAGE_MAX_AGE
    s_maxage = settings.NEWSROOM_PAGE_S_MAXAGE
    if left is not None:
        max_age, s_maxage = min(max_age, left), min(s_maxage, left)
    patch_cache_control(
        response,
        public=True,
        max_age=max_age,
        s_maxage=s_maxage,
        stale_while_revalidate=settings.NEWSROOM_PAGE_STALE_WHILE_REVALIDATE,
    )


def _from_entry(request, entry: dict):
    response = HttpResponse(entry["content"], status=200, content_type=entry["content_type"])
    for name, value in entry["headers"].items():
        response[name] = value
    _headers(response, etag=entry["etag"], modified=entry["modified"], expires=entry["expires"])
    response["X-Page-Cache"] = "hit"
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=int(entry["modified"]), response=response
    )


def _lookup(cache, key: str, checks: dict | None = None) -> dict | None:
    checks = checks or {}
    found = cache.get_many([key, TAG_PREFIX + ANY, *checks])
    entry = found.get(key)
    if entry is None:
        return None
    if not all(passes(found.get(name)) for name, passes in checks.items()):
        return None
    if entry["expires"] is not None and entry["expires"] <= time.time():
        return None
    last_purge = found.get(TAG_PREFIX + ANY)
    if last_purge is not None and last_purge == entry.get("last_purge"):
        return entry  # nothing purged since it was stored
    current = cache.get_many([TAG_PREFIX + tag for tag in entry["tags"]])
    for tag, stamp in entry["tags"].items():
        if current.get(TAG_PREFIX + tag) != stamp:
            return None
    return entry


# Response headers not kept with a stored page: recomputed for each answer (_headers), or
# one request's own.
NOT_KEPT = {"content-type", "date", "etag", "last-modified", "cache-control", "expires"}


def _store(cache, key, request, response, stamps, last_purge, listing: bool) -> dict:
    ends = []
    if listing:
        # A scheduled story appears in the listings when its time comes: the entry ends then.
        seconds = next_publication_in()
        if seconds is not None:
            ends.append(time.time() + seconds)
    if (moment := getattr(request, "page_cache_ends", None)) is not None:
        ends.append(moment.timestamp())
    expires = min(ends, default=None)
    ttl = settings.NEWSROOM_PAGE_CACHE_TTL
    if expires is not None:
        ttl = min(ttl, max(1, int(expires - time.time())))
    content = response.content
    entry = {
        "content": content,
        "content_type": response["Content-Type"],
        "headers": {h: v for h, v in response.items() if h.lower() not in NOT_KEPT},
        "etag": quote_etag(hashlib.md5(content, usedforsecurity=False).hexdigest()),
        "modified": time.time(),
        "expires": expires,
        "tags": stamps,
        "last_purge": last_purge,
    }
    cache.set(key, entry, ttl)
    if settings.NEWSROOM_CDN_PURGE:
        _remember_path(cache, request, stamps)
    return entry


def _remember_path(cache, request, tags) -> None:
    # Best effort (read, then write): a path lost in a race is served stale by the CDN
    # until its s-maxage ends, no longer.
    path = request.get_full_path()
    for tag in tags:
        paths = cache.get(PATHS_PREFIX + tag) or []
        if path not in paths:
            cache.set(PATHS_PREFIX + tag, [path, *paths][:PATHS_PER_TAG], None)


class PageCacheMiddleware:
    """Stores the pages of views with @cached_page as they leave the application, and answers
    an anonymous reader's GET or HEAD from the cache before the rest of the middleware and
    the URL resolver run: where Django's UpdateCacheMiddleware and FetchFromCacheMiddleware
    go (after SecurityMiddleware, before the rest).

    A request with a session cookie (staff, previews) goes the full way; so does anything
    the lookup here does not find, and the view's decorator then decides with the view's
    own query parameters. The key here takes every parameter of the request, while a page
    is stored under its view's parameters only: a request with another parameter (a preview
    token) never finds a page here. A page is stored with the headers the middleware inside
    this one gave it (Content-Security-Policy, Permissions-Policy, Content-Language, Vary,
    X-Frame-Options, Content-Length), so that a stored answer says what the rendered one
    said; a new policy reaches stored pages when they end (NEWSROOM_PAGE_CACHE_TTL at most).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.NEWSROOM_PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            try:
                key = _key(request, tuple(request.GET))
                entry = _lookup(_cache(), key, _SERVE_CHECKS)
            except Exception:
                # A bad Host header, a cache that is down: the full way answers or explains.
                entry = None
            else:
                request.page_cache_missed = key  # the view's decorator need not look again
            if entry is not None:
                return _from_entry(request, entry)
        response = self.get_response(request)
        rendered = getattr(request, "page_cache_render", None)
        if rendered is None:
            return response
        return _stored(request, response, *rendered)


def _stored(request, response, key: str, started: float):
    """`response` as stored and answered (ETag, 304...), or as it is when it must not be
    stored: not a plain 200, a cookie set, or purged while it was being rendered."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return response
    cache = _cache()
    try:
        names = sorted(request.page_cache_tags)
        # ANY in the same read: no purge can fall between the stamps and it.
        found = cache.get_many([TAG_PREFIX + tag for tag in (*names, ANY)])
        stamps = {tag: found.get(TAG_PREFIX + tag) for tag in names}
        margin = settings.NEWSROOM_PAGE_CACHE_CLOCK_MARGIN
        if any(s and s[0] >= started - margin for s in stamps.values()):
            return response  # purged while rendering: maybe from the old data
        listing = any(tag.startswith("listing:") for tag in names)
        last_purge = found.get(TAG_PREFIX + ANY)
        if last_purge is None:
            # Nothing purged yet (or the stamp was evicted): start ANY. A purge since the
            # read above has written ANY (add fails: this page is checked tag by tag) or
            # will overwrite it after its tags (the page is checked tag by tag then).
            start = [time.time(), secrets.token_hex(4)]
            if cache.add(TAG_PREFIX + ANY, start, timeout=None):
                last_purge = start
        entry = _store(cache, key, request, response, stamps, last_purge, listing)
    except Exception:
        logger.exception("Page cache: store failed; answering uncached.")
        return response
    fresh = _from_entry(request, entry)
    fresh["X-Page-Cache"] = "miss"
    return fresh


def cached_page(view=None, *, query: Iterable[str] = (), tags: Iterable[str] = ()):
    """Serve the view's 200 answers from the page cache for anonymous readers.

    `query`: the query parameters the page depends on (e.g. ("page",)); any other one
    bypasses the cache. `tags`: dependencies every answer of the view has (more are
    recorded with depends_on() while rendering). A tag naming a listing ("listing:...")
    also ends the entry at the next scheduled publication time. PageCacheMiddleware stores
    what the view renders.
    """
    query, static_tags = tuple(query), tuple(tags)

    def decorator(view_func):
        @functools.wraps(view_func)
        def wrapper(request, *args, **kwargs):
            if _bypass(request, query):
                return view_func(request, *args, **kwargs)
            cache, key = _cache(), _key(request, query)
            try:
                missed = getattr(request, "page_cache_missed", None) == key
                entry = None if missed else _lookup(cache, key)
            except Exception:
                logger.exception("Page cache: lookup failed; rendering without the cache.")
                return view_func(request, *args, **kwargs)
            if entry is not None:
                return _from_entry(request, entry)
            request.page_cache_tags = {FRAME, *static_tags}
            request.page_cache_render = (key, time.time())
            return view_func(request, *args, **kwargs)

        wrapper.page_cache = True
        return wrapper

    return decorator(view) if view is not None else decorator
