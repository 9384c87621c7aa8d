"""No lost updates under real concurrency: two editors post the same article's form, opened
at the same version, at the same moment (PostgreSQL, two connections)."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from articles import selectors, services
from articles.models import Article, Revision
from tests import factories
from tests.articles.test_admin_articles import _change_url, _form_data

pytestmark = [pytest.mark.postgres]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_two_concurrent_saves_of_the_same_version_one_wins_the_other_is_kept(round_, monkeypatch):
    assert connection.vendor == "postgresql"
    story = factories.article(languages=("en",), title_en="Original")
    url = _change_url(story)
    editors = {
        name: factories.user(first_name=name, last_name="Editor", superuser=True)
        for name in ("Alice", "Bob")
    }
    clients = {}
    forms = {}
    for name, user in editors.items():
        clients[name] = Client()
        clients[name].force_login(user)
        forms[name] = _form_data(clients[name], url, title_en=f"{name}'s headline")
    assert forms["Alice"]["opened_version"] == forms["Bob"]["opened_version"]

    # Both requests are inside their transactions, past every check the form makes, when
    # they write: the version check itself must decide.
    barrier = threading.Barrier(2)
    real_bump = services._bump

    def bump_together(article, expected=None):
        if expected is not None:
            barrier.wait(timeout=10)
        return real_bump(article, expected)

    monkeypatch.setattr(services, "_bump", bump_together)
    responses = {}

    def post(name):
        try:
            responses[name] = clients[name].post(url, forms[name])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(name,)) for name in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    monkeypatch.undo()

    codes = sorted(response.status_code for response in responses.values())
    assert codes == [200, 302], codes
    (winner,) = [name for name, response in responses.items() if response.status_code == 302]
    (loser,) = [name for name in editors if name != winner]
    html = responses[loser].content.decode()
    assert f"{winner} Editor changed this article since you opened it" in html
    assert f"{loser}&#x27;s headline" in html  # the loser's text is still in the form
    assert selectors.pending_view(story).title_en == f"{winner}'s headline"
    kept = Revision.objects.get(article=story, kind="conflict")
    assert kept.created_by == editors[loser]
    assert kept.data["text"]["en"]["title"] == f"{loser}'s headline"
    # One save went through; readers still see the live title.
    assert Article.objects.get(pk=story.pk).title_en == "Original"
    assert Article.objects.get(pk=story.pk).version == int(forms[winner]["opened_version"]) + 1
