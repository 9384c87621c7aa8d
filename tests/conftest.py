import pytest
from django.core.cache import caches
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_by_default():
    """Each test starts in the default language, whatever the previous one activated."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _an_empty_cache_for_an_empty_database():
    """Each test starts with an empty database: nothing in the cache may describe rows of
    an earlier test (ids are reused; the page cache outlives a rolled-back test database, as
    it would outlive a restored backup), and nothing is scheduled, which the cached next due
    time (articles.services.NEXT_DUE_KEY) says, as it would after any write."""
    from articles.services import NEXT_DUE_KEY

    for cache in caches.all():
        try:
            cache.clear()
        except Exception:  # a test that points the cache at a server that is down
            pass
    try:
        caches["default"].set(NEXT_DUE_KEY, "", None)
    except Exception:
        pass
    yield
