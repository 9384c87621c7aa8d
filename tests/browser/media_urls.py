"""A test-only page for the picture desk's browser tests: an article with its placed media,
served with the uploads, independent of the reader templates."""

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.urls import path, re_path
from django.utils import translation
from django.views.static import serve

from articles.models import Article


def story(request, pk):
    with translation.override(request.GET.get("lang", "en")):
        article = get_object_or_404(Article, pk=pk)
        return render(request, "media/story_preview.html", {"article": article})


def uploads(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    path("story/<int:pk>/", story),
    re_path(r"^uploads/(?P<path>.*)$", uploads),
]
