"""Pure Pillow image work for the picture desk: checking, cleaning and resizing pictures.

Nothing here knows about Django or the database; services.py stores what this produces.
"""

from __future__ import annotations

import io
import struct
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from os import PathLike

from PIL import ExifTags, ImageCms, ImageOps, ImageSequence, JpegImagePlugin, features
from PIL import Image as PILImage

# Formats accepted on upload, detected by content (Pillow's plugin name), never by extension.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "AVIF")
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "AVIF": "avif"}

# Rendition output formats, best first: a <picture> lists them in this order.
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
DEFAULT_WIDTHS = (320, 640, 960, 1280, 1920)

# Fixed ratios; "full" keeps the picture's own shape. "standard" (4:3) is the third shape
# search engines ask of a news story's image (with 16:9 and 1:1), in its structured data.
CROPS: dict[str, tuple[int, int] | None] = {
    "full": None,
    "wide": (16, 9),
    "standard": (4, 3),
    "square": (1, 1),
}

# Extra widths one crop gets beside the ladder: social sites and search engines ask for a
# lead image 1200 pixels wide (og:image, the feeds' enclosure), in 16:9. Only where the
# ladder reaches past the width (a site with a small ladder keeps it small) and the picture
# is wider (never upscaled). Existing pictures get it from `manage.py make_renditions`.
SHARE_WIDTHS: dict[str, tuple[int, ...]] = {"wide": (1200,)}

# Animated files are checked frame by frame; beyond this many frames they are refused.
MAX_FRAMES = 1000

# What every stored picture is in: untagged pictures are sRGB on the web, so nothing
# stored needs (or carries) a colour profile, whose size is the uploader's choice.
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))

ENCODER_OPTIONS = {
    "jpeg": {"quality": 82, "progressive": True},
    "webp": {"quality": 80, "method": 4},
    # speed 8 keeps AVIF encoding within a few times JPEG's cost at a small size penalty.
    "avif": {"quality": 60, "speed": 8},
}
# reduce() by whole factors before the final resample when the picture is at least
# this many times larger: much faster on big photos, visually the same.
REDUCING_GAP = 3.0


class ImageRejected(Exception):
    """The bytes are not a picture we accept; `code` says why (see validators.py)."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class CheckedImage:
    format: str  # one of ACCEPTED_FORMATS
    width: int  # after applying the EXIF orientation
    height: int
    frames: int


@dataclass(frozen=True)
class Output:
    crop: str
    width: int
    height: int
    format: str  # a key of MIME_TYPES
    data: bytes


def output_formats(avif: bool = True) -> tuple[str, ...]:
    """The rendition formats this Pillow can write (AVIF only when its encoder is built in)."""
    formats = ["webp", "jpeg"]
    if avif and features.check("avif"):
        formats.insert(0, "avif")
    return tuple(formats)


def check_image(data: bytes, *, max_pixels: int) -> CheckedImage:
    """Open and fully decode `data`; raise ImageRejected unless it is a sound accepted picture.

    The pixel limit is checked from the header, before any pixel is decoded, so a
    decompression bomb costs nothing. For an animation it bounds width × height ×
    frames, as Wagtail does: every frame is decoded on the whole canvas, so a few
    kilobytes of one-pixel frames on a large canvas would otherwise cost gigabytes of
    work. Frames are decoded one at a time, never held together.
    """
    if not data:
        raise ImageRejected("empty")
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            img = PILImage.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise ImageRejected("too_many_pixels", limit=max_pixels) from None
        except (PILImage.UnidentifiedImageError, OSError, ValueError, SyntaxError):
            raise ImageRejected("not_an_image") from None
        with img:
            if img.format not in ACCEPTED_FORMATS:
                raise ImageRejected("not_an_image")
            width, height = img.size
            if width < 1 or height < 1:
                raise ImageRejected("corrupt")
            if width * height > max_pixels:
                raise ImageRejected("too_many_pixels", limit=max_pixels)
            frames = getattr(img, "n_frames", 1) or 1
            if frames > MAX_FRAMES or width * height * frames > max_pixels:
                raise ImageRejected("animation_too_large", limit=max_pixels)
            try:
                for frame in ImageSequence.Iterator(img):
                    frame.load()
            except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
                raise ImageRejected("too_many_pixels", limit=max_pixels) from None
            except (OSError, ValueError, SyntaxError, EOFError, IndexError, struct.error):
                raise ImageRejected("corrupt") from None
            if _orientation(img) in (5, 6, 7, 8):
                width, height = height, width
            return CheckedImage(img.format, width, height, frames)


def _orientation(img: PILImage.Image) -> int:
    try:
        return int(img.getexif().get(ExifTags.Base.Orientation, 1) or 1)
    except Exception:  # a broken EXIF block is no reason to refuse the picture
        return 1


def clean_original(data: bytes, *, keep_metadata: bool = False) -> tuple[bytes, str]:
    """The picture to store: EXIF orientation applied, identifying metadata removed, sRGB.

    Returns (bytes, Pillow format). GPS position, camera serial numbers, XMP, IPTC and
    comments go. A colour profile (ICC) is applied (the colours converted to sRGB) and
    dropped: its size is the uploader's choice and it can carry any bytes. Animations
    are never held in memory frame by frame: a GIF's compressed frames are copied as
    they are, a WebP's are re-encoded one at a time. With `keep_metadata`, an upright
    picture without a colour profile is stored byte for byte and any other keeps its
    EXIF (orientation reset).
    """
    img = PILImage.open(io.BytesIO(data))
    fmt = img.format
    orientation = _orientation(img)
    if keep_metadata and orientation == 1 and not img.info.get("icc_profile"):
        return data, fmt
    exif = b""
    if keep_metadata:
        kept = img.getexif()
        kept.pop(ExifTags.Base.Orientation, None)
        exif = kept.tobytes()
    out = io.BytesIO()
    animated = getattr(img, "n_frames", 1) > 1
    if fmt == "GIF" and animated:
        out.write(_gif_without_metadata(data))
    elif fmt == "WEBP" and animated:
        _save_webp_animation(img, out, exif)
    elif fmt == "JPEG":
        upright = to_srgb(ImageOps.exif_transpose(img))
        upright.info = {}
        if orientation == 1:
            # The source's quantisation tables and subsampling: no visible generation loss.
            options = {"qtables": img.quantization}
            sampling = JpegImagePlugin.get_sampling(img)
            if sampling != -1:
                options["subsampling"] = sampling
        else:
            options = {"quality": 92, "optimize": True}
        upright.save(out, "JPEG", exif=exif, comment=b"", **options)
    else:
        upright = to_srgb(ImageOps.exif_transpose(img))
        upright.info = {k: v for k, v in upright.info.items() if k == "transparency"}
        if fmt == "PNG":
            upright.save(out, "PNG", optimize=False, exif=exif or None)
        elif fmt == "GIF":
            upright.save(out, "GIF", comment=b"")
        elif fmt == "WEBP":
            upright.save(out, "WEBP", quality=90, exif=exif, xmp=b"", icc_profile="")
        elif fmt == "AVIF":
            upright.save(out, "AVIF", quality=85, exif=exif, xmp=b"", icc_profile=b"")
        else:  # pragma: no cover - check_image() only lets ACCEPTED_FORMATS through
            raise ImageRejected("not_an_image")
    return out.getvalue(), fmt


def to_srgb(img: PILImage.Image) -> PILImage.Image:
    """`img` with its colour profile applied (colours converted to sRGB) and removed.

    A profile that cannot be read or applied (random bytes, a colour space that does
    not match the pixels) is dropped and the pixels are taken as they are, as a
    browser does. Returns `img` itself, its profile removed, when there is nothing to do.
    """
    icc = img.info.pop("icc_profile", None)
    if not icc:
        return img
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        space = profile.profile.xcolor_space.strip()
    except (OSError, ValueError, TypeError, ImageCms.PyCMSError):
        return img
    if space == "RGB" and img.mode in ("RGB", "RGBA", "P", "PA"):
        alpha = img.convert("RGBA").getchannel("A") if _has_alpha(img) else None
        colours = img if img.mode == "RGB" else img.convert("RGB")
    elif space == "CMYK" and img.mode == "CMYK":
        alpha, colours = None, img
    else:
        return img
    try:
        converted = ImageCms.profileToProfile(colours, profile, SRGB, outputMode="RGB")
    except (OSError, ValueError, ImageCms.PyCMSError):
        return img
    if alpha is not None:
        converted.putalpha(alpha)
    converted.info = {k: v for k, v in img.info.items() if k != "transparency"}
    return converted


def _save_webp_animation(img: PILImage.Image, out: io.BytesIO, exif: bytes) -> None:
    # A first pass for the frame durations (WebP knows them only once a frame is
    # decoded); then the encoder takes the frames one by one from the open file.
    durations = []
    for frame in ImageSequence.Iterator(img):
        frame.load()
        durations.append(frame.info.get("duration", 100))
    img.seek(0)
    img.info.pop("icc_profile", None)
    img.save(
        out,
        "WEBP",
        save_all=True,
        duration=durations,
        loop=img.info.get("loop", 0),
        lossless=False,
        quality=90,
        exif=exif,
        xmp=b"",
        icc_profile="",
    )


# GIF extension blocks kept: the frame timing (graphic control) and the loop count.
_GIF_GRAPHIC_CONTROL = 0xF9
_GIF_LOOP_APPLICATIONS = (b"\x0bNETSCAPE2.0", b"\x0bANIMEXTS1.0")


def _gif_without_metadata(data: bytes) -> bytes:
    """A GIF's header, colour tables, frames and timing, block for block, without its
    comments, plain-text blocks and application data (XMP, ICC and the like).

    The frames stay compressed: nothing is decoded, so the cost is the file's size.
    check_image() has already decoded every frame once.
    """
    try:
        out = [data[:13]]
        flags, pos = data[10], 13
        if flags & 0x80:  # global colour table
            out.append(data[pos : pos + 3 * (2 << (flags & 7))])
            pos += 3 * (2 << (flags & 7))
        while data[pos] != 0x3B:  # trailer
            if data[pos] == 0x2C:  # image descriptor, local colour table, LZW data
                local = data[pos + 9]
                start, pos = pos, pos + 10 + (3 * (2 << (local & 7)) if local & 0x80 else 0)
                pos = _gif_skip_sub_blocks(data, pos + 1)  # after the LZW code size
                out.append(data[start:pos])
            elif data[pos] == 0x21:  # extension
                label, start = data[pos + 1], pos
                pos = _gif_skip_sub_blocks(data, pos + 2)
                if label == _GIF_GRAPHIC_CONTROL or (
                    label == 0xFF and data[start + 2 : start + 14] in _GIF_LOOP_APPLICATIONS
                ):
                    out.append(data[start:pos])
            else:
                raise ImageRejected("corrupt")
    except IndexError:
        raise ImageRejected("corrupt") from None
    out.append(b";")
    return b"".join(out)


def _gif_skip_sub_blocks(data: bytes, pos: int) -> int:
    """The position after the data sub-blocks starting at `pos` (and their terminator)."""
    while data[pos]:
        pos += data[pos] + 1
    return pos + 1


def crop_box(
    size: tuple[int, int], ratio: tuple[int, int] | None, focal: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest box of `ratio` inside `size`, centred on the focal point as far as it fits.

    The focal point (fractions of width and height) is always inside the box.
    """
    width, height = size
    if ratio is None:
        return (0, 0, width, height)
    rw, rh = ratio
    if width * rh > height * rw:  # too wide: keep the full height
        box_w, box_h = max(1, round(height * rw / rh)), height
    else:
        box_w, box_h = width, max(1, round(width * rh / rw))
    fx = min(max(focal[0], 0.0), 1.0) * width
    fy = min(max(focal[1], 0.0), 1.0) * height
    left = int(min(max(round(fx - box_w / 2), 0), width - box_w))
    top = int(min(max(round(fy - box_h / 2), 0), height - box_h))
    return (left, top, left + box_w, top + box_h)


def ladder(box_width: int, widths: Iterable[int] = DEFAULT_WIDTHS) -> list[int]:
    """Rendition widths for a box this wide: the ladder's steps below it, never upscaled.

    The picture's own width is the top step when it is narrower than the widest step.
    """
    widths = sorted(set(widths))
    steps = [w for w in widths if w < box_width]
    steps.append(min(box_width, widths[-1]))
    return sorted(set(steps))


def plan(
    size: tuple[int, int],
    crop: str,
    focal: tuple[float, float],
    widths: Iterable[int] = DEFAULT_WIDTHS,
) -> list[tuple[int, int]]:
    """The (width, height) of every rendition of `crop` for an upright source of `size`:
    the ladder, with the crop's SHARE_WIDTHS where the ladder reaches past them."""
    widths = list(widths)
    widths += [w for w in SHARE_WIDTHS.get(crop, ()) if w < max(widths)]
    left, top, right, bottom = crop_box(size, CROPS[crop], focal)
    box_w, box_h = right - left, bottom - top
    return [(w, max(1, round(w * box_h / box_w))) for w in ladder(box_w, widths)]


def render(
    source,
    *,
    crops: Iterable[str],
    formats: Iterable[str],
    focal: tuple[float, float] = (0.5, 0.5),
    widths: Iterable[int] = DEFAULT_WIDTHS,
    wanted: set[tuple[str, int, str]] | None = None,
) -> Iterator[Output]:
    """Yield the renditions of `crops` × ladder × formats from `source` (bytes, path or file).

    JPEG sources are decoded at a reduced scale (draft mode: the decoder skips the
    detail no rendition needs), once per scale the crops need; big reductions go through
    reduce() first (reducing_gap), and small widths are resampled from a wider
    rendition. `wanted`, when given, limits the output to those (crop, width, format)
    triples. Widest first within each crop.
    """
    crops, formats, widths = list(crops), list(formats), list(widths)
    data = _read(source)
    with PILImage.open(io.BytesIO(data)) as probe:
        orientation = _orientation(probe)
        size, is_jpeg = probe.size, probe.format == "JPEG"
    upright_size = size if orientation not in (5, 6, 7, 8) else size[::-1]
    plans = {crop: plan(upright_size, crop, focal, widths) for crop in crops}
    if wanted is not None:
        plans = {
            crop: [(w, h) for w, h in sizes if any((crop, w, f) in wanted for f in formats)]
            for crop, sizes in plans.items()
        }
        plans = {crop: sizes for crop, sizes in plans.items() if sizes}

    # Per crop, the largest power-of-two reduction (up to 8, the decoder's limit) that
    # still leaves the crop box at least as wide as its widest rendition.
    by_scale: dict[int, list[str]] = {}
    for crop, sizes in plans.items():
        left, _t, right, _b = crop_box(upright_size, CROPS[crop], focal)
        scale = 1
        while is_jpeg and scale < 8 and (right - left) / (scale * 2) >= sizes[-1][0]:
            scale *= 2
        by_scale.setdefault(scale, []).append(crop)

    for scale, scale_crops in sorted(by_scale.items()):
        img = _decode(data, scale)
        ratio = img.size[0] / upright_size[0]  # decoded pixels per upright source pixel
        for crop in scale_crops:
            box = tuple(c * ratio for c in crop_box(upright_size, CROPS[crop], focal))
            made: list[PILImage.Image] = []  # widest first
            for width, height in reversed(plans[crop]):
                # A rendition at least twice as wide is as good a source as the original
                # (LANCZOS has all the pixels it needs) and far cheaper to resample.
                base = next((m for m in reversed(made) if m.width >= 2 * width), None)
                if base is not None:
                    resized = base.resize((width, height), PILImage.Resampling.LANCZOS)
                else:
                    resized = img.resize(
                        (width, height),
                        PILImage.Resampling.LANCZOS,
                        box=box,
                        reducing_gap=REDUCING_GAP,
                    )
                made.append(resized)
                for fmt in formats:
                    if wanted is None or (crop, width, fmt) in wanted:
                        yield Output(crop, width, height, fmt, encode(resized, fmt))


def _read(source) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, (str, PathLike)):
        with open(source, "rb") as f:
            return f.read()
    return source.read()


def _decode(data: bytes, scale: int) -> PILImage.Image:
    """The upright picture (first frame), decoded at 1/`scale` when the format allows."""
    img = PILImage.open(io.BytesIO(data))
    img.seek(0)  # animated pictures: renditions are stills of the first frame
    if scale > 1:
        img.draft("RGB", (img.size[0] // scale, img.size[1] // scale))
    img = to_srgb(ImageOps.exif_transpose(img))  # originals stored before sRGB had profiles
    if img.mode not in ("RGB", "RGBA", "L", "LA"):
        img = img.convert("RGBA" if _has_alpha(img) else "RGB")
    img.load()
    return img


def _has_alpha(img: PILImage.Image) -> bool:
    return img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info


def encode(img: PILImage.Image, fmt: str) -> bytes:
    """`img` (sRGB, see to_srgb()) as `fmt` bytes with no metadata and no colour profile."""
    out = io.BytesIO()
    if fmt == "jpeg" and img.mode not in ("RGB", "L"):
        rgba = img.convert("RGBA")
        img = PILImage.new("RGB", img.size, (255, 255, 255))
        img.paste(rgba, mask=rgba.getchannel("A"))
    options = dict(ENCODER_OPTIONS[fmt])
    # Explicit values: some encoders would otherwise copy these from the source's info.
    options["icc_profile"] = b"" if fmt == "avif" else None
    if fmt == "jpeg":
        options["comment"] = b""
    else:
        options.update(exif=b"", xmp=b"")
    img.save(out, fmt.upper(), **options)
    return out.getvalue()
