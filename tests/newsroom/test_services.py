"""Behaviour that needs the production services: PostgreSQL and Redis.

These run in the PostgreSQL pass of .ci/run (DATABASE_URL and REDIS_URL set); the SQLite
pass deselects them with -m "not postgres".
"""

import threading

import pytest
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import IntegrityError, connection, connections

from articles.models import Article
from tests import factories

pytestmark = [pytest.mark.postgres]


@pytest.mark.django_db(transaction=True)
def test_two_editors_saving_the_same_dutch_slug_at_once_cannot_both_win():
    assert connection.vendor == "postgresql"
    barrier = threading.Barrier(2)
    outcomes = []

    def save(title):
        try:
            barrier.wait(timeout=10)
            Article.objects.create(title_en=title, title_nl="Zelfde titel", slug_nl="zelfde")
            outcomes.append("saved")
        except IntegrityError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(f"Story {n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)

    assert sorted(outcomes) == ["refused", "saved"]
    assert Article.objects.filter(slug_nl="zelfde").count() == 1


@pytest.mark.django_db
def test_an_editors_session_is_kept_in_redis(client):
    cache = caches["default"]
    assert isinstance(cache, RedisCache)
    client.force_login(factories.user())

    assert client.get("/admin/").status_code == 200
    assert cache.get(KEY_PREFIX + client.session.session_key) is not None
