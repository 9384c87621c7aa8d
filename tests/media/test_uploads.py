"""Upload safety: only sound JPEG, PNG, WebP, GIF or AVIF pictures are stored."""

import io
import re
import time
import tracemalloc

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import Image as PILImage
from PIL import ImageSequence

from media import services
from media.forms import ImageAdminForm
from media.models import Image
from tests.media import factories

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def _form(data, name="photo.jpg"):
    return ImageAdminForm(
        data={"alt_text_en": "Alt", "focal_x": "0.5", "focal_y": "0.5"},
        files={"file": factories.upload(data, name)},
    )


def _bomb():
    # Tiny on disk, 100 million pixels once decoded.
    return factories.encode(PILImage.new("1", (10_000, 10_000)), "PNG")


BAD_UPLOADS = {
    "svg named .jpg": (SVG, "not a JPEG, PNG, WebP, GIF or AVIF"),
    "html named .jpg": (HTML, "not a JPEG, PNG, WebP, GIF or AVIF"),
    "truncated jpeg": (factories.jpeg_bytes()[:-2000], "damaged or incomplete"),
    "corrupt png": (
        factories.encode(factories.picture(), "PNG")[:60] + b"\x00" * 500,
        "damaged or incomplete",
    ),
    "zero bytes": (b"", "empty"),
    "bmp (not accepted)": (factories.encode(factories.picture(), "BMP"), "not a JPEG"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(BAD_UPLOADS))
def test_bad_upload_is_refused_with_a_clear_error_and_nothing_stored(case, media_root):
    data, message = BAD_UPLOADS[case]
    form = _form(data)

    assert not form.is_valid()
    assert message in " ".join(form.errors["file"])
    assert Image.objects.count() == 0
    assert factories.stored_files(media_root) == []


@pytest.mark.django_db
def test_decompression_bomb_is_refused_before_decoding(settings, media_root):
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 20_000_000
    form = _form(_bomb(), "bomb.png")

    assert not form.is_valid()
    assert "more than 20 million pixels" in form.errors["file"][0]
    assert Image.objects.count() == 0
    assert factories.stored_files(media_root) == []


@pytest.mark.django_db
def test_animation_of_tiny_frames_on_a_huge_canvas_is_refused_at_once(settings, media_root):
    # 300 one-pixel frames on a 5000 × 5000 canvas: 7 kB on disk, 7.5 billion pixels to
    # decode, one canvas-sized copy per frame to clean.
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 60_000_000
    data = factories.animation_bomb(canvas=(5000, 5000), frames=300)
    assert len(data) < 10_000
    form = _form(data, "tiny.gif")

    tracemalloc.start()
    started = time.perf_counter()
    try:
        valid = form.is_valid()
        elapsed = time.perf_counter() - started
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert not valid
    assert form.errors["file"] == [
        "The animation has more than 60 million pixels in all its frames together; "
        "please upload a shorter or smaller one."
    ]
    assert elapsed < 0.5
    assert peak < 5 * 1024 * 1024
    assert Image.objects.count() == 0
    assert factories.stored_files(media_root) == []
    with translation.override("de"):
        form = _form(data, "tiny.gif")
        assert not form.is_valid()
        assert "Animation" in form.errors["file"][0]


def _frames(animation):
    for frame in ImageSequence.Iterator(animation):
        frame.load()
        yield frame


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["GIF", "WEBP"])
def test_animation_within_the_limit_keeps_its_frames_and_timing(fmt, settings, media_root):
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 120 * 80 * 4
    extra = (
        {"comment": b"Secret Source"} if fmt == "GIF" else {"exif": factories.identifying_exif()}
    )
    data = factories.animation(fmt, size=(120, 80), frames=4, **extra)
    assert b"Secret Source" in data

    image = factories.image(data=data, name="loop.gif")

    stored = image.file.read()
    assert b"Secret Source" not in stored
    with PILImage.open(io.BytesIO(stored)) as animation:
        assert (animation.format, animation.size, animation.n_frames) == (fmt, (120, 80), 4)
        durations = [frame.info["duration"] for frame in _frames(animation)]
        assert durations == [70] * 4
    with pytest.raises(ValidationError) as refused:
        factories.image(data=factories.animation(fmt, size=(120, 80), frames=5), name="x.gif")
    assert refused.value.code == "animation_too_large"


@pytest.mark.django_db
def test_pixel_limit_comes_from_settings(settings, media_root):
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 100 * 100
    with pytest.raises(ValidationError) as refused:
        factories.image(size=(101, 100))
    assert refused.value.code == "too_many_pixels"
    assert factories.stored_files(media_root) == []
    factories.image(size=(100, 100))
    assert Image.objects.count() == 1


@pytest.mark.django_db
def test_file_over_the_size_limit_is_refused(settings, media_root):
    data = factories.jpeg_bytes()
    settings.NEWSROOM_IMAGE_MAX_BYTES = len(data) - 1
    form = _form(data)

    assert not form.is_valid()
    assert "larger than" in form.errors["file"][0]
    assert factories.stored_files(media_root) == []


@pytest.mark.django_db
def test_upload_errors_are_in_the_editors_language(media_root):
    from django.utils import translation

    with translation.override("nl"):
        form = _form(b"")
        assert not form.is_valid()
        assert form.errors["file"] == ["Het verstuurde bestand is leeg."]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fmt", "name"),
    [("JPEG", "a.jpg"), ("PNG", "b.png"), ("WEBP", "c.webp"), ("GIF", "d.gif"), ("AVIF", "e.avif")],
)
def test_each_accepted_format_is_stored_under_its_real_extension(fmt, name, media_root):
    data = factories.encode(factories.picture((300, 200)), fmt)
    image = factories.image(data=data, name="misnamed.jpg" if fmt == "PNG" else name)

    assert (image.width, image.height) == (300, 200)
    expected_ext = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "AVIF": "avif"}
    assert image.file.name.endswith("." + expected_ext[fmt])
    with PILImage.open(io.BytesIO(image.file.read())) as stored:
        assert stored.format == fmt


@pytest.mark.django_db
def test_same_file_twice_offers_the_existing_image(admin_client, media_root):
    data = factories.jpeg_bytes()
    first = factories.image(data=data, title_en="Harbour at dawn")
    files_before = factories.stored_files(media_root)

    form = _form(data, "again.jpg")
    assert not form.is_valid()
    error = form.errors["file"][0]
    assert "already in the library" in error
    assert f'href="/admin/media/image/{first.pk}/change/"' in error
    assert "Harbour at dawn" in error
    assert Image.objects.count() == 1
    assert factories.stored_files(media_root) == files_before


@pytest.mark.django_db
def test_upload_service_can_reuse_the_existing_image(media_root):
    data = factories.jpeg_bytes()
    first = factories.image(data=data)

    with pytest.raises(services.DuplicateImage) as duplicate:
        factories.image(data=data)
    assert duplicate.value.existing == first
    assert (
        services.image_create(
            file=factories.upload(data), reuse_existing=True, by=factories.superuser()
        )
        == first
    )
    assert Image.objects.count() == 1


@pytest.mark.django_db
def test_admin_upload_stores_a_clean_image(
    admin_client, media_root, django_capture_on_commit_callbacks
):
    data = factories.jpeg_bytes(exif=factories.identifying_exif().tobytes())
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/media/image/add/",
            {
                "file": factories.upload(data, "Harbour.JPG"),
                "alt_text_en": "Boats in the harbour",
                "focal_x": "0.5",
                "focal_y": "0.5",
            },
        )

    assert response.status_code == 302, response.content
    image = Image.objects.get()
    assert image.alt_text_en == "Boats in the harbour"
    assert image.content_hash == services.content_hash(data)
    assert image.uploaded_by.is_superuser
    assert b"SN-123456789" not in image.file.read()
    assert "arbour" not in image.file.name.lower()
    # Its renditions were made when the upload committed, before any reader asked.
    assert {r.crop for r in image.renditions.all()} == {"full", "wide", "standard", "square"}


@pytest.mark.django_db
def test_admin_refuses_a_disguised_svg_and_stores_nothing(admin_client, media_root):
    response = admin_client.post(
        "/admin/media/image/add/",
        {"file": factories.upload(SVG, "cat.jpg"), "alt_text_en": "A cat"},
    )

    assert response.status_code == 200
    assert "not a JPEG, PNG, WebP, GIF or AVIF" in response.content.decode()
    assert Image.objects.count() == 0
    assert factories.stored_files(media_root) == []


@pytest.mark.django_db
def test_alt_text_is_required_in_english(media_root):
    form = ImageAdminForm(
        data={"alt_text_nl": "Boten", "focal_x": "0.5", "focal_y": "0.5"},
        files={"file": factories.upload(factories.jpeg_bytes())},
    )

    assert not form.is_valid()
    assert "required in English" in form.errors["alt_text_en"][0]
    assert factories.stored_files(media_root) == []


TOKEN = r"[A-Za-z0-9_-]{22}"


@pytest.mark.django_db
def test_stored_addresses_are_unguessable_and_keep_nothing_of_the_uploaded_name(media_root):
    # A picture for an embargoed story: its name says what the story is about.
    data = factories.jpeg_bytes(size=(700, 500))
    image = factories.image(data=data, name="minister-resigns-embargo-friday.jpg")
    other = factories.image()

    match = re.fullmatch(rf"images/({TOKEN})/{TOKEN}\.jpg", image.file.name)
    assert match, image.file.name
    token = match.group(1)
    assert token not in other.file.name
    renditions = [
        r.file.name for crop in ("full", "wide", "square") for r in _renditions(image, crop)
    ]
    assert renditions
    for name in renditions:
        assert re.fullmatch(
            rf"renditions/{token}/[A-Za-z0-9_-]{{12}}-(full|wide|square)-\d+x\d+\.(jpg|webp|avif)",
            name,
        ), name
    for stored in factories.stored_files(media_root):
        assert "minister" not in stored and "embargo" not in stored
        assert f"/{image.pk}/" not in stored


def _renditions(image, crop):
    return services.image_renditions(image=image, crop=crop)


@pytest.mark.django_db
def test_images_stored_under_the_old_addresses_keep_working(media_root):
    image = factories.image()
    services.renditions_purge(image=image)
    legacy = "images/2025/03/harbour.jpg"
    (media_root / "images/2025/03").mkdir(parents=True)
    (media_root / image.file.name).rename(media_root / legacy)
    Image.objects.filter(pk=image.pk).update(file=legacy)
    image = Image.objects.get(pk=image.pk)

    made = _renditions(image, "square")

    assert image.file.url == "/uploads/images/2025/03/harbour.jpg"
    assert made and all(
        re.fullmatch(rf"renditions/{image.pk}/[A-Za-z0-9_-]{{12}}-square-.*", r.file.name)
        for r in made
    )
