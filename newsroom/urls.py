from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from articles import previews, sitemaps

from . import views

admin.site.site_header = admin.site.site_title = format_lazy(
    _("{site} administration"), site=settings.NEWSROOM_SITE_NAME
)

# Outside the language prefixes: machine-facing addresses and the admin.
urlpatterns = [
    # Before the admin's own: its "view on site" redirect, with a permission check.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(views.admin_shortcut),
    ),
    path("admin/", admin.site.urls),
    # A preview link carries its language; it is no reader address (never cached or indexed).
    path("preview/<str:token>/", previews.preview, name="article_preview"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="news_sitemap"),
]
# `/` has no pattern: LocaleMiddleware redirects it to the reader's language (cookie, then
# Accept-Language, then LANGUAGE_CODE), as it does any unprefixed address that exists in it.
urlpatterns += i18n_patterns(path("", include("articles.urls")), prefix_default_language=True)

# Uploaded files on a laptop (DEBUG); in production the web server or object storage serves them.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "newsroom.views.page_not_found"
handler500 = "newsroom.views.server_error"
