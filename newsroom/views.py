"""Site-wide views outside the language prefixes: health check, robots.txt, error pages."""

import logging

from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, HttpResponseServerError
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
