"""The article page with part of its work taken out: side_by_side.py's floor rows.

    gunicorn --pythonpath tests/benchmarks floor_wsgi:application  (NEWSROOM_BENCH_FLOOR=...)

NEWSROOM_BENCH_FLOOR=reads: the article view does all its reading and computing (the
article with its bylines, tags, variants and corrections, the related stories, the section's
neighbours, the notes, the structured data) and answers one byte instead of rendering the
page. =lookup: the view only resolves the address to the article with its relations
(selectors.article_by_address) and answers one byte. What is left is the rest of the
request: gunicorn, the middleware and the URL resolver.

A measurement of what the page's reads cost beside a whole Wagtail page, never served to
readers: the production WSGI module is newsroom.wsgi.
"""

import os

from django.core.wsgi import get_wsgi_application
from django.http import Http404, HttpResponse

application = get_wsgi_application()

# After django.setup(), before the first request imports the URL configuration (which
# takes views.article_detail from the module then).
from articles import selectors, views  # noqa: E402
from newsroom.languages import active_language  # noqa: E402

MODE = os.environ["NEWSROOM_BENCH_FLOOR"]
ONE_BYTE = b"x"


def _one_byte(*args, **kwargs):
    return HttpResponse(ONE_BYTE)


def _lookup_only(request, year, month, day, slug):
    article, _canonical = selectors.article_by_address(active_language(), slug)
    if article is None:
        raise Http404
    return HttpResponse(ONE_BYTE)


if MODE == "reads":
    views.render_page = _one_byte
elif MODE == "lookup":
    views.article_detail = _lookup_only
else:
    raise SystemExit(f"NEWSROOM_BENCH_FLOOR={MODE!r}: 'reads' or 'lookup'")
