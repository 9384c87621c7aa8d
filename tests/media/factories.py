"""Builders for picture-desk tests: real picture bytes made with Pillow, and saved images."""

import io
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, ImageDraw
from PIL import Image as PILImage

from media import services
from tests.factories import superuser

_counter = itertools.count(1)

GPS_LATITUDE = (52.0, 22.0, 12.34)


def picture(size=(700, 500), color=None, mode="RGB"):
    """A Pillow picture that differs from every other one made here (so hashes differ)."""
    n = next(_counter)
    color = color or ((n * 37) % 256, (n * 91) % 256, (n * 53) % 256)
    img = PILImage.new(mode, size, color if mode == "RGB" else (*color, 255))
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 0, size[0] // 4, size[1] // 4], fill=(255 - color[0], 0, 0))
    draw.text((5, 5), str(n), fill=(255, 255, 255))
    return img


def identifying_exif(orientation=1):
    """EXIF with a GPS position, a camera serial number, an owner name and an orientation."""
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "Canon EOS Test"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Artist] = "Secret Source"
    ifd = exif.get_ifd(ExifTags.IFD.Exif)
    ifd[ExifTags.Base.BodySerialNumber] = "SN-123456789"
    ifd[ExifTags.Base.CameraOwnerName] = "Secret Source"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (4.0, 53.0, 43.21)
    return exif


def encode(img, fmt="JPEG", **options):
    out = io.BytesIO()
    img.save(out, fmt, **options)
    return out.getvalue()


def jpeg_bytes(size=(700, 500), **options):
    return encode(picture(size), "JPEG", quality=90, **options)


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def image(size=(700, 500), data=None, name="photo.jpg", *, by=None, **fields):
    """A stored Image through the upload service, with English alt text by default."""
    fields.setdefault("alt_text_en", "A test picture")
    return services.image_create(
        file=upload(data or jpeg_bytes(size), name), by=by or superuser(), **fields
    )


def embed(url="https://www.youtube.com/watch?v=dQw4w9WgXcQ", *, by=None, **fields):
    fields.setdefault("title_en", "The video")
    return services.embed_create(by=by or superuser(), url=url, **fields)


def stored_files(root):
    """Every file under `root`, as relative paths."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
