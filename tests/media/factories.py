"""Builders for picture-desk tests: real picture bytes made with Pillow, and saved images."""

import io
import itertools
import struct

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


def processed(image):
    """`image` after its background job (media.jobs.make_renditions) has run, as the worker
    leaves it: every crop's renditions stored and the picture marked ready."""
    from media import jobs

    jobs.make_renditions(image.pk)
    image.refresh_from_db()
    return image


def embed(url="https://www.youtube.com/watch?v=dQw4w9WgXcQ", *, by=None, **fields):
    fields.setdefault("title_en", "The video")
    return services.embed_create(by=by or superuser(), url=url, **fields)


def stored_files(root):
    """Every file under `root`, as relative paths."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def animation_bomb(canvas=(5000, 5000), frames=300):
    """A GIF of a few kilobytes: `frames` one-pixel frames scattered on a large canvas.

    Pillow makes the one-pixel frame; the canvas and the frames around it are put
    together here, as a crafted file would be (Pillow itself writes frames canvas-sized).
    """
    pixel = encode(PILImage.new("P", (1, 1), 1), "GIF")
    flags = pixel[10]
    table_end = 13 + (3 * (2 << (flags & 7)) if flags & 0x80 else 0)
    frame = pixel[pixel.index(b"\x2c", table_end) : -1]  # image descriptor and LZW data
    header = b"GIF89a" + struct.pack("<HH", *canvas) + pixel[10:table_end]
    loop = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    blocks = []
    for n in range(frames):
        timing = b"\x21\xf9\x04\x04\x01\x00\x00\x00"  # 10 ms, leave the frame in place
        position = struct.pack("<HH", n % canvas[0], (n // canvas[0]) % canvas[1])
        blocks.append(timing + frame[:1] + position + frame[5:])
    return header + loop + b"".join(blocks) + b";"


def animation(fmt="GIF", size=(120, 80), frames=4, **options):
    """A small real animation: each frame another colour, 70 ms a frame."""
    pictures = [picture(size) for _n in range(frames)]
    return encode(
        pictures[0], fmt, save_all=True, append_images=pictures[1:], duration=70, loop=0, **options
    )


def _s15(value):
    return struct.pack(">i", round(value * 65536))


def _xyz(x, y, z):
    return b"XYZ \0\0\0\0" + _s15(x) + _s15(y) + _s15(z)


# sRGB's red, green and blue primaries as seen from the profile connection space (D50).
_SRGB_COLORANTS = {
    "r": (0.4361, 0.2225, 0.0139),
    "g": (0.3851, 0.7169, 0.0971),
    "b": (0.1431, 0.0606, 0.7141),
}


def icc_profile(padding=0, swap_red_and_blue=True):
    """A real RGB display profile (ICC v2, matrix and gamma 2.2), `padding` bytes larger.

    With `swap_red_and_blue`, the file's red channel means sRGB's blue and the other way
    round, so a picture converted through it changes colour unmistakably. The padding is
    a copyright text tag, which every colour engine accepts and ignores.
    """
    red, blue = _SRGB_COLORANTS["r"], _SRGB_COLORANTS["b"]
    if swap_red_and_blue:
        red, blue = blue, red
    description = b"Test RGB\0"
    gamma = b"curv\0\0\0\0" + struct.pack(">IH", 1, 0x0233) + b"\0\0"
    tags = [
        (
            b"desc",
            b"desc\0\0\0\0" + struct.pack(">I", len(description)) + description + bytes(79),
        ),
        (b"wtpt", _xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", _xyz(*red)),
        (b"gXYZ", _xyz(*_SRGB_COLORANTS["g"])),
        (b"bXYZ", _xyz(*blue)),
        (b"rTRC", gamma),
        (b"gTRC", gamma),
        (b"bTRC", gamma),
        (b"cprt", b"text\0\0\0\0" + b"x" * padding + b"\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = [], b""
    for signature, data in tags:
        data += bytes(-len(data) % 4)
        table.append(signature + struct.pack(">II", offset + len(body), len(data)))
        body += data
    size = offset + len(body)
    header = (
        struct.pack(">I", size)
        + bytes(4)
        + bytes([2, 0x10, 0, 0])
        + b"mntrRGB XYZ "
        + bytes(12)
        + b"acsp"
        + bytes(24)
        + bytes(4)
        + _s15(0.9642)
        + _s15(1.0)
        + _s15(0.8249)
        + bytes(48)
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + b"".join(table) + body
