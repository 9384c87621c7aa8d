"""Privacy of sources: what is stored carries no GPS position, serial number or owner name."""

import io

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
