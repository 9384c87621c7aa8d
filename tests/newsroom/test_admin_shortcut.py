"""The admin's "view on site" redirect (/admin/r/<type>/<id>/) answers only staff who may
view the object's model."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from articles.models import Article
from tests import factories


def _shortcut(obj):
    return f"/admin/r/{ContentType.objects.get_for_model(obj).pk}/{obj.pk}/"


@pytest.fixture
def staff_client(client):
    staff = factories.user()  # staff, no permissions
    client.force_login(staff)
    client.user = staff
    return client


@pytest.mark.django_db
def test_staff_without_permissions_learn_nothing_about_drafts_scheduled_stories_or_files(
    staff_client,
):
    draft = factories.article(published=False, slug_en="minister-resigns")
    scheduled = factories.article(
        published_at=timezone.now() + timedelta(days=1), slug_en="merger-announced"
    )
    image = factories.image()

    for obj, secret in [
        (draft, "minister-resigns"),
        (scheduled, "merger-announced"),
        (image, image.file.name),
    ]:
        response = staff_client.get(_shortcut(obj))
        assert response.status_code == 404
        assert secret not in response.content.decode()
        assert secret not in response.get("Location", "")
    # Nor whether an object exists at all.
    assert staff_client.get(f"{_shortcut(draft)[:-2]}999999/").status_code == 404


@pytest.mark.django_db
def test_staff_who_may_view_the_model_are_sent_to_the_object(staff_client):
    story = factories.article(slug_en="harbour-crane")
    staff_client.user.user_permissions.add(
        Permission.objects.get(codename="view_article", content_type__app_label="articles")
    )

    response = staff_client.get(_shortcut(story))

    assert response.status_code == 302
    assert "harbour-crane" in response["Location"]
    assert staff_client.get(_shortcut(factories.image())).status_code == 404
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_the_shortcut_still_needs_a_staff_login(client):
    story = factories.article()

    response = client.get(_shortcut(story))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
