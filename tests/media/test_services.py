"""The picture desk's writes: each checks the acting user's permission and announces one event."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError

from media import services
from media.models import Embed, Image
from newsroom import events
from tests import factories as article_factories
from tests.media import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def seen():
    """The events dispatched during the test (run the on-commit callbacks to see them)."""
    received = []
    events.subscribe(events.Event, received.append)
    yield received
    events.unsubscribe(events.Event, received.append)


def _user(permissions):
    person = article_factories.user()
    person.user_permissions.set(permissions)
    return person


def rows(model):
    names = [f.attname for f in model._meta.concrete_fields]
    return list(model.objects.order_by("pk").values_list(*names))


def stored():
    return {"images": rows(Image), "embeds": rows(Embed)}


@dataclass
class Case:
    id: str
    permission: str
    event: type
    prepare: object  # () -> dict
    call: object  # (objects, by) -> None

    def __str__(self):
        return self.id


def _image():
    return {"image": factories.image(size=(120, 80))}


def _embed():
    return {"embed": factories.embed()}


CASES = [
    Case(
        "image_create",
        "add_image",
        events.ImageChanged,
        lambda: {"file": factories.upload(factories.jpeg_bytes((120, 80)))},
        lambda o, by: services.image_create(file=o["file"], by=by, alt_text_en="A harbour"),
    ),
    Case(
        "image_update",
        "change_image",
        events.ImageChanged,
        _image,
        lambda o, by: services.image_update(
            image=o["image"], by=by, caption_nl="Een haven", focal_x=0.2
        ),
    ),
    Case(
        "image_set_focal_point",
        "change_image",
        events.ImageChanged,
        _image,
        lambda o, by: services.image_set_focal_point(image=o["image"], x=0.8, y=0.3, by=by),
    ),
    Case(
        "image_delete",
        "delete_image",
        events.ImageChanged,
        _image,
        lambda o, by: services.image_delete(image=o["image"], by=by),
    ),
    Case(
        "embed_create",
        "add_embed",
        events.EmbedChanged,
        dict,
        lambda o, by: services.embed_create(by=by, url="https://vimeo.com/76979871"),
    ),
    Case(
        "embed_update",
        "change_embed",
        events.EmbedChanged,
        _embed,
        lambda o, by: services.embed_update(embed=o["embed"], by=by, title_de="Das Video"),
    ),
    Case(
        "embed_delete",
        "delete_embed",
        events.EmbedChanged,
        _embed,
        lambda o, by: services.embed_delete(embed=o["embed"], by=by),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_user_without_the_permission_is_refused_and_nothing_changes(
    case, seen, django_capture_on_commit_callbacks, media_root
):
    objects = case.prepare()
    before, files = stored(), factories.stored_files(media_root)
    refused = _user(
        Permission.objects.filter(content_type__app_label="media").exclude(codename=case.permission)
    )

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        case.call(objects, refused)

    assert stored() == before
    assert factories.stored_files(media_root) == files
    assert seen == []


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_permission_suffices_and_the_change_is_announced_once(
    case, seen, django_capture_on_commit_callbacks
):
    objects = case.prepare()
    before = stored()
    allowed = _user(Permission.objects.filter(codename=case.permission))

    with django_capture_on_commit_callbacks(execute=True):
        case.call(objects, allowed)

    assert stored() != before
    # The acting user's change is announced once; the background job may follow with its own
    # (the system's) ImageChanged when a new picture's renditions are ready.
    assert [type(event) for event in seen if event.by is not None] == [case.event]
    assert [event.by for event in seen if event.by is not None] == [allowed]
    assert all(isinstance(event, events.ImageChanged) for event in seen if event.by is None)


def test_the_uploader_is_the_acting_user():
    editor = _user(Permission.objects.filter(codename="add_image"))

    image = factories.image(by=editor)

    assert image.uploaded_by == editor


def test_reusing_an_image_already_in_the_library_announces_nothing(
    seen, django_capture_on_commit_callbacks
):
    data = factories.jpeg_bytes((120, 80))
    first = factories.image(data=data)

    with django_capture_on_commit_callbacks(execute=True):
        again = services.image_create(
            file=factories.upload(data), reuse_existing=True, by=factories.superuser()
        )

    assert again == first
    assert seen == []


def test_updating_the_focal_point_remakes_only_the_crops(django_capture_on_commit_callbacks):
    image = factories.image(size=(600, 300))
    square = {r.pk for r in services.image_renditions(image=image, crop="square")}
    full = {r.pk for r in services.image_renditions(image=image, crop="full")}

    with django_capture_on_commit_callbacks(execute=True):
        services.image_update(image=image, by=factories.superuser(), focal_x=0.9)

    remade = {r.pk for r in image.renditions.filter(crop="square")}
    assert remade and not remade & square
    assert {r.pk for r in image.renditions.filter(crop="full")} == full


def test_an_embed_must_be_https():
    with pytest.raises(ValidationError):
        services.embed_create(by=factories.superuser(), url="http://example.org/video")
    assert not Embed.objects.exists()
