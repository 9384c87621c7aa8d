"""Behaviour that needs the production services: PostgreSQL and Redis.

These run in the PostgreSQL pass of .ci/run (DATABASE_URL and REDIS_URL set); the SQLite
pass deselects them with -m "not postgres".
"""

import threading

import pytest
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections

from articles import services
from articles.models import Article, ArticleVariant, Byline
from tests import factories

pytestmark = [pytest.mark.postgres]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(5))
def test_two_editors_saving_the_same_dutch_slug_at_once_cannot_both_win(round_, monkeypatch):
    """Both saves pass full_clean()'s uniqueness check before either commits; the database
    refuses the loser, and the write path turns that into the usual error on the Dutch slug,
    with nothing of the loser's save written (no article, no language versions, no byline)."""
    assert connection.vendor == "postgresql"
    by = factories.superuser()
    author = factories.author()
    barrier = threading.Barrier(2)
    outcomes = {}
    real_full_clean = Article.full_clean

    def full_clean_then_wait(self, *args, **kwargs):
        # Each thread checks, then both write: the race the admin loses in production.
        real_full_clean(self, *args, **kwargs)
        barrier.wait(timeout=10)

    def save(title):
        try:
            services.article_create(
                by=by,
                title_en=title,
                title_nl=f"{title} NL",
                slug_nl="zelfde",
                bylines=[author],
            )
            outcomes[title] = "saved"
        except ValidationError as error:
            outcomes[title] = error.message_dict
        except IntegrityError:
            outcomes[title] = "IntegrityError"
        finally:
            connections.close_all()

    monkeypatch.setattr(Article, "full_clean", full_clean_then_wait)
    threads = [threading.Thread(target=save, args=(f"Story {n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    monkeypatch.undo()

    assert list(outcomes.values()).count("saved") == 1, outcomes
    (loser,) = [title for title, outcome in outcomes.items() if outcome != "saved"]
    assert list(outcomes[loser]) == ["slug_nl"]
    assert "already exists" in outcomes[loser]["slug_nl"][0]
    (winner,) = Article.objects.all()
    assert winner.slug_nl == "zelfde" and winner.title_en != loser
    assert not Article.objects.filter(title_en=loser).exists()
    assert ArticleVariant.objects.exclude(article=winner).count() == 0
    assert Byline.objects.exclude(article=winner).count() == 0


@pytest.mark.django_db
def test_an_editors_session_is_kept_in_redis(client):
    cache = caches["default"]
    assert isinstance(cache, RedisCache)
    client.force_login(factories.user())

    assert client.get("/admin/").status_code == 200
    assert cache.get(KEY_PREFIX + client.session.session_key) is not None


@pytest.mark.django_db(transaction=True)
def test_the_editor_who_loses_the_slug_race_in_the_admin_sees_it_on_the_dutch_slug(monkeypatch):
    from django.test import Client

    from tests.articles.test_admin_articles import ADD_URL, _editor, _form_data

    editor = _editor()
    clients = [Client(), Client()]
    for client in clients:
        client.force_login(editor)
    forms = [
        _form_data(client, ADD_URL, title_en=f"Story {n}", title_nl="Zelfde", slug_nl="zelfde")
        for n, client in enumerate(clients, start=1)
    ]
    barrier = threading.Barrier(2)
    real_full_clean = Article.full_clean
    responses = {}

    def full_clean_then_wait(self, *args, **kwargs):
        # The form's check and the service's check both pass before either editor saves.
        real_full_clean(self, *args, **kwargs)
        barrier.wait(timeout=10)

    def post(n):
        try:
            responses[n] = clients[n].post(ADD_URL, forms[n])
        finally:
            connections.close_all()

    monkeypatch.setattr(Article, "full_clean", full_clean_then_wait)
    threads = [threading.Thread(target=post, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    monkeypatch.undo()

    codes = sorted(response.status_code for response in responses.values())
    assert codes == [200, 302]
    (loser,) = [r for r in responses.values() if r.status_code == 200]
    errors = loser.context["adminform"].form.errors
    assert list(errors) == ["slug_nl"] and "already exists" in str(errors["slug_nl"])
    assert Article.objects.count() == 1
