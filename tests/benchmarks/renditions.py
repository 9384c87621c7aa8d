"""Time rendition generation for a 12-megapixel JPEG photo against plain Pillow.

    .venv/bin/python tests/benchmarks/renditions.py [--repeat N]

"ours" is the picture desk's whole job for one photo: the width ladder of the full
picture and of both crops (16:9 and 1:1), in every output format, stored through
Django's storage API and recorded as Rendition rows. "plain Pillow" performs the same
operations the obvious way: decode at full size, crop, resize, encode, in memory. The
difference is draft mode (the JPEG decoder scales down by 2, 4 or 8 while decoding),
reducing_gap (resize in two steps) and resampling small widths from a rendition at
least twice as wide. Encoding is the same in both. The table shows medians of N runs.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ["DATABASE_URL"] = "sqlite:///:memory:"
os.environ["DJANGO_MEDIA_ROOT"] = tempfile.mkdtemp(prefix="newsroom-benchmark-")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from PIL import ImageFilter, ImageOps  # noqa: E402

from media import renditions as pillow  # noqa: E402
from media import services  # noqa: E402
from media.models import Image  # noqa: E402

SIZE = (4000, 3000)  # 12 megapixels
CROPS = ["full", "wide", "square"]


def photo_bytes() -> bytes:
    """A photo-like 12 MP JPEG: smooth gradients with grain, so it compresses like a photo."""
    w, h = SIZE
    small = (w // 8, h // 8)
    r = PILImage.linear_gradient("L").resize(small)
    g = PILImage.radial_gradient("L").resize(small)
    b = PILImage.effect_noise(small, 60).filter(ImageFilter.GaussianBlur(3))
    img = PILImage.merge("RGB", (r, g, b)).resize(SIZE, PILImage.Resampling.BICUBIC)
    grain = PILImage.effect_noise(SIZE, 18).convert("RGB")
    img = PILImage.blend(img, grain, 0.12)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


def plain_pillow(data: bytes, formats, widths) -> int:
    """The same renditions without draft mode or reducing_gap; returns how many."""
    img = ImageOps.exif_transpose(PILImage.open(io.BytesIO(data)))
    img.load()
    count = 0
    for crop in CROPS:
        box = pillow.crop_box(img.size, pillow.CROPS[crop], (0.5, 0.5))
        for width, height in pillow.plan(img.size, crop, (0.5, 0.5), widths):
            resized = img.crop(box).resize((width, height), PILImage.Resampling.LANCZOS)
            for fmt in formats:
                out = io.BytesIO()
                resized.save(out, fmt.upper(), **pillow.ENCODER_OPTIONS[fmt])
                count += 1
    return count


def ours_pillow_only(data: bytes, formats, widths) -> int:
    return sum(
        1 for _ in pillow.render(io.BytesIO(data), crops=CROPS, formats=formats, widths=widths)
    )


def ours_stored(image: Image) -> int:
    image.renditions.all().delete()
    image = Image.objects.get(pk=image.pk)
    return sum(len(services.image_renditions(image=image, crop=crop)) for crop in CROPS)


def decode_full(data: bytes, *_args) -> int:
    PILImage.open(io.BytesIO(data)).load()
    return 0


def decode_draft(data: bytes, *_args) -> int:
    img = PILImage.open(io.BytesIO(data))
    img.draft("RGB", (SIZE[0] // 2, SIZE[1] // 2))  # what render() picks for 16:9 and full
    img.load()
    return 0


def median_time(function, *args, repeat: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = function(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    data = photo_bytes()
    widths = settings.NEWSROOM_IMAGE_WIDTHS
    by, _created = get_user_model().objects.get_or_create(
        username="benchmark", defaults={"is_superuser": True, "is_staff": True}
    )
    image = services.image_create(
        file=services.ContentFile(data, name="photo.jpg"), alt_text_en="Benchmark photo", by=by
    )
    rows = []
    for label, formats in [("JPEG only", ["jpeg"]), ("all formats", services.rendition_formats())]:
        plain, n_plain = median_time(plain_pillow, data, formats, widths, repeat=args.repeat)
        ours, n_ours = median_time(ours_pillow_only, data, formats, widths, repeat=args.repeat)
        rows.append((f"ladder + 2 crops, {label} ({n_ours} files)", plain, ours))
        assert n_plain == n_ours
    plain, _n = median_time(decode_full, data, repeat=args.repeat)
    ours, _n = median_time(decode_draft, data, repeat=args.repeat)
    rows.insert(0, ("decode 12 MP JPEG (full vs draft 1/2)", plain, ours))
    stored, n_stored = median_time(ours_stored, image, repeat=args.repeat)

    print(f"Pillow {PILImage.__version__}, {SIZE[0]}x{SIZE[1]} JPEG ({len(data) / 1e6:.1f} MB)")
    print(f"widths {widths}, formats {', '.join(services.rendition_formats())}")
    print(f"median of {args.repeat} runs, seconds\n")
    print(f"{'operation':<48} {'plain Pillow':>12} {'ours':>8} {'speed-up':>9}")
    for label, plain, ours in rows:
        print(f"{label:<48} {plain:>12.3f} {ours:>8.3f} {plain / ours:>8.2f}x")
    print(f"{f'ours, stored + recorded ({n_stored} renditions)':<48} {'':>12} {stored:>8.3f}")


if __name__ == "__main__":
    main()
