"""manage.py populate: the benchmark's content is what readers would find on a real site."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_populated_stories_are_found_by_the_site_search(client):
    call_command(
        "populate",
        "--articles",
        "6",
        "--pictures",
        "2",
        "--tags",
        "4",
        "--authors",
        "2",
        stdout=StringIO(),
    )
    story = Article.objects.order_by("pk").first()

    for language in ("en", "nl"):
        title = getattr(story, f"title_{language}")
        word = max(title.split(), key=len)
        response = client.get(f"/{language}/search/", {"q": word})
        assert response.status_code == 200
        assert story.get_absolute_url(language) in response.content.decode()
