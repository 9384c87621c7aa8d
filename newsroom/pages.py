"""The page frame every reader page shares: canonical link, hreflang, switcher, cookie, pages.

Every page knows its own address in each language (`urls`): that one map drives the canonical
link, the hreflang alternates and the language switcher, so the three cannot disagree. It lives
in the project package so that any reader page (articles, feeds, search, the 404 page) builds
its frame the same way without importing another app's views.

The language cookie: switcher links carry a `?lang-switch` marker, and a page fetched with
it stores its language in the language cookie (the one LocaleMiddleware reads for `/`).
Plain page views set no cookie, so a shared link in another language does not change a
reader's choice, and ordinary pages stay cacheable.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode

from newsroom.addresses import address, slug_address
from newsroom.languages import active_language, language_codes, text_direction

LANG_SWITCH = "lang-switch"


def page_urls(name: str, kwargs_by_language: dict[str, dict] | None = None) -> dict[str, str]:
    """The address of the URL named `name` ("articles:home") in every language.

    `kwargs_by_language` gives each language's URL arguments ({"nl": {"slug": "wereld"}}).
    """
    urls = {}
    for code in language_codes():
        kwargs = kwargs_by_language[code] if kwargs_by_language is not None else {}
        if not kwargs:
            urls[code] = address(name, code)
        elif kwargs.keys() == {"slug"}:
            urls[code] = slug_address(name, kwargs["slug"], code)
        else:
            with translation.override(code):
                urls[code] = reverse(name, kwargs=kwargs)
    return urls


def language_switcher(
    urls: dict[str, str | None], current: str, *, same_page: bool = True
) -> list[dict]:
    """One entry per site language: its own name, and a link when the page exists in it.

    `urls` maps a language to this page's address in it, or None when the page is not
    available in that language (the switcher then shows the language as unavailable).
    `same_page` is False when the links lead elsewhere (the 404 page links the home pages):
    the current language is then marked aria-current="true" rather than "page".
    """
    items = []
    for code in language_codes():
        info = translation.get_language_info(code)
        url = urls.get(code)
        items.append(
            {
                "code": code,
                "name": info["name_local"],
                "name_translated": info["name_translated"],
                "dir": text_direction(code),
                "url": f"{url}?{LANG_SWITCH}" if url else None,
                "current": ("page" if same_page else "true") if code == current else "",
            }
        )
    return items


def page_links(
    request,
    urls: dict[str, str | None],
    *,
    x_default: str | None,
    x_default_url: str | None = None,
    page_number: int = 1,
) -> dict:
    """Canonical link, hreflang alternates and switcher for a page, as template context.

    x-default is the page in the language `x_default`, or `x_default_url` when the page
    has a language-selecting address of its own (the home page's `/`).
    """
    language = active_language()
    canonical = request.build_absolute_uri(urls[language])
    if page_number > 1:
        canonical += "?" + urlencode({"page": page_number})
        # Page N of a listing has no equivalent in another language.
        alternates = []
    else:
        alternates = [
            {"hreflang": code, "href": request.build_absolute_uri(url)}
            for code, url in urls.items()
            if url
        ]
        x_default_url = x_default_url or (urls.get(x_default) if x_default else None)
        if x_default_url:
            alternates.append(
                {"hreflang": "x-default", "href": request.build_absolute_uri(x_default_url)}
            )
    return {
        "canonical_url": canonical,
        "alternates": alternates,
        "switcher": language_switcher(urls, language),
    }


def render_page(request, template: str, context: dict):
    """Render a reader page; a switcher link (`?lang-switch`) also remembers the language."""
    response = render(request, template, context)
    if LANG_SWITCH in request.GET:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            active_language(),
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        # A response that sets a cookie must not be shared by caches.
        add_never_cache_headers(response)
    return response


def redirect_permanently(request, url: str):
    """A 301 to `url`, keeping the query string (so a switcher's marker survives)."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


def paginate(request, items) -> Page:
    """One page of `items` (settings.NEWSROOM_PAGE_SIZE long); a page that is none is a 404."""
    paginator = Paginator(items, settings.NEWSROOM_PAGE_SIZE)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from error


# Beyond this a page number is not a page (and its offset would not fit the database's).
LAST_PAGE = 1_000_000


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing that is not counted: its items, its number, and whether an
    older page follows. The part of Django's Page that pagination.html reads."""

    object_list: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


def listing_page(request, items) -> ListingPage:
    """One page of a reader listing (settings.NEWSROOM_PAGE_SIZE long), newer and older
    pages linked; a page that is none is a 404.

    One query: the page's items and one more, which tells whether an older page exists.
    Unlike paginate() it never counts the listing: a news archive only grows, and counting
    every visible story for each listing page costs more the older the site is. Search,
    which says how many stories match, uses paginate().

    `items`: a queryset, or a function of a slice's (start, stop) returning its rows
    (articles.selectors.listing_rows: a prepared query).
    """
    size = settings.NEWSROOM_PAGE_SIZE
    text = request.GET.get("page") or "1"
    number = int(text) if text.isascii() and text.isdigit() and len(text) <= 7 else 0
    if not 1 <= number <= LAST_PAGE:
        raise Http404("That page number is not a page.")
    start, stop = (number - 1) * size, number * size + 1
    rows = items(start, stop) if callable(items) else list(items[start:stop])
    if not rows and number > 1:
        raise Http404("That page contains no results.")
    return ListingPage(object_list=rows[:size], number=number, has_next=len(rows) > size)
