"""The article page with part of its work taken out: side_by_side.py's floor rows.

    gunicorn --pythonpath tests/benchmarks floor_wsgi:application  (NEWSROOM_BENCH_FLOOR=...)

NEWSROOM_BENCH_FLOOR=reads: the article view does all its reading and computing (the
article with its bylines, tags, variants and corrections, the related stories, the section's
neighbours, the notes, the structured data) and answers one byte instead of rendering the
page. =lookup: the view only resolves the address to the article with its relations
(selectors.article_by_address) and answers one byte. What is left is the rest of the
request: gunicorn, the middleware and the URL resolver.

=stored: what a read model would leave to the request. The article's own parts (its
<article> element, title and <meta> block, the addresses of its language versions and its
tag ids) are rendered beforehand by the real view, as if the write path had stored them
(`python floor_wsgi.py store FILE` writes them for every English story; the server reads
NEWSROOM_BENCH_STORE). A request finds the story by its address (one query, as it would
read a stored row), reads the related stories and the section's neighbours as the page does
(they change when other stories are published) and renders the page around the stored parts:
the site header with its section navigation, the language switcher, more stories. It answers
the whole page.

A measurement of what the page's reads cost beside a whole Wagtail page, never served to
readers: the production WSGI module is newsroom.wsgi.
"""

import os
import pickle
import sys

from django.core.wsgi import get_wsgi_application
from django.http import Http404, HttpResponse

application = get_wsgi_application()

# After django.setup(), before the first request imports the URL configuration (which
# takes views.article_detail from the module then).
from django.template import engines  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from articles import selectors, views  # noqa: E402
from articles.models import Article  # noqa: E402
from newsroom.languages import active_language, language_codes  # noqa: E402
from newsroom.pages import page_links  # noqa: E402

ONE_BYTE = b"x"


def _one_byte(*args, **kwargs):
    return HttpResponse(ONE_BYTE)


def _lookup_only(request, year, month, day, slug):
    article, _canonical = selectors.article_by_address(active_language(), slug)
    if article is None:
        raise Http404
    return HttpResponse(ONE_BYTE)


def _between(html: str, start: str, *ends: str) -> str:
    begin = html.index(start)
    return html[begin : min(i for end in ends if (i := html.find(end, begin)) != -1)]


def store(path: str, language: str = "en") -> None:
    """Render every story visible in `language` with the real view and keep its own parts."""
    client = Client(HTTP_HOST="127.0.0.1")
    stored = {}
    with translation.override(language):
        for article in Article.objects.visible(language).prefetch_related("variants", "tags"):
            html = client.get(article.get_absolute_url(language)).content.decode()
            visible_in = article.published_languages()
            stored[(language, article.slug)] = {
                "title": _between(html, "<title>", "</title>")[len("<title>") :],
                "meta": _between(html, "</title>", '<link rel="canonical"')[len("</title>") :],
                "article": _between(
                    html,
                    '<article class="article">',
                    '<nav class="section-pager"',
                    '<section class="related"',
                    "</main>",
                ),
                "urls": {
                    code: article.get_absolute_url(code) if code in visible_in else None
                    for code in language_codes()
                },
                "tag_ids": sorted(tag.pk for tag in article.tags.all()),
            }
    with open(path, "wb") as out:
        pickle.dump(stored, out)


STORED_PAGE = engines["django"].from_string(
    '{% extends "base.html" %}{% load articles_tags %}'
    "{% block title %}{{ stored.title|safe }}{% endblock %}"
    "{% block meta %}{{ stored.meta|safe }}{% endblock %}"
    "{% block content %}{{ stored.article|safe }}{% more_stories %}{% endblock %}"
)
STORED = {}


def _stored_parts(request, year, month, day, slug):
    language = active_language()
    found = selectors._ARTICLE_BY_SLUG.run(language, slug=slug, now=timezone.now())
    if not found:
        raise Http404
    article, stored = found[0], STORED[(language, slug)]
    previous, following = selectors.section_neighbours(article, language)
    tag_ids = stored["tag_ids"]
    related = (
        selectors._related_query(len(tag_ids)).run(
            (language, len(tag_ids)),
            article_id=article.pk,
            now=timezone.now(),
            **{f"tag{i}": pk for i, pk in enumerate(tag_ids)},
        )
        if tag_ids
        else []
    )
    context = {
        "stored": stored,
        "previous_article": previous,
        "next_article": following,
        "related_articles": related,
        **page_links(request, stored["urls"], x_default=language),
    }
    return HttpResponse(STORED_PAGE.render(context, request))


if __name__ == "__main__":
    if sys.argv[1:2] != ["store"] or len(sys.argv) != 3:
        raise SystemExit("usage: python floor_wsgi.py store FILE")
    store(sys.argv[2])
elif (MODE := os.environ["NEWSROOM_BENCH_FLOOR"]) == "stored":
    with open(os.environ["NEWSROOM_BENCH_STORE"], "rb") as stored_file:
        STORED.update(pickle.load(stored_file))
    views.article_detail = _stored_parts
elif MODE == "reads":
    views.render_page = _one_byte
elif MODE == "lookup":
    views.article_detail = _lookup_only
else:
    raise SystemExit(f"NEWSROOM_BENCH_FLOOR={MODE!r}: 'reads', 'lookup' or 'stored'")
