"""Reader pages: the home page, the article page and the section, tag and author listings.

The frame around them (canonical link, hreflang alternates, language switcher, language
cookie, pagination) is newsroom.pages, shared with every other reader page.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import get_text_list
from django.utils.translation import gettext

from media import services as media_services
from newsroom import pagecache
from newsroom.addresses import address, slug_address
from newsroom.languages import (
    active_language,
    language_codes,
    localized,
    reader_text,
    text_direction,
)
from newsroom.pagecache import cached_page
from newsroom.pages import (
    language_switcher,
    listing_page,
    page_links,
    page_urls,
    redirect_permanently,
    render_page,
)

from . import selectors, structured_data
from .models import Author, Section, Tag, slug_for

# The publisher's logo in the structured data (a local file: nothing loads from elsewhere).
LOGO = "newsroom/logo.png"
LOGO_SIZE = (512, 512)

# The home page's x-default: `/` redirects to the reader's language (LocaleMiddleware).
HOME_X_DEFAULT = "/"


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
    page = listing_page(request, selectors.listing_rows(selectors.HOME_LISTING, active_language()))
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
        return _not_in_this_language(request, language, slug)
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
    previous_article, next_article = selectors.section_neighbours(article, language)
    related_articles = selectors.related_articles(article, language)
    neighbours = [a for a in (*related_articles, previous_article, next_article) if a is not None]
    tags = article.tag_objects()
    placements = selectors.body_placements(article)
    pagecache.depends_on(
        request,
        *pagecache.article_tags([article]),
        *(f"tag:{tag.pk}" for tag in tags),
        *(f"author:{line.author_id}" for line in article.bylines.all()),
        *(f"image:{p.image_id}" for p in placements if p.image_id),
        *(f"embed:{p.embed_id}" for p in placements if p.embed_id),
        # The related stories and the section's neighbours show their titles here, and a
        # story published in its section or with one of its tags may become one of them.
        *pagecache.article_tags(neighbours),
        *([pagecache.stories_tag("section", article.section_id)] if article.section_id else []),
        *(pagecache.stories_tag("tag", tag.pk) for tag in tags),
    )
    context = {
        "article": article,
        # In the reader's language, else the source language's text, marked (never left out).
        "content_warning": reader_text(
            article, "content_warning", original=article.source_language, language=language
        ),
        "tags": tags,
        "outdated_note": selectors.outdated_note(article, language),
        "corrections": selectors.corrections_for(article, language),
        "updated_at": selectors.article_updated_at(article, language),
        "related_articles": related_articles,
        "previous_article": previous_article,
        "next_article": next_article,
        **page_links(request, urls, x_default=x_default),
    }
    context.update(_search_and_social(request, article, language, urls, context))
    return render_page(request, "articles/article_detail.html", context)


def _not_in_this_language(request, language, slug):
    """The 404 for an article readers cannot see in `language`; when it is published in
    other languages, the page links those versions, each named in its own language."""
    article, languages = selectors.article_elsewhere(language, slug)
    if not languages:
        raise Http404("No such article in this language.")
    links = []
    for code in languages:
        info = translation.get_language_info(code)
        links.append(
            format_html(
                '<a href="{}" lang="{}" hreflang="{}" dir="{}">{}</a>',
                article.get_absolute_url(code),
                code,
                code,
                text_direction(code),
                info["name_local"],
            )
        )
    context = {
        "available_in": mark_safe(get_text_list(links, gettext("and"))),
        "switcher": language_switcher(page_urls("articles:home"), language, same_page=False),
    }
    return render(request, "404.html", context, status=404)


def _absolute_image(request, image, crop):
    # The manifest of ready renditions (no query); nothing to share while they are made.
    rendition = structured_data.share_rendition(
        media_services.picture_renditions(image=image, crop=crop) or []
    )
    if rendition is None:
        return None
    return structured_data.SharedImage(
        request.build_absolute_uri(rendition.url), rendition.width, rendition.height
    )


def _search_and_social(request, article, language, urls, context) -> dict:
    """The article page's JSON-LD (NewsArticle, BreadcrumbList) and social card tags.

    Uses what the page has fetched anyway: bylines, tags, variants, the lead image's
    renditions (of every crop, prefetched) and the notes.
    """
    absolute = {code: request.build_absolute_uri(url) for code, url in urls.items() if url}
    url = absolute[language]
    site = settings.NEWSROOM_SITE_NAME
    headline = article.seo_title or article.title
    description = article.seo_description or article.standfirst
    # Structured data has no room for a marker: a name not in the reader's language is left
    # out (it is optional), never given as if it were theirs.
    section = reader_text(article.section, "name").native if article.section else ""
    tag_names = [name for tag in context["tags"] if (name := reader_text(tag, "name").native)]
    images = []
    if article.lead_image is not None and article.lead_image.file:
        images = [
            _absolute_image(request, article.lead_image, crop)
            for crop in structured_data.IMAGE_CROPS
        ]
    images = [image for image in images if image is not None]
    share_image = images[0] if images else None
    modified = selectors.article_modified_at(article, language)
    home = request.build_absolute_uri(address("articles:home", language))
    logo = structured_data.SharedImage(
        request.build_absolute_uri(static(LOGO)), LOGO_SIZE[0], LOGO_SIZE[1]
    )
    versions = [
        structured_data.Version(code, absolute[code], localized(article, "title", code))
        for code in absolute
    ]
    source = next((v for v in versions if v.language == article.source_language), None)
    credits = [
        structured_data.Credit(
            line.author.name,
            request.build_absolute_uri(line.author.get_absolute_url()),
            organisation=line.author.is_organisation,
        )
        for line in article.bylines.all()
    ]
    crumbs = [(site, home)]
    if article.section is not None and section:
        crumbs.append((section, request.build_absolute_uri(slug_url(article.section))))
    crumbs.append((article.title, url))
    return {
        "structured_data": [
            structured_data.news_article(
                url=url,
                headline=headline,
                description=description,
                language=language,
                published=article.published_at,
                modified=modified,
                images=[image.url for image in images],
                credits=credits,
                publisher=structured_data.publisher_node(name=site, url=home, logo=logo),
                section=section,
                keywords=tag_names,
                source=source,
                translations=versions,
            ),
            structured_data.breadcrumb_list(crumbs),
        ],
        "social_tags": structured_data.social_tags(
            url=url,
            title=headline,
            description=description,
            site_name=site,
            language=language,
            other_languages=list(absolute),
            image=share_image,
            image_alt=reader_text(article.lead_image, "alt_text").native
            if article.lead_image
            else "",
            published=article.published_at,
            modified=modified,
            section=section,
            tags=tag_names,
        ),
    }


def slug_url(section):
    return slug_address("articles:section", slug_for(section), active_language())


def _translated_listing(request, obj, name, slug, articles, template, extra):
    """A section or tag page: canonical slug check, then the paginated listing."""
    language = active_language()
    right_slug = slug_for(obj, language)
    if slug != right_slug:
        return redirect_permanently(request, reverse(name, kwargs={"slug": right_slug}))
    page = listing_page(request, articles)
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
    section = selectors.section_or_tag_by_slug(Section, slug, active_language())
    if section is None:
        raise Http404("No such section.")
    return _translated_listing(
        request,
        section,
        "articles:section",
        slug,
        selectors.listing_rows(selectors.SECTION_LISTING, active_language(), section_id=section.pk),
        "articles/section_detail.html",
        {"section": section, "nav_section": section},
    )


@cached_page(query=("page",))
def tag_detail(request, slug):
    """The visible articles with one tag."""
    tag = selectors.section_or_tag_by_slug(Tag, slug, active_language())
    if tag is None:
        raise Http404("No such tag.")
    return _translated_listing(
        request,
        tag,
        "articles:tag",
        slug,
        selectors.listing_rows(selectors.TAG_LISTING, active_language(), tag_id=tag.pk),
        "articles/tag_detail.html",
        {"tag": tag},
    )


@cached_page(query=("page",))
def author_detail(request, slug):
    """The visible articles with one author in the byline (author slugs are not translated)."""
    author = get_object_or_404(Author, slug=slug)
    page = listing_page(
        request,
        selectors.listing_rows(selectors.AUTHOR_LISTING, active_language(), author_id=author.pk),
    )
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
