"""Privacy of sources: what is stored carries no GPS position, serial number or owner name."""

import io
import os

import pytest
from PIL import ExifTags
from PIL import Image as PILImage

from media import services
from tests.media import factories

IDENTIFYING = [b"SN-123456789", b"Secret Source", b"Canon EOS Test"]


def _assert_clean(data):
    for secret in IDENTIFYING:
        assert secret not in data
    with PILImage.open(io.BytesIO(data)) as img:
        exif = img.getexif()
        assert ExifTags.IFD.GPSInfo not in exif
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert ExifTags.Base.Orientation not in exif or exif[ExifTags.Base.Orientation] == 1
        assert "comment" not in img.info
        assert "xmp" not in img.info


def _rendition_bytes(image):
    result = []
    for crop in ("full", "wide", "square"):
        for rendition in services.image_renditions(image=image, crop=crop):
            with rendition.file.open("rb") as f:
                result.append((rendition, f.read()))
    return result


@pytest.mark.django_db
def test_gps_serial_and_owner_are_removed_from_the_original_and_every_rendition():
    exif = factories.identifying_exif()
    data = factories.jpeg_bytes(exif=exif.tobytes(), comment=b"Secret Source")
    assert all(secret in data for secret in IDENTIFYING)  # the test file really has them

    image = factories.image(data=data)

    with image.file.open("rb") as f:
        _assert_clean(f.read())
    stored = _rendition_bytes(image)
    assert len(stored) >= 3 * 3 * 2
    for _rendition, rendition_data in stored:
        _assert_clean(rendition_data)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "AVIF"])
def test_metadata_is_removed_from_other_formats(fmt):
    data = factories.encode(factories.picture((300, 200)), fmt, exif=factories.identifying_exif())
    assert b"SN-123456789" in data

    image = factories.image(data=data, name=f"x.{fmt.lower()}")

    with image.file.open("rb") as f:
        _assert_clean(f.read())


@pytest.mark.django_db
def test_exif_orientation_is_applied():
    # A portrait photo stored sideways, as phones do: 600 wide on disk, shown 400 wide.
    img = factories.picture((600, 400))
    img.putpixel((0, 0), (0, 255, 0))
    data = factories.encode(img, "JPEG", quality=95, exif=factories.identifying_exif(6).tobytes())

    image = factories.image(data=data)

    assert (image.width, image.height) == (400, 600)
    with image.file.open("rb") as f, PILImage.open(f) as stored:
        assert stored.size == (400, 600)
        assert stored.getexif().get(ExifTags.Base.Orientation, 1) == 1
    wide = services.image_renditions(image=image, crop="full")
    assert wide[-1].height > wide[-1].width


@pytest.mark.django_db
def test_a_setting_keeps_the_metadata(settings):
    settings.NEWSROOM_IMAGE_KEEP_METADATA = True
    data = factories.jpeg_bytes(exif=factories.identifying_exif().tobytes())

    image = factories.image(data=data)

    with image.file.open("rb") as f:
        assert f.read() == data  # upright already: stored byte for byte


def _colour(data, at=(10, 10)):
    with PILImage.open(io.BytesIO(data)) as img:
        assert not img.info.get("icc_profile")
        return img.convert("RGB").getpixel(at)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["real profile", "random bytes"])
def test_a_large_colour_profile_is_applied_and_stored_nowhere(kind, settings):
    settings.NEWSROOM_IMAGE_WIDTHS = [320, 640]
    # 4 MB of profile in a 1000 × 700 photo: before, every rendition carried a copy.
    if kind == "real profile":  # its red channel is sRGB's blue
        icc, expected = factories.icc_profile(padding=4_000_000), "blue"
    else:  # nothing a colour engine can read: the pixels are taken as they are
        icc, expected = os.urandom(4_000_000), "red"
    data = factories.encode(
        PILImage.new("RGB", (1000, 700), (200, 30, 30)), "JPEG", icc_profile=icc
    )
    assert len(data) > 4_000_000

    image = factories.image(data=data)

    with image.file.open("rb") as f:
        original = f.read()
    stored = [original] + [rendition_data for _r, rendition_data in _rendition_bytes(image)]
    assert len(stored) > 1 + 3 * 2
    for picture in stored:
        assert len(picture) < 100_000
        r, _g, b = _colour(picture)
        assert (b > 150 and r < 60) if expected == "blue" else (r > 150 and b < 60)


@pytest.mark.django_db
def test_renditions_of_an_original_stored_with_a_profile_are_converted_and_untagged(settings):
    # Originals stored before profiles were applied keep them; their renditions must not.
    settings.NEWSROOM_IMAGE_WIDTHS = [320]
    image = factories.image(size=(400, 300))
    tagged = factories.encode(
        PILImage.new("RGB", (400, 300), (200, 30, 30)),
        "JPEG",
        icc_profile=factories.icc_profile(padding=500_000),
    )
    with open(image.file.path, "wb") as f:
        f.write(tagged)
    services.renditions_purge(image=image)

    for _rendition, data in _rendition_bytes(image):
        assert len(data) < 50_000
        r, _g, b = _colour(data)
        assert b > 150 and r < 60
