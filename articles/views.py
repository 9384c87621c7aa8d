"""Reader pages: the home page, the article page and the section, tag and author listings.

The frame around them (canonical link, hreflang alternates, language switcher, language
cookie, pagination) is newsroom.pages, shared with every other reader page.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from newsroom import pagecache
from newsroom.languages import active_language, language_codes, reader_text
from newsroom.pagecache import cached_page
from newsroom.pages import page_links, page_urls, paginate, redirect_permanently, render_page

from . import selectors
from .models import Article, Author, Section, Tag, slug_for

# The home page's x-default: `/` redirects to the reader's language (LocaleMiddleware).
HOME_X_DEFAULT = "/"


def visible_articles():
    """Articles a reader of the active language may see, ready for a listing."""
    return Article.objects.visible(active_language()).for_listing()


def listed(request, page) -> list:
    """The page's articles, recorded as what the cached page shows."""
    articles = list(page.object_list)
    pagecache.depends_on(
        request, pagecache.listing_tag(active_language()), *pagecache.article_tags(articles)
    )
    return articles


@cached_page(query=("page",))
def home(request):
    """The lead story and the latest stories in the active language."""
    page = paginate(request, visible_articles())
    articles = listed(request, page)
    lead = articles.pop(0) if page.number == 1 and articles else None
    context = {
        "is_home": True,
        "lead": lead,
        "articles": articles,
        "page_obj": page,
        # x-default is `/`, which picks the reader's language (as the sitemap says too).
        **page_links(
            request,
            page_urls("articles:home"),
            x_default=None,
            x_default_url=HOME_X_DEFAULT,
            page_number=page.number,
        ),
    }
    return render_page(request, "articles/home.html", context)


@cached_page
def article_detail(request, year, month, day, slug):
    """One article, when it is visible in the active language.

    Old slugs, other languages' slugs and a wrong date answer 301 to the canonical address.
    """
    language = active_language()
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
    tags = article.tag_objects()
    pagecache.depends_on(
        request,
        *pagecache.article_tags([article]),
        *(f"tag:{tag.pk}" for tag in tags),
        *(f"author:{line.author_id}" for line in article.bylines.all()),
        *(f"image:{p.image_id}" for p in article.placements.all() if p.image_id),
        *(f"embed:{p.embed_id}" for p in article.placements.all() if p.embed_id),
    )
    context = {
        "article": article,
        # In the reader's language, else the source language's text, marked (never left out).
        "content_warning": reader_text(
            article, "content_warning", original=article.source_language, language=language
        ),
        "tags": tags,
        **page_links(request, urls, x_default=x_default),
    }
    return render_page(request, "articles/article_detail.html", context)


def _translated_listing(request, obj, name, slug, articles, template, extra):
    """A section or tag page: canonical slug check, then the paginated listing."""
    language = active_language()
    right_slug = slug_for(obj, language)
    if slug != right_slug:
        return redirect_permanently(request, reverse(name, kwargs={"slug": right_slug}))
    page = paginate(request, articles)
    pagecache.depends_on(request, f"{obj._meta.model_name}:{obj.pk}")
    addresses = {code: {"slug": slug_for(obj, code)} for code in language_codes()}
    context = {
        "page_obj": page,
        "articles": listed(request, page),
        **extra,
        **page_links(
            request,
            page_urls(name, addresses),
            x_default=settings.LANGUAGE_CODE,
            page_number=page.number,
        ),
    }
    return render_page(request, template, context)


@cached_page(query=("page",))
def section_detail(request, slug):
    """The visible articles filed in one section."""
    section = selectors.by_translated_slug(Section.objects.all(), slug, active_language())
    if section is None:
        raise Http404("No such section.")
    return _translated_listing(
        request,
        section,
        "articles:section",
        slug,
        visible_articles().in_section(section),
        "articles/section_detail.html",
        {"section": section, "nav_section": section},
    )


@cached_page(query=("page",))
def tag_detail(request, slug):
    """The visible articles with one tag."""
    tag = selectors.by_translated_slug(Tag.objects.all(), slug, active_language())
    if tag is None:
        raise Http404("No such tag.")
    return _translated_listing(
        request,
        tag,
        "articles:tag",
        slug,
        visible_articles().filter(tags=tag),
        "articles/tag_detail.html",
        {"tag": tag},
    )


@cached_page(query=("page",))
def author_detail(request, slug):
    """The visible articles with one author in the byline (author slugs are not translated)."""
    author = get_object_or_404(Author, slug=slug)
    page = paginate(request, visible_articles().filter(bylines__author=author))
    pagecache.depends_on(request, f"author:{author.pk}")
    # Author slugs are not translated: one slug in every language.
    addresses = {code: {"slug": author.slug} for code in language_codes()}
    context = {
        "author": author,
        "page_obj": page,
        "articles": listed(request, page),
        **page_links(
            request,
            page_urls("articles:author", addresses),
            x_default=settings.LANGUAGE_CODE,
            page_number=page.number,
        ),
    }
    return render_page(request, "articles/author_detail.html", context)
