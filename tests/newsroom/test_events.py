import pytest
from django.db import transaction

from newsroom import events


@pytest.fixture
def received():
    seen = []
    events.subscribe(events.Event, seen.append)
    yield seen
    events.unsubscribe(events.Event, seen.append)


@pytest.mark.django_db(transaction=True)
def test_an_event_reaches_its_subscribers_only_after_the_commit(received):
    with transaction.atomic():
        events.emit(events.ArticlePublished(by=None, article_id=7))
        assert received == []

    assert received == [events.ArticlePublished(by=None, article_id=7)]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_announces_nothing(received):
    with pytest.raises(RuntimeError), transaction.atomic():
        events.emit(events.ImageChanged(by=None, image_id=1))
        raise RuntimeError

    assert received == []


@pytest.mark.django_db(transaction=True)
def test_a_failing_subscriber_does_not_stop_the_others(received):
    def broken(event):
        raise ValueError("purge failed")

    events.subscribe(events.ArticleSaved, broken)
    try:
        events.emit(events.ArticleSaved(by=None, article_id=1))
    finally:
        events.unsubscribe(events.ArticleSaved, broken)

    assert received == [events.ArticleSaved(by=None, article_id=1)]
