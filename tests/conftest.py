import pytest
from django.core.cache import caches
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_by_default():
    """Each test starts in the default language, whatever the previous one activated."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (the page cache outlives a rolled-back test
    database, as it would outlive a restored backup)."""
    for cache in caches.all():
        try:
            cache.clear()
        except Exception:  # a test that points the cache at a server that is down
            pass
    yield
