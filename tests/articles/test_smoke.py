import pytest

from tests import factories


@pytest.mark.django_db
def test_published_article_is_visible_only_in_its_published_languages():
    story = factories.article(languages=("en", "nl"))
    factories.article(languages=("en",))
    from articles.models import Article

    assert list(Article.objects.visible("nl")) == [story]
