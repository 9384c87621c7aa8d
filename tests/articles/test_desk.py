"""The translation desk (articles/desk.py, articles/admin/desk.py): a translator's worklist in
their languages, an editor's in every language, filters, counts and the linked texts."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import policy, services
from articles.models import Article, Placement
from newsroom.languages import language_codes
from tests import factories
from tests.articles.test_policy import _member, _translator
from tests.media import factories as media_factories

pytestmark = pytest.mark.django_db

DESK = "/admin/articles/translationdesk/"


def _items(response) -> list[tuple[int, str]]:
    """(article id, language) of each item on the desk, in order."""
    return [
        (int(pk), code)
        for pk, code in re.findall(
            r'<li class="nr-desk-item" data-article="(\d+)" data-language="(\w+)">',
            response.content.decode(),
        )
    ]


def _count(response, state) -> str:
    html = response.content.decode()
    match = re.search(
        rf'nr-desk-state-{state}"><a [^>]*>[^<]*<span class="nr-count">([^<]+)</span>', html
    )
    return match[1] if match else ""


def _outdate(story, **fields):
    """Change the English source of a published story and publish the change."""
    editor = factories.superuser()
    services.article_update(article=Article.objects.get(pk=story.pk), by=editor, **fields)
    services.article_publish(article=Article.objects.get(pk=story.pk), by=editor)


# Every site language but English.
OTHERS = [code for code in language_codes() if code != "en"]


def _none(field, *codes):
    return {f"{field}_{code}": None for code in codes}


@pytest.fixture
def newsroom():
    """Stories a Dutch and a German translator have work in, at different dates."""
    now = timezone.now()
    world = factories.section(name_en="World", name_nl="Wereld")
    climate = factories.section(name_en="Climate", **_none("name", *OTHERS))
    old = factories.article(
        title_en="Old story, all done",
        languages=tuple(language_codes()),
        published_at=now - timedelta(days=9),
        section=world,
    )
    missing = factories.article(
        title_en="Fresh story, no Dutch yet",
        published_at=now - timedelta(hours=2),
        section=climate,
        tags=[
            factories.tag(name_en="Floods", **_none("name", *OTHERS)),
            factories.tag(
                name_en="Rain", name_nl="Regen", **_none("name", *(c for c in OTHERS if c != "nl"))
            ),
        ],
    )
    outdated = factories.article(
        title_en="Story whose English changed",
        languages=("en", "nl"),
        published_at=now - timedelta(days=3),
        section=world,
    )
    _outdate(outdated, body_en="<p>A new paragraph.</p>")
    progress = factories.article(
        title_en="Draft with a Dutch start", title_nl="Concept", published=False
    )
    archived = factories.article(title_en="Archived story", published=False, status="archived")
    return {
        "old": old,
        "missing": missing,
        "outdated": outdated,
        "progress": progress,
        "archived": archived,
    }


def test_a_translator_sees_only_their_languages_newest_publication_first(client, newsroom):
    client.force_login(_translator("nl"))
    response = client.get(DESK)
    assert response.status_code == 200
    assert _items(response) == [
        (newsroom["missing"].pk, "nl"),
        (newsroom["outdated"].pk, "nl"),
        (newsroom["progress"].pk, "nl"),
    ]
    assert _count(response, "missing") == "1"
    assert _count(response, "in_progress") == "1"
    assert _count(response, "outdated") == "1"
    assert _count(response, "sent_back") == "0"
    body = response.content.decode()
    assert "Archived story" not in body and "Old story, all done" not in body
    # Each title in the language it is written in: the Dutch one once there is one.
    assert 'lang="en" dir="ltr">Fresh story, no Dutch yet</a>' in body
    assert 'lang="nl" dir="ltr">Concept</a>' in body
    # One click to the side-by-side editor, opened on Dutch.
    change = reverse("admin:articles_article_change", args=[newsroom["outdated"].pk])
    assert f'href="{change}?language=nl"' in body


def test_a_translator_cannot_ask_for_another_language(client, newsroom):
    client.force_login(_translator("nl"))
    response = client.get(DESK, {"language": "de"})
    assert {code for _pk, code in _items(response)} == {"nl"}


def test_an_editor_sees_every_language_and_filters_by_language_section_and_state(client, newsroom):
    client.force_login(_member(policy.EDITORS))
    everything = _items(client.get(DESK))
    assert (newsroom["missing"].pk, "ar") in everything
    assert (newsroom["missing"].pk, "de") in everything
    assert not any(code == "en" for _pk, code in everything)  # the source is not work
    assert _items(client.get(DESK, {"language": "nl", "state": "outdated"})) == [
        (newsroom["outdated"].pk, "nl")
    ]
    world = newsroom["outdated"].section
    in_world = _items(client.get(DESK, {"section": world.pk, "language": "de"}))
    assert in_world == [(newsroom["outdated"].pk, "de")]


def test_a_sent_back_translation_shows_the_reviewers_note(client, newsroom):
    story = newsroom["old"]
    translator = _translator("nl")
    story = Article.objects.get(pk=story.pk)
    services.article_save_draft(
        article=story, by=translator, expected_version=story.version, title_nl="Oud verhaal"
    )
    services.pending_submit(article=story, language="nl", by=translator)
    services.pending_send_back(
        article=story, language="nl", by=factories.superuser(), comment="Kijk de kop nog eens na."
    )
    client.force_login(translator)
    response = client.get(DESK, {"state": "sent_back"})
    assert _items(response) == [(newsroom["old"].pk, "nl")]
    assert "Kijk de kop nog eens na." in response.content.decode()
    assert _count(response, "sent_back") == "1"


def test_the_linked_texts_that_lack_the_language_are_listed_under_the_story(client, newsroom):
    story = newsroom["missing"]
    photo = media_factories.image(alt_text_en="Boats", alt_text_nl="", caption_en="The square")
    video = media_factories.embed(title_en="The flood from above", content_warning_en="Flooding")
    for item in (photo, video):
        kind = "image" if item is photo else "embed"
        Placement.objects.create(article=story, key=f"{kind}-{item.pk}", **{kind: item})
    client.force_login(_translator("nl"))
    html = client.get(DESK).content.decode()
    item = html.split('data-language="nl"')[1].split("</li>\n  <li")[0]
    assert "4 linked texts to translate" in item
    assert "Climate</a>: name" in item  # the section has no Dutch name
    assert "Floods</a>: name" in item and "Rain" not in item  # "Regen" exists
    assert re.search(r"image/\d+/change/\">[^<]+</a>: alt text, caption", item)
    assert "The flood from above</a>: title, content warning" in item


def test_the_desk_costs_the_same_queries_for_three_stories_or_thirty(
    client, django_assert_max_num_queries, django_assert_num_queries
):
    translator = _translator("nl")
    tag = factories.tag(name_en="Elections")
    for n in range(3):
        factories.article(title_en=f"Story {n}", tags=[tag])
    client.force_login(translator)
    client.get(DESK)  # the session and the user are read once warm
    with django_assert_max_num_queries(20) as few:
        client.get(DESK)
    for n in range(27):
        factories.article(title_en=f"More {n}", tags=[tag], section=factories.section())
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(DESK)
    assert len(_items(response)) == 30


def test_people_who_do_not_write_stories_have_no_desk(client):
    client.force_login(factories.user())
    assert client.get(DESK).status_code == 403


def test_the_article_list_and_the_admin_index_link_the_desk(client):
    client.force_login(_translator("nl"))
    assert DESK in client.get("/admin/").content.decode()
    assert DESK in client.get("/admin/articles/article/").content.decode()
