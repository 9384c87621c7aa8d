"""Site-wide views outside the language prefixes: health check, robots.txt, error pages."""

import copy
import logging
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponseServerError, QueryDict
from django.shortcuts import render
from django.template import loader
from django.urls import resolve, reverse
from django.utils import translation
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from newsroom.languages import active_language
from newsroom.pages import language_switcher, page_urls

logger = logging.getLogger(__name__)

FAVICON = Path(__file__).resolve().parent / "static" / "newsroom" / "favicon.ico"


@never_cache
@require_safe
def healthz(request):
    """200 "ok" when the database answers, the cache keeps a value and the home page
    renders; 503 otherwise, saying which.

    For load balancers: an app whose reader pages all fail is not healthy, however well
    its database answers. The home page is rendered in the default language, in-process.
    A failing cache fails this check (the operator must hear of it) but not reader pages,
    which are then rendered uncached.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer.")
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    if not _cache_works():
        return HttpResponse("cache unavailable\n", status=503, content_type="text/plain")
    try:
        # The home page itself, first page, whatever the probe's own query string says.
        probe = copy.copy(request)
        probe.GET = QueryDict()
        probe.page_cache_bypass = True  # rendered, not served from the page cache
        with translation.override(settings.LANGUAGE_CODE):
            # Whatever view the URLconf serves the home page with: this module knows no app.
            home = resolve(reverse("articles:home"))
            response = home.func(probe, *home.args, **home.kwargs)
        if response.status_code != 200:
            raise RuntimeError(f"the home page answered {response.status_code}")
    except Exception:  # whatever breaks the home page makes this app unhealthy
        logger.exception("Health check: the home page does not render.")
        return HttpResponse("home page unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def _cache_works() -> bool:
    """Set a key of this process's own and read it back from the default cache."""
    key, value = f"newsroom:healthz:{os.getpid()}", secrets.token_hex(8)
    try:
        cache.set(key, value, timeout=30)
        if cache.get(key) == value:
            return True
        logger.error("Health check: the cache did not keep a value.")
    except Exception:  # whatever the backend raises (connection refused, timeout)
        logger.exception("Health check: the cache does not answer.")
    return False


@cache_control(public=True, max_age=86400)
@require_safe
def favicon(request):
    """The site's icon at the address browsers ask for without being told."""
    return FileResponse(FAVICON.open("rb"), content_type="image/x-icon")


@cache_control(public=True, max_age=3600)
@require_safe
def robots_txt(request):
    """Let crawlers in everywhere but the admin (and the search results), and point them at
    the sitemap and the news sitemap."""
    lines = [
        "User-agent: *",
        "Allow: /",
        f"Disallow: {reverse('admin:index')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('news_sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    """The 404 page in the reader's language, with the way home in every language."""
    context = {
        "switcher": language_switcher(
            page_urls("articles:home"), active_language(), same_page=False
        ),
    }
    return render(request, "404.html", context, status=404)


def server_error(request):
    """The 500 page: rendered without context or database, so it works when little else does."""
    try:
        return HttpResponseServerError(loader.get_template("500.html").render())
    except Exception:  # the error page itself must never fail
        return HttpResponseServerError("Server error", content_type="text/plain")


def admin_shortcut(request, content_type_id, object_id):
    """The admin's "view on site" redirect (/admin/r/<type>/<id>/), for staff who may view
    the object's model: to anyone else it is a 404 whatever the object, so it tells
    nothing of drafts' and scheduled stories' addresses or of stored files' names."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        raise Http404 from None
    if model is None:
        raise Http404
    opts = model._meta
    if not any(
        request.user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
        for action in ("view", "change")
    ):
        raise Http404
    return shortcut(request, content_type_id, object_id)
