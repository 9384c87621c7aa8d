"""A test-only page for the picture desk's browser tests: an article with its placed media,
served with the uploads, independent of the reader templates."""

from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template import engines
from django.urls import path, re_path
from django.utils import translation
from django.views.static import serve

from articles.models import Article

# Kept beside the tests, not among the site's templates: no production view renders it.
STORY_PREVIEW = Path(__file__).resolve().parent / "templates" / "story_preview.html"


def story(request, pk):
    with translation.override(request.GET.get("lang", "en")):
        article = get_object_or_404(Article, pk=pk)
        template = engines["django"].from_string(STORY_PREVIEW.read_text())
        return HttpResponse(template.render({"article": article}, request))


def uploads(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    path("story/<int:pk>/", story),
    re_path(r"^uploads/(?P<path>.*)$", uploads),
]
