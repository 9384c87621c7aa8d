"""The article form opens no pop-up window (issue 8, polish 3): the section is chosen or
made in an in-page dialog (articles/admin/sections.py), a placed item's video through the
library's dialog (media EmbedPickerWidget), never Django's related-object pop-ups."""

import re

import pytest

from articles.models import Section
from tests import factories
from tests.articles.test_admin_articles import _change_url
from tests.articles.test_policy import _member, live  # noqa: F401 (fixture)
from tests.media import factories as media_factories

pytestmark = pytest.mark.django_db

CREATE = "/admin/articles/section/quick-create/"
# What Django's admin marks an element that opens a window with (RelatedObjectLookups.js).
POP_UP_MARKS = ("_popup=", "related-lookup", "related-widget-wrapper-link", "add-related")


def test_the_article_form_has_nothing_that_opens_a_window(client, live):  # noqa: F811
    client.force_login(_member("Editors"))

    html = client.get(_change_url(live)).content.decode()

    for mark in POP_UP_MARKS:
        assert mark not in html, mark
    assert 'data-create-url="/admin/articles/section/quick-create/"' in html
    assert 'class="button media-picker__choose"' in html  # the placed picture's row


def test_a_placed_videos_row_chooses_it_in_the_library_dialog(client):
    embed = media_factories.embed(title_en="Harbour tour")
    story = factories.article(
        body_en=f'<p>One.</p><figure data-placement="embed-{embed.pk}"></figure>'
    )
    client.force_login(_member("Editors"))

    html = client.get(_change_url(story)).content.decode()

    row = re.search(r'<div class="media-picker media-picker--embed">.*?</div>', html, re.S)
    assert row is not None
    assert 'data-library="embed"' in row[0] and "Harbour tour" in row[0]
    assert "related-lookup" not in html


def test_a_section_made_in_the_dialog_is_created_through_the_service(client):
    editor = _member("Editors")
    client.force_login(editor)

    response = client.post(CREATE, {"name": "  Harbour   news "})

    assert response.status_code == 201
    section = Section.objects.get()
    assert response.json()["item"] == {"id": section.pk, "text": "Harbour news"}
    assert (section.name_en, section.slug_en, section.name_nl) == (
        "Harbour news",
        "harbour-news",
        None,
    )


def test_a_section_name_already_there_is_chosen_not_made_again(client):
    cities = factories.section(name_en="Cities")
    client.force_login(_member("Editors"))

    response = client.post(CREATE, {"name": "cities"})

    assert response.status_code == 200
    assert response.json()["item"]["id"] == cities.pk
    assert Section.objects.count() == 1


def test_a_section_without_a_name_is_refused_in_the_users_language(client):
    client.force_login(_member("Editors"))

    response = client.post(CREATE, {"name": "  "}, HTTP_ACCEPT_LANGUAGE="nl")

    assert response.status_code == 400
    assert response.json()["errors"] == ["Typ de naam van de rubriek."]
    assert not Section.objects.exists()


def test_someone_who_may_not_add_sections_gets_no_button_and_is_refused(client, live):  # noqa: F811
    client.force_login(_member("Translators"))

    html = client.get(_change_url(live)).content.decode()
    response = client.post(CREATE, {"name": "Harbour"})

    assert "data-create-url" not in html
    assert response.status_code == 403
    assert not Section.objects.filter(name_en="Harbour").exists()


def test_the_dialog_endpoint_answers_only_post(client):
    client.force_login(_member("Editors"))

    assert client.get(CREATE).status_code == 405
