"""Site-wide views outside the language prefixes: health check, robots.txt, error pages."""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from articles.views import language_switcher, page_urls

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    """200 "ok" when the app answers and the database does; 503 otherwise (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer.")
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@cache_control(public=True, max_age=3600)
@require_safe
def robots_txt(request):
    """Let crawlers in everywhere but the admin, and point them at the sitemap."""
    lines = [
        "User-agent: *",
        "Allow: /",
        f"Disallow: {reverse('admin:index')}",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    """The 404 page in the reader's language, with the way home in every language."""
    context = {
        "switcher": language_switcher(
            page_urls("home"), translation.get_language(), same_page=False
        ),
    }
    return render(request, "404.html", context, status=404)


def server_error(request):
    """The 500 page: rendered without context or database, so it works when little else does."""
    try:
        return HttpResponseServerError(loader.get_template("500.html").render())
    except Exception:  # the error page itself must never fail
        return HttpResponseServerError("Server error", content_type="text/plain")
