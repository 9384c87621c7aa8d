"""Placed pictures and videos in the article admin: captions per language, the warning for a
translation that lacks one, and accepting that gap."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory

from articles import body, policy
from articles.admin.placements import PlacementInline
from articles.models import Article, Placement, TranslatorProfile
from tests import factories
from tests.articles.test_admin_articles import _errors, _form_data
from tests.media import factories as media_factories

pytestmark = pytest.mark.django_db


def _story(body_nl="<p>Een.</p><p>Twee.</p>", **fields):
    photo = media_factories.image(title="Harbour")
    key = f"image-{photo.pk}"
    story = factories.article(
        **fields,
        languages=("en", "nl"),
        body_en="<p>One.</p>" + body.reference(key) + "<p>Two.</p>",
        body_nl=body_nl,
    )
    return story, Placement.objects.get(article=story)


def _inline_formset(article, data=None):
    request = RequestFactory().get("/")
    request.user = factories.user(superuser=True)
    inline = PlacementInline(Article, admin.site)
    formset_class = inline.get_formset(request, article)
    return formset_class(data=data, instance=article, prefix="placements")


def _data(placement, **fields):
    data = {
        "placements-TOTAL_FORMS": "1",
        "placements-INITIAL_FORMS": "1",
        "placements-MIN_NUM_FORMS": "0",
        "placements-MAX_NUM_FORMS": "1000",
        "placements-0-id": str(placement.pk),
        "placements-0-article": str(placement.article_id),
        "placements-0-image": str(placement.image_id),
    }
    data.update({f"placements-0-{name}": value for name, value in fields.items()})
    return data


def test_change_form_warns_about_a_translation_lacking_a_placed_picture(admin_client):
    story, placement = _story()

    html = admin_client.get(f"/admin/articles/article/{story.pk}/change/").content.decode()

    assert "Some pictures or videos are missing from a translation." in html
    assert f"The Dutch text has no place for “Harbour” ({placement.key})." in html
    assert "Not in the text in: Dutch" in html


def test_warning_is_localized(admin_client):
    story, _placement = _story()

    html = admin_client.get(
        f"/admin/articles/article/{story.pk}/change/", HTTP_ACCEPT_LANGUAGE="nl"
    ).content.decode()

    assert "ontbreken in een vertaling." in html
    assert "De tekst in het Nederlands heeft geen plek voor" in html


def test_accepted_gap_no_longer_warns(admin_client):
    story, placement = _story(published=False)
    url = f"/admin/articles/article/{story.pk}/change/"
    data = _form_data(admin_client, url)
    data.update({"placements-0-caption_override_nl": "De haven"})
    data["placements-0-accepted_gaps"] = ["nl"]

    response = admin_client.post(url, data)

    assert response.status_code == 302, _errors(response)
    placement.refresh_from_db()
    assert (placement.accepted_gaps, placement.caption_override_nl) == (["nl"], "De haven")
    html = admin_client.get(url).content.decode()
    assert "missing from a translation" not in html
    assert "Not in the text in" not in html


def test_a_translator_cannot_accept_a_gap_and_nothing_changes(client):
    story, placement = _story(published=False)
    translator = factories.user()
    translator.groups.add(Group.objects.get(name=policy.TRANSLATORS))
    TranslatorProfile.objects.create(user=translator, languages=["nl"])
    client.force_login(translator)
    url = f"/admin/articles/article/{story.pk}/change/"
    data = _form_data(client, url)
    data["placements-0-accepted_gaps"] = ["nl"]

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Translators may not change the placed pictures and videos." in response.content.decode()
    placement.refresh_from_db()
    assert placement.accepted_gaps == []


def test_no_warning_when_the_translation_has_the_reference(admin_client):
    story, placement = _story()
    story.body_nl = "<p>Een.</p>" + body.reference(placement.key)
    story.save()

    html = admin_client.get(f"/admin/articles/article/{story.pk}/change/").content.decode()

    assert "missing from a translation" not in html


def test_placement_inline_needs_exactly_one_of_image_and_embed():
    story, placement = _story()
    data = _data(placement, embed=str(media_factories.embed().pk))

    formset = _inline_formset(story, data)

    assert not formset.is_valid()
    assert "either an image or an embed" in str(formset.errors)


def test_placement_inline_picker_shows_a_preview_of_the_chosen_image():
    story, placement = _story()

    html = str(_inline_formset(story).forms[0]["image"])

    assert f'src="/admin/media/image/{placement.image_id}/thumbnail/"' in html
    # The library opens in an in-page dialog, not the admin's pop-up lookup.
    assert 'data-library="image"' in html
    assert "related-lookup" not in html


def test_body_editor_loads_the_placement_node_from_our_static_files(admin_client):
    story, _placement = _story()

    html = admin_client.get(f"/admin/articles/article/{story.pk}/change/").content.decode()

    assert "articles/admin/placement-node.js" in html
    assert "articles/admin/placement-node.css" in html
    assert "https://" not in html.split("<body")[0].replace("https://example.org", "")
