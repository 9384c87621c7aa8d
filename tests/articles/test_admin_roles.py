"""The article form shows each person what they may change (articles/admin/roles.py): a
translator gets inputs for their own languages and their captions of placed items, and sees
everything else as text, as the server would refuse it anyway."""

import re

import pytest

from articles.selectors import pending_view
from newsroom.languages import language_codes
from tests import factories
from tests.articles.test_admin_articles import _change_url, _errors, _form_data
from tests.articles.test_policy import _member, _translator, live  # noqa: F401 (fixture)
from tests.articles.test_services import stored

pytestmark = pytest.mark.django_db

SHARED = ["section", "status", "published_at_0", "published_at_1", "lead_image", "source_language"]
OTHER_LANGUAGES = [
    f"{field}_{code}"
    for field in ("title", "slug", "standfirst", "body", "seo_title", "content_warning")
    for code in language_codes()
    if code != "nl"
]


def _inputs(response) -> set[str]:
    return set(re.findall(r'\sname="([^"]+)"', response.content.decode()))


def test_a_translator_gets_inputs_only_for_their_languages_and_captions(client, live):  # noqa: F811
    client.force_login(_translator("nl"))

    response = client.get(_change_url(live))

    assert response.status_code == 200
    names = _inputs(response)
    assert not names & {*SHARED, *OTHER_LANGUAGES}
    assert {"title_nl", "slug_nl", "body_nl", "standfirst_nl"} <= names
    assert "placements-0-caption_override_nl" in names
    placement_inputs = {n for n in names if n.startswith("placements-0-")}
    assert placement_inputs == {"placements-0-caption_override_nl", "placements-0-id"} | {
        n for n in placement_inputs if n.endswith(("-article", "-key"))
    }
    # The shared fields are still shown, as text: the translator reads what they translate.
    html = response.content.decode()
    assert live.title_en in html
    assert 'class="form-row field-section' in html


def test_an_editor_keeps_every_input(client, live):  # noqa: F811
    client.force_login(_member("Editors"))

    names = _inputs(client.get(_change_url(live)))

    assert {*SHARED, *OTHER_LANGUAGES, "title_nl"} <= names
    assert {"placements-0-image", "placements-0-caption_override_en"} <= names


def test_a_translator_captions_a_placed_picture_in_their_language_through_the_form(
    client,
    live,  # noqa: F811
):
    client.force_login(_translator("nl"))
    url = _change_url(live)

    response = client.post(
        url, _form_data(client, url, **{"placements-0-caption_override_nl": "De brug bij nacht"})
    )

    assert response.status_code == 302, _errors(response)
    [row] = pending_view(live).pending_placements
    assert row["caption_override"]["nl"] == "De brug bij nacht"
    assert live.placements.get().caption_override_nl != "De brug bij nacht"  # not live yet


CRAFTED = {
    "section": lambda: {"section": str(factories.section().pk)},
    "published_at": lambda: {"published_at_0": "2001-01-01", "published_at_1": "10:00:00"},
    "source_language": lambda: {"source_language": "nl"},
    "title_en": lambda: {"title_en": "Changed"},
    "caption in English": lambda: {"placements-0-caption_override_en": "Changed"},
    "title_en in the form": lambda: {"title_en": "Changed"},
    "placed picture swapped": lambda: {"placements-0-image": str(factories.image().pk)},
    "placed picture removed": lambda: {"placements-0-DELETE": "on"},
}


@pytest.mark.parametrize("crafted", CRAFTED.values(), ids=CRAFTED.keys())
def test_a_read_only_field_posted_anyway_refuses_the_whole_save(client, live, crafted):  # noqa: F811
    client.force_login(_translator("nl"))
    url = _change_url(live)
    data = _form_data(client, url, title_nl="Ook bijgewerkt")
    data.update(crafted())
    before = stored()

    response = client.post(url, data)

    assert response.status_code == 200
    assert stored() == before
    assert pending_view(live).title_nl != "Ook bijgewerkt"
    assert "may not change" in str(response.context["adminform"].form.non_field_errors())


def test_a_translator_moves_only_their_languages_version_on_the_form(client, live):  # noqa: F811
    client.force_login(_translator("nl"))

    html = client.get(_change_url(live)).content.decode()

    states = re.findall(r'<select name="variants-(\d+)-state"([^>]*)>', html)
    enabled = [index for index, attributes in states if "disabled" not in attributes]
    assert len(states) == 5 and len(enabled) == 1
    dutch = live.variants.get(language="nl").pk
    assert f'name="variants-{enabled[0]}-id" value="{dutch}"' in html


# -- Tried as an attacker: a translator's crafted and stale posts --


ATTACKS = {
    "schedule the pending changes": lambda story: {
        "_schedule": "1",
        "_schedule_at": "2001-01-01T10:00:00",
    },
    "publish their language": lambda story: {"_publish_language": "nl"},
    "publish everything": lambda story: {"_publish": "1"},
    "another story's placed item": lambda story: {
        "placements-0-id": str(factories.article(body_en=_figure()).placements.get().pk)
    },
}


def _figure():
    return f'<p>Other.</p><figure data-placement="image-{factories.image().pk}"></figure>'


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_a_translators_crafted_action_changes_nothing(client, live, attack):  # noqa: F811
    client.force_login(_translator("nl"))
    url = _change_url(live)
    data = _form_data(client, url, title_nl="Ook bijgewerkt")
    data.update(attack(live))
    before = stored()

    response = client.post(url, data)

    assert response.status_code == 200
    assert stored() == before
    assert not live.pending_changes.exists()


def test_a_stale_form_of_a_translator_whose_language_was_taken_away_is_refused(
    client,
    live,  # noqa: F811
):
    translator = _translator("nl")
    client.force_login(translator)
    url = _change_url(live)
    data = _form_data(client, url, title_nl="Ook bijgewerkt")
    translator.translator_profile.languages = ["de"]
    translator.translator_profile.save()
    before = stored()

    response = client.post(url, data)

    assert response.status_code == 200
    assert stored() == before


# -- The source text shown to a translator: the story to read, not its HTML --


def test_a_translator_reads_the_source_body_as_the_story_with_placed_items_labelled(
    client,
    live,  # noqa: F811
):
    picture = live.placements.get().image
    live.body_en = (
        "<h2>Harbour</h2><blockquote><p>Ships &amp; boats.</p></blockquote>"
        f'<figure data-placement="image-{picture.pk}"></figure>'
    )
    live.save()
    client.force_login(_translator("nl"))

    html = client.get(_change_url(live)).content.decode()

    shown = r'<div class="nr-rendered" lang="en" dir="ltr">(.*?)</div>\s*</div>'
    box = re.search(shown, html, re.S)
    assert box is not None, "the English body is not shown rendered"
    assert "<h2>Harbour</h2>" in box[1]
    assert "<blockquote><p>Ships &amp; boats.</p></blockquote>" in box[1]
    assert f"[Picture: {picture.alt_text_en}]" in box[1]
    # Not the escaped source: no tags shown as text.
    assert "&lt;h2&gt;" not in html and "&lt;figure" not in html
    # The translator's own body is still an editor input.
    assert 'name="body_nl"' in html


def test_an_arabic_source_body_is_shown_right_to_left(client):
    story = factories.article(
        languages=("ar",), source_language="ar", body_ar="<p>مرحبا</p>", title_ar="عنوان"
    )
    client.force_login(_translator("nl"))

    html = client.get(_change_url(story)).content.decode()

    assert '<div class="nr-rendered" lang="ar" dir="rtl"><p>مرحبا</p></div>' in html


def test_a_rendered_body_drops_what_the_editor_cannot_make():
    from articles.admin.rendered import render_body

    shown = render_body(
        '<p onclick="x()">A</p><script>alert(1)</script><img src=x onerror=y>',
        article=None,
        language="en",
    )

    assert str(shown) == '<div class="nr-rendered" lang="en" dir="ltr"><p>A</p></div>'
