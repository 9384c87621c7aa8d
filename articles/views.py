"""Reader pages: the home page, the article page and the section, tag and author listings.

Every page knows its own address in each language (`urls`): that one map drives the canonical
link, the hreflang alternates and the language switcher, so the three cannot disagree.

The language cookie: switcher links carry a `?lang-switch` marker, and a page fetched with
it stores its language in the language cookie (the one LocaleMiddleware reads for `/`).
Plain page views set no cookie, so a shared link in another language does not change a
reader's choice, and ordinary pages stay cacheable.
"""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext

from newsroom.languages import language_codes, localized, text_direction

from . import selectors
from .models import Article, Author, Section, Tag, slug_for

LANG_SWITCH = "lang-switch"
# The home page's x-default: `/` redirects to the reader's language (LocaleMiddleware).
HOME_X_DEFAULT = "/"


def page_urls(name: str, slugs: dict[str, str] | None = None) -> dict[str, str]:
    """The address of one named page in every language (`slugs` per language if it has one)."""
    urls = {}
    for code in language_codes():
        kwargs = {"slug": slugs[code]} if slugs is not None else {}
        with translation.override(code):
            urls[code] = reverse(f"articles:{name}", kwargs=kwargs)
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
    language = translation.get_language()
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
            translation.get_language(),
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


def paginate(request, queryset):
    """One page of `queryset`; a page number that is not a page answers 404."""
    paginator = Paginator(queryset, settings.NEWSROOM_PAGE_SIZE)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from error


def visible_articles():
    """Articles a reader of the active language may see, ready for a listing."""
    return Article.objects.visible(translation.get_language()).for_listing()


def content_warning(article: Article, language: str) -> str:
    """The article's content warning in `language`, or a generic one.

    A warning written in any language warns every reader: a translation that lacks the
    warning text must not present the story unannounced (and must not borrow another
    language's text either).
    """
    text = localized(article, "content_warning", language)
    if text:
        return text
    if any(localized(article, "content_warning", code) for code in language_codes()):
        return gettext("This story contains material some readers may find distressing.")
    return ""


def home(request):
    """The lead story and the latest stories in the active language."""
    page = paginate(request, visible_articles())
    articles = list(page.object_list)
    lead = articles.pop(0) if page.number == 1 and articles else None
    context = {
        "is_home": True,
        "lead": lead,
        "articles": articles,
        "page_obj": page,
        # x-default is `/`, which picks the reader's language (as the sitemap says too).
        **page_links(
            request,
            page_urls("home"),
            x_default=None,
            x_default_url=HOME_X_DEFAULT,
            page_number=page.number,
        ),
    }
    return render_page(request, "articles/home.html", context)


def article_detail(request, year, month, day, slug):
    """One article, when it is visible in the active language.

    Old slugs, other languages' slugs and a wrong date answer 301 to the canonical address.
    """
    language = translation.get_language()
    article, canonical = selectors.article_by_address(language, slug)
    if article is None:
        raise Http404("No such article in this language.")
    published = timezone.localtime(article.published_at)
    if not canonical or (int(year), int(month), int(day)) != (
        published.year,
        published.month,
        published.day,
    ):
        return redirect_permanently(request, article.get_absolute_url(language))
    visible_in = article.published_languages()
    urls = {
        code: article.get_absolute_url(code) if code in visible_in else None
        for code in language_codes()
    }
    x_default = next(
        (code for code in (settings.LANGUAGE_CODE, article.source_language) if code in visible_in),
        language,
    )
    context = {
        "article": article,
        "content_warning": content_warning(article, language),
        "tags": list(article.tags.all()),
        **page_links(request, urls, x_default=x_default),
    }
    return render_page(request, "articles/article_detail.html", context)


def _translated_listing(request, obj, name, slug, articles, template, extra):
    """A section or tag page: canonical slug check, then the paginated listing."""
    language = translation.get_language()
    right_slug = slug_for(obj, language)
    if slug != right_slug:
        with translation.override(language):
            return redirect_permanently(
                request, reverse(f"articles:{name}", kwargs={"slug": right_slug})
            )
    page = paginate(request, articles)
    slugs = {code: slug_for(obj, code) for code in language_codes()}
    context = {
        "page_obj": page,
        "articles": page.object_list,
        **extra,
        **page_links(
            request,
            page_urls(name, slugs),
            x_default=settings.LANGUAGE_CODE,
            page_number=page.number,
        ),
    }
    return render_page(request, template, context)


def section_detail(request, slug):
    """The visible articles filed in one section."""
    section = selectors.by_translated_slug(Section.objects.all(), slug, translation.get_language())
    if section is None:
        raise Http404("No such section.")
    return _translated_listing(
        request,
        section,
        "section",
        slug,
        visible_articles().in_section(section),
        "articles/section_detail.html",
        {"section": section, "nav_section": section},
    )


def tag_detail(request, slug):
    """The visible articles with one tag."""
    tag = selectors.by_translated_slug(Tag.objects.all(), slug, translation.get_language())
    if tag is None:
        raise Http404("No such tag.")
    return _translated_listing(
        request,
        tag,
        "tag",
        slug,
        visible_articles().filter(tags=tag),
        "articles/tag_detail.html",
        {"tag": tag},
    )


def author_detail(request, slug):
    """The visible articles with one author in the byline (author slugs are not translated)."""
    author = get_object_or_404(Author, slug=slug)
    page = paginate(request, visible_articles().filter(bylines__author=author))
    context = {
        "author": author,
        "page_obj": page,
        "articles": page.object_list,
        **page_links(
            request,
            page_urls("author", {code: author.slug for code in language_codes()}),
            x_default=settings.LANGUAGE_CODE,
            page_number=page.number,
        ),
    }
    return render_page(request, "articles/author_detail.html", context)
