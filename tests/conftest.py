import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_by_default():
    """Each test starts in the default language, whatever the previous one activated."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _nothing_scheduled_in_the_cache():
    """Each test starts with an empty database, so with nothing scheduled: the cached next
    due time (articles.services.NEXT_DUE_KEY) says so, as it would after any write."""
    from django.core.cache import cache

    from articles.services import NEXT_DUE_KEY

    cache.set(NEXT_DUE_KEY, "", None)
    yield
