"""The picture desk in the admin: library, search, filters, focal point."""

import io

import pytest

from articles import body as body_references
from media.models import Rendition
from tests import factories as article_factories
from tests.media import factories


@pytest.mark.django_db
def test_library_lists_thumbnails(admin_client):
    factories.processed(factories.image(title_en="Harbour"))

    html = admin_client.get("/admin/media/image/").content.decode()

    assert 'class="media-thumb" src="/uploads/renditions/' in html
    assert "Harbour" in html


@pytest.mark.django_db
def test_library_search_finds_captions_in_any_language(admin_client):
    factories.image(title_en="Harbour", caption_nl="Vissersboten in de haven")
    factories.image(title_en="Parliament")

    html = admin_client.get("/admin/media/image/", {"q": "vissersboten"}).content.decode()

    assert "Harbour" in html and "Parliament" not in html


@pytest.mark.django_db
def test_library_filters_pictures_missing_alt_text_per_language(admin_client):
    factories.image(title_en="Translated", alt_text_en="Boats", alt_text_de="Boote")
    factories.image(title_en="English only", alt_text_en="Boats")

    html = admin_client.get("/admin/media/image/", {"missing_alt": "de"}).content.decode()

    assert "English only" in html and "Translated" not in html


@pytest.mark.django_db
def test_change_page_shows_the_focal_point_picker(admin_client):
    image = factories.image()

    html = admin_client.get(f"/admin/media/image/{image.pk}/change/").content.decode()

    assert 'class="focal-picker" data-focal-x="0.5" data-focal-y="0.5"' in html
    assert "media/admin/focal-point.js" in html
    assert 'name="file"' not in html  # the file itself never changes


@pytest.mark.django_db
def test_setting_the_focal_point_in_the_admin_remakes_the_crops(admin_client):
    from media import services

    image = factories.image(size=(1200, 600), alt_text_en="Boats")
    services.image_renditions(image=image, crop="wide")
    services.image_renditions(image=image, crop="full")

    response = admin_client.post(
        f"/admin/media/image/{image.pk}/change/",
        {"alt_text_en": "Boats", "focal_x": "0.9", "focal_y": "0.2"},
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (0.9, 0.2)
    assert not Rendition.objects.filter(image=image, crop="wide").exists()
    assert Rendition.objects.filter(image=image, crop="full").exists()


@pytest.mark.django_db
def test_thumbnail_view_redirects_to_a_square_rendition(admin_client):
    image = factories.processed(factories.image())

    response = admin_client.get(f"/admin/media/image/{image.pk}/thumbnail/")

    assert response.status_code == 302
    assert "-square-" in response["Location"]


@pytest.mark.django_db
def test_embed_admin_records_the_provider(admin_client):
    response = admin_client.post(
        "/admin/media/embed/add/",
        {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title_en": "Flood"},
    )

    assert response.status_code == 302
    from media.models import Embed

    assert Embed.objects.get().provider == "youtube"


@pytest.mark.django_db
def test_add_page_offers_the_upload_with_accepted_types(admin_client):
    html = admin_client.get("/admin/media/image/add/").content.decode()

    assert 'accept="image/jpeg,image/png,image/webp,image/gif,image/avif"' in html
    assert "set the focal point after uploading" in html


@pytest.mark.django_db
def test_make_renditions_command_fills_the_gaps():
    from django.core.management import call_command

    image = factories.image(size=(700, 500))
    call_command("make_renditions", stdout=io.StringIO())

    assert set(image.renditions.values_list("crop", flat=True)) == {
        "full",
        "wide",
        "standard",
        "square",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "make", "queries"),
    [
        ("/admin/media/image/", lambda n: factories.image(), 5),
        (
            "/admin/media/embed/",
            lambda n: factories.embed(url=f"https://vimeo.com/{100000 + n}"),
            4,
        ),
    ],
)
def test_library_lists_keep_their_query_count_as_they_grow(
    admin_client, django_assert_num_queries, path, make, queries
):
    made = 0
    for total in (1, 6):
        while made < total:
            make(made)
            made += 1
        admin_client.get(path)  # warm the session, content types and thumbnails' renditions
        with django_assert_num_queries(queries):
            response = admin_client.get(path)
        assert response.context["cl"].result_count == total


@pytest.mark.django_db
def test_deleting_a_lead_image_lists_its_articles_and_needs_a_knowing_confirmation(admin_client):
    image = factories.image(title_en="Minister at the door")
    story = article_factories.article(
        published=False, title_en="Minister resigns", lead_image=image
    )
    other = article_factories.article(title_en="Cabinet reshuffle", lead_image=image)
    url = f"/admin/media/image/{image.pk}/delete/"

    html = admin_client.get(url).content.decode()
    assert "Deleting it leaves these without their picture" in html
    for article in (story, other):
        link = f'<a href="/admin/articles/article/{article.pk}/change/">{article.title_en}</a>'
        assert link in html
    assert 'name="confirm_uses" value="yes" required' in html

    # "Yes, I'm sure" without ticking the box deletes nothing and says why.
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert "Tick the box to confirm" in response.content.decode()
    story.refresh_from_db()
    assert story.lead_image == image

    response = admin_client.post(url, {"post": "yes", "confirm_uses": "yes"})
    assert response.status_code == 302
    assert not type(image).objects.filter(pk=image.pk).exists()
    story.refresh_from_db()
    assert story.lead_image is None


@pytest.mark.django_db
def test_deleting_an_unused_image_needs_no_extra_confirmation(admin_client):
    image = factories.image()
    url = f"/admin/media/image/{image.pk}/delete/"

    assert "confirm_uses" not in admin_client.get(url).content.decode()
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not type(image).objects.filter(pk=image.pk).exists()


@pytest.mark.django_db
def test_deleting_a_placed_image_is_refused_and_names_the_story_it_is_in(admin_client):
    image = factories.image(title_en="Flooded street")
    reference = body_references.reference(body_references.key_for("image", image.pk))
    story = article_factories.article(
        published=False, title_en="The river rises", body_en=f"<p>Water.</p>{reference}"
    )
    assert story.placements.filter(image=image).exists()
    url = f"/admin/media/image/{image.pk}/delete/"

    html = admin_client.get(url).content.decode()

    assert "would require deleting the following protected related objects" in html
    assert f'<a href="/admin/articles/article/{story.pk}/change/">The river rises</a>' in html
    assert 'name="post"' not in html
    assert admin_client.post(url, {"post": "yes"}).status_code == 200  # shown again
    assert type(image).objects.filter(pk=image.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Uploading and preparing the picture…"),
        ("nl", "De afbeelding wordt geüpload en voorbereid…"),
    ],
)
def test_image_form_has_a_status_for_the_upload_in_the_editors_language(
    admin_client, language, message
):
    html = admin_client.get(
        "/admin/media/image/add/", HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()

    assert f'role="status" data-message="{message}"' in html
    assert "media/admin/upload-status.js" in html


@pytest.mark.django_db
def test_bulk_deleting_a_lead_image_lists_its_articles_and_needs_a_knowing_confirmation(
    admin_client,
):
    image = factories.image(title_en="Minister at the door")
    unused = factories.image(title_en="Empty chair")
    story = article_factories.article(
        published=False, title_en="Minister resigns", lead_image=image
    )
    url = "/admin/media/image/"
    data = {"action": "delete_selected", "_selected_action": [image.pk, unused.pk]}

    html = admin_client.post(url, data).content.decode()
    assert "Deleting them leaves these without their picture" in html
    assert f'<a href="/admin/articles/article/{story.pk}/change/">Minister resigns</a>' in html
    assert 'name="confirm_uses" value="yes" required' in html

    # "Yes, I'm sure" without ticking the box deletes nothing and says why.
    response = admin_client.post(url, {**data, "post": "yes"})
    assert response.status_code == 200
    assert "Tick the box to confirm" in response.content.decode()
    assert type(image).objects.filter(pk__in=[image.pk, unused.pk]).count() == 2
    story.refresh_from_db()
    assert story.lead_image == image

    response = admin_client.post(url, {**data, "post": "yes", "confirm_uses": "yes"})
    assert response.status_code == 302
    assert not type(image).objects.filter(pk__in=[image.pk, unused.pk]).exists()
    story.refresh_from_db()
    assert story.lead_image is None


@pytest.mark.django_db
def test_bulk_deleting_unused_images_needs_no_extra_confirmation(admin_client):
    images = [factories.image(), factories.image()]
    data = {"action": "delete_selected", "_selected_action": [i.pk for i in images]}

    assert "confirm_uses" not in admin_client.post("/admin/media/image/", data).content.decode()
    response = admin_client.post("/admin/media/image/", {**data, "post": "yes"})
    assert response.status_code == 302
    assert not type(images[0]).objects.exists()


@pytest.mark.django_db
def test_bulk_deleting_a_placed_image_is_refused_and_names_the_story_it_is_in(admin_client):
    image = factories.image(title_en="Flooded street")
    reference = body_references.reference(body_references.key_for("image", image.pk))
    story = article_factories.article(
        published=False, title_en="The river rises", body_en=f"<p>Water.</p>{reference}"
    )
    data = {"action": "delete_selected", "_selected_action": [image.pk]}

    html = admin_client.post("/admin/media/image/", data).content.decode()

    assert "would require deleting the following protected related objects" in html
    assert f'<a href="/admin/articles/article/{story.pk}/change/">The river rises</a>' in html
    assert 'name="post"' not in html
    admin_client.post("/admin/media/image/", {**data, "post": "yes", "confirm_uses": "yes"})
    assert type(image).objects.filter(pk=image.pk).exists()
