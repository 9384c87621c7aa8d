"""The library dialog's endpoints (media/library.py): search, upload and add a video from
inside the story form, permission-checked, CSRF-protected, nothing stored on a bad upload."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from media.models import Embed, Image
from tests import factories
from tests.media import factories as media_factories

pytestmark = pytest.mark.django_db

SEARCH = "/admin/media/image/library/"
UPLOAD = "/admin/media/image/library/upload/"
EMBEDS = "/admin/media/embed/library/"
ADD_EMBED = "/admin/media/embed/library/create/"


def _staff(*codenames):
    user = factories.user()
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def desk(client):
    client.force_login(_staff("view_image", "add_image", "view_embed", "add_embed"))
    return client


def _upload(client, data=None, **fields):
    payload = {
        "file": media_factories.upload(data or media_factories.jpeg_bytes()),
        "alt_text_en": "Boats on the square",
        **fields,
    }
    return client.post(UPLOAD, payload)


def test_the_library_finds_pictures_by_their_text_with_thumbnails(desk):
    boats = media_factories.image(alt_text_en="Boats on the square")
    media_factories.image(alt_text_en="A crane")

    data = desk.get(SEARCH, {"q": "boats"}).json()

    assert data["results"] == [
        {
            "id": boats.pk,
            "text": "Boats on the square",
            "thumbnail": f"/admin/media/image/{boats.pk}/thumbnail/",
        }
    ]


def test_an_upload_in_the_dialog_is_stored_and_chosen(desk, media_root):
    response = _upload(desk)

    assert response.status_code == 201
    image = Image.objects.get()
    assert response.json()["item"]["id"] == image.pk
    assert image.alt_text_en == "Boats on the square"
    assert image.width == 700  # checked and cleaned like any upload


def test_an_upload_without_alt_text_is_refused_and_nothing_is_stored(desk, media_root):
    response = _upload(desk, alt_text_en="")

    assert response.status_code == 400
    assert "Describe the picture" in " ".join(response.json()["errors"])
    assert not Image.objects.exists()
    assert not any(p.is_file() for p in media_root.rglob("*"))


def test_a_file_that_is_no_picture_is_refused_and_nothing_is_stored(desk, media_root):
    response = _upload(desk, data=b"%PDF-1.4 not a picture")

    assert response.status_code == 400
    assert response.json()["errors"]
    assert not Image.objects.exists()
    assert not any(p.is_file() for p in media_root.rglob("*"))


def test_the_same_file_again_chooses_the_picture_already_in_the_library(desk, media_root):
    data = media_factories.jpeg_bytes()
    first = _upload(desk, data=data).json()["item"]

    again = _upload(desk, data=data)

    assert again.status_code == 200
    assert again.json() == {"item": first, "duplicate": True}
    assert Image.objects.count() == 1


def test_uploading_needs_the_add_image_permission(client, media_root):
    client.force_login(_staff("view_image"))

    response = _upload(client)

    assert response.status_code == 403
    assert not Image.objects.exists()


def test_the_library_needs_a_logged_in_member_of_staff(client):
    assert client.get(SEARCH).status_code == 302  # to the admin's login
    client.force_login(_staff())
    assert client.get(SEARCH).status_code == 403


def test_an_upload_without_the_csrf_token_is_refused(media_root):
    client = Client(enforce_csrf_checks=True)
    client.force_login(_staff("view_image", "add_image"))

    response = _upload(client)

    assert response.status_code == 403
    assert not Image.objects.exists()


def test_a_video_added_by_its_address_is_chosen_and_found_again(desk):
    response = desk.post(ADD_EMBED, {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"})

    assert response.status_code == 201
    embed = Embed.objects.get()
    assert response.json()["item"]["id"] == embed.pk
    again = desk.post(ADD_EMBED, {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"})
    assert again.json()["duplicate"] is True and Embed.objects.count() == 1
    found = desk.get(EMBEDS, {"q": "youtube"}).json()["results"]
    assert [item["id"] for item in found] == [embed.pk]


def test_a_video_address_that_is_not_a_web_address_is_refused(desk):
    response = desk.post(ADD_EMBED, {"url": "javascript:alert(1)"})

    assert response.status_code == 400
    assert json.loads(response.content)["errors"]
    assert not Embed.objects.exists()


def test_adding_a_video_needs_the_add_embed_permission(client):
    client.force_login(_staff("view_embed"))

    response = client.post(ADD_EMBED, {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"})

    assert response.status_code == 403
    assert not Embed.objects.exists()


def test_the_library_pages_through_every_picture_with_more(desk, settings):
    from media.library import RESULTS

    pictures = [media_factories.image(alt_text_en=f"Picture {n}") for n in range(RESULTS + 3)]
    newest_first = [p.pk for p in reversed(pictures)]

    first = desk.get(SEARCH).json()
    second = desk.get(SEARCH, {"page": first["next"]}).json()

    assert [r["id"] for r in first["results"]] == newest_first[:RESULTS]
    assert first["next"] == 2
    assert [r["id"] for r in second["results"]] == newest_first[RESULTS:]
    assert second["next"] is None


def test_the_library_search_finds_the_oldest_picture_too(desk):
    oldest = media_factories.image(alt_text_en="The old lighthouse")
    from media.library import RESULTS

    for n in range(RESULTS + 1):
        media_factories.image(alt_text_en=f"Picture {n}")

    data = desk.get(SEARCH, {"q": "lighthouse"}).json()

    assert [r["id"] for r in data["results"]] == [oldest.pk]
    assert data["next"] is None


def test_a_library_page_costs_one_query_for_the_pictures(desk, django_assert_num_queries):
    for n in range(30):
        media_factories.image(alt_text_en=f"Picture {n}")

    # the user, their own and their groups' permissions, and the one page of pictures
    with django_assert_num_queries(4):
        desk.get(SEARCH, {"page": 2})


def test_in_arabic_a_picture_without_arabic_texts_is_named_by_its_alt_text_marked(desk):
    boats = media_factories.image(alt_text_en="Boats on the square", title_en="")
    named = media_factories.image(alt_text_en="A crane", title_ar="رافعة")

    data = desk.get(SEARCH, HTTP_ACCEPT_LANGUAGE="ar").json()

    items = {r["id"]: r for r in data["results"]}
    assert items[boats.pk]["text"] == "Boats on the square"
    assert (items[boats.pk]["lang"], items[boats.pk]["dir"]) == ("en", "ltr")
    assert items[boats.pk]["marker"] == "(بالإنجليزية)"
    assert items[named.pk]["text"] == "رافعة"
    assert "marker" not in items[named.pk]


def test_a_picture_with_no_texts_at_all_is_found_by_its_file_name(desk):
    bare = media_factories.image(alt_text_en="", title_en="")
    name = bare.file.name.rsplit("/", 1)[-1]

    data = desk.get(SEARCH, {"q": name[:8]}).json()

    assert [(r["id"], r["text"]) for r in data["results"]] == [(bare.pk, str(bare))]
