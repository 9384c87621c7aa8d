"""Original abstract pictures for the demo, drawn with Pillow (no text, no outside sources).

Each picture is a pure function of its kind, palette and seed, so a re-run draws the same
bytes and two demo pictures never share a content hash.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

SIZE = (1600, 1000)

RGB = tuple[int, int, int]


def _rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def _rgba(value: str, alpha: int) -> tuple[int, int, int, int]:
    return (*_rgb(value), alpha)


def _background(top: str, bottom: str, radial: bool = False) -> Image.Image:
    gradient = Image.radial_gradient("L") if radial else Image.linear_gradient("L")
    mask = gradient.resize(SIZE, Image.Resampling.BILINEAR)
    return Image.composite(
        Image.new("RGB", SIZE, _rgb(bottom)), Image.new("RGB", SIZE, _rgb(top)), mask
    ).convert("RGBA")


def _layer() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    layer = Image.new("RGBA", SIZE, (0, 0, 0, 0))
    return layer, ImageDraw.Draw(layer)


def _river(rng: random.Random, vertical: bool = False) -> list[tuple[float, float]]:
    """A smooth meandering line across the picture."""
    w, h = SIZE
    phase, amplitude = rng.uniform(0, math.tau), rng.uniform(60, 140)
    points = []
    for i in range(41):
        t = i / 40
        if vertical:
            points.append((w * 0.5 + amplitude * math.sin(phase + t * 5), -50 + t * (h + 100)))
        else:
            points.append((-50 + t * (w + 100), h * 0.55 + amplitude * math.sin(phase + t * 5)))
    return points


def _map(rng: random.Random, palette: list[str], vertical: bool = False) -> Image.Image:
    """City blocks, a river and a few routes with stops."""
    bg, block, water, *routes = palette
    image = _background(bg, bg)
    layer, draw = _layer()
    w, h = SIZE
    step = 80
    for x in range(0, w, step):
        for y in range(0, h, step):
            if rng.random() < 0.85:
                inset = rng.randint(8, 16)
                draw.rectangle(
                    (x + inset, y + inset, x + step - inset, y + step - inset),
                    fill=_rgba(block, rng.randint(120, 220)),
                )
    draw.line(_river(rng, vertical), fill=_rgba(water, 255), width=70, joint="curve")
    for colour in routes:
        x, y = rng.uniform(0, w * 0.2), rng.uniform(h * 0.1, h * 0.9)
        route = [(x, y)]
        while x < w:
            # Routes follow the street grid: alternate horizontal and vertical runs.
            x += rng.randint(2, 5) * step
            route.append((x, y))
            y = min(max(y + rng.choice((-1, 1)) * rng.randint(1, 3) * step, step), h - step)
            route.append((x, y))
        draw.line(route, fill=_rgba(colour, 255), width=14, joint="curve")
        for px, py in route[1:-1:2]:
            draw.ellipse((px - 14, py - 14, px + 14, py + 14), fill=_rgba(colour, 255))
            draw.ellipse((px - 6, py - 6, px + 6, py + 6), fill=_rgba(bg, 255))
    return Image.alpha_composite(image, layer)


def _waves(rng: random.Random, palette: list[str]) -> Image.Image:
    """Layered sine waves rising from the bottom."""
    top, bottom, *colours = palette
    image = _background(top, bottom)
    w, h = SIZE
    for n, colour in enumerate(colours):
        layer, draw = _layer()
        base = h * (0.35 + 0.6 * n / len(colours))
        amplitude, length, phase = rng.uniform(20, 60), rng.uniform(200, 500), rng.uniform(0, 6)
        outline = [
            (x, base + amplitude * math.sin(phase + x / length * math.tau))
            for x in range(0, w + 20, 20)
        ]
        draw.polygon([*outline, (w, h), (0, h)], fill=_rgba(colour, 200))
        image = Image.alpha_composite(image, layer)
    return image


def _glow(rng: random.Random, palette: list[str]) -> Image.Image:
    """Many small pale dots swarming round a bright light."""
    top, bottom, light, *dots = palette
    image = _background(top, bottom, radial=True)
    w, h = SIZE
    cx, cy = w * rng.uniform(0.4, 0.6), h * rng.uniform(0.35, 0.55)
    layer, draw = _layer()
    for radius in range(300, 20, -20):
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=_rgba(light, 30))
    image = Image.alpha_composite(image, layer.filter(ImageFilter.GaussianBlur(25)))
    layer, draw = _layer()
    for _ in range(700):
        x, y = rng.gauss(cx, w * 0.18), rng.gauss(cy, h * 0.2)
        r = rng.uniform(2, 7)
        draw.ellipse((x - r, y - r * 0.7, x + r, y + r * 0.7), fill=_rgba(rng.choice(dots), 210))
    return Image.alpha_composite(image, layer)


def _shelves(rng: random.Random, palette: list[str]) -> Image.Image:
    """Rows of coloured upright bars on planks, like a library shelf."""
    wall, plank, *colours = palette
    image = _background(wall, wall)
    layer, draw = _layer()
    w, h = SIZE
    rows = 4
    for row in range(rows):
        floor = (row + 1) * h / rows - 30
        x = 40.0
        while x < w - 60:
            width = rng.uniform(18, 60)
            height = rng.uniform(0.45, 0.8) * h / rows
            if rng.random() < 0.12:
                # A tool among the books: a tilted bar.
                draw.polygon(
                    [
                        (x, floor),
                        (x + width, floor),
                        (x + width * 2.5, floor - height),
                        (x + width * 1.5, floor - height),
                    ],
                    fill=_rgba(rng.choice(colours), 255),
                )
                x += width * 2.5 + 6
                continue
            draw.rectangle(
                (x, floor - height, x + width, floor), fill=_rgba(rng.choice(colours), 255)
            )
            x += width + rng.uniform(2, 8)
        draw.rectangle((0, floor, w, floor + 22), fill=_rgba(plank, 255))
    return Image.alpha_composite(image, layer)


def _heat_grid(rng: random.Random, palette: list[str]) -> Image.Image:
    """A grid of squares coloured by a made-up temperature field."""
    colours = [_rgb(c) for c in palette]
    image = Image.new("RGBA", SIZE, (*colours[0], 255))
    draw = ImageDraw.Draw(image)
    w, h = SIZE
    spots = [(rng.uniform(0, w), rng.uniform(0, h), rng.uniform(150, 400)) for _ in range(6)]
    cell = 50
    cells = [(x, y) for x in range(0, w, cell) for y in range(0, h, cell)]
    field = [
        sum(math.exp(-((x - sx) ** 2 + (y - sy) ** 2) / (2 * r * r)) for sx, sy, r in spots)
        for x, y in cells
    ]
    hottest = max(field) or 1.0
    for (x, y), heat in zip(cells, field, strict=True):
        heat = min(max(heat / hottest + rng.uniform(-0.04, 0.04), 0.0), 0.999)
        position = heat * (len(colours) - 1)
        i, f = int(position), position - int(position)
        a, b = colours[i], colours[i + 1]
        colour = tuple(round(a[k] + (b[k] - a[k]) * f) for k in range(3))
        draw.rectangle((x + 2, y + 2, x + cell - 2, y + cell - 2), fill=(*colour, 255))
    return image


def _chart(rng: random.Random, palette: list[str]) -> Image.Image:
    """Ruled paper with a wavy pressure line drawn across it."""
    paper, rule, ink, margin = palette
    image = _background(paper, paper)
    layer, draw = _layer()
    w, h = SIZE
    for y in range(60, h, 48):
        draw.line((0, y, w, y), fill=_rgba(rule, 160), width=2)
    draw.line((170, 0, 170, h), fill=_rgba(margin, 200), width=3)
    level, points = h * 0.5, []
    for x in range(170, w, 16):
        level += rng.gauss(0, 12) + (h * 0.5 - level) * 0.03
        points.append((x, level + 180 * math.sin(x / w * math.tau * 1.5)))
    draw.line(points, fill=_rgba(ink, 255), width=6, joint="curve")
    for x, y in points[::24]:
        draw.ellipse((x - 9, y - 9, x + 9, y + 9), outline=_rgba(ink, 255), width=4)
    return Image.alpha_composite(image, layer)


def _arcs(rng: random.Random, palette: list[str]) -> Image.Image:
    """Overlapping half-circles rising from the bottom edge."""
    top, bottom, *colours = palette
    image = _background(top, bottom)
    w, h = SIZE
    for colour in colours * 2:
        layer, draw = _layer()
        cx, r = rng.uniform(0, w), rng.uniform(200, 650)
        for ring in range(0, int(r), 40):
            draw.arc(
                (cx - r + ring, h - r + ring, cx + r - ring, h + r - ring),
                180,
                360,
                fill=_rgba(colour, 170),
                width=16,
            )
        image = Image.alpha_composite(image, layer)
    return image


def _blobs(rng: random.Random, palette: list[str]) -> Image.Image:
    """Soft circles spreading over dark water."""
    top, bottom, *colours = palette
    image = _background(top, bottom, radial=True)
    layer, draw = _layer()
    w, h = SIZE
    for _ in range(60):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(30, 180)
        draw.ellipse(
            (x - r, y - r, x + r, y + r), fill=_rgba(rng.choice(colours), rng.randint(60, 150))
        )
    return Image.alpha_composite(image, layer.filter(ImageFilter.GaussianBlur(12)))


def _bars(rng: random.Random, palette: list[str], groups: int = 5) -> Image.Image:
    """A bar chart without labels: pairs of bars, the second about a fifth shorter."""
    paper, rule, first, second = palette
    image = _background(paper, paper)
    layer, draw = _layer()
    w, h = SIZE
    left, right, top, floor = 140, w - 100, 120, h - 120
    for y in range(floor, top - 1, -(floor - top) // 5):
        draw.line((left, y, right, y), fill=_rgba(rule, 255), width=3)
    slot = (right - left) / groups
    bar = slot * 0.3
    for n in range(groups):
        tall = rng.uniform(0.55, 0.95) * (floor - top)
        short = tall * rng.uniform(0.74, 0.86)
        x = left + n * slot + slot * 0.15
        draw.rectangle((x, floor - tall, x + bar, floor), fill=_rgba(first, 255))
        draw.rectangle(
            (x + bar + 8, floor - short, x + 2 * bar + 8, floor), fill=_rgba(second, 255)
        )
    draw.line((left, floor, right, floor), fill=_rgba(second, 255), width=6)
    return Image.alpha_composite(image, layer)


def _lines(rng: random.Random, palette: list[str]) -> Image.Image:
    """A transit diagram: a river and coloured lines that bend at 45 degrees, with round stops."""
    paper, water, *colours, ink = palette
    image = _background(paper, paper)
    layer, draw = _layer()
    w, h = SIZE
    draw.line(_river(rng, vertical=True), fill=_rgba(water, 255), width=110, joint="curve")
    step, end = 100, w - 100
    lane = (h - 200) / len(colours)
    for n, colour in enumerate(colours):
        base = 100 + lane * (n + 0.5)
        x, y = 100, base
        route = [(x, y)]
        while end - x >= 3 * step:
            x += rng.randint(2, 3) * step
            route.append((x, y))
            if end - x >= 3 * step and rng.random() < 0.7:
                # A diagonal as far down (or up) as along, so the bend is 45 degrees; the
                # line stays in its own lane.
                dy = step if y <= base else -step
                x, y = x + step, y + dy
                route.append((x, y))
        route.append((end, y))
        draw.line(route, fill=_rgba(colour, 255), width=22, joint="curve")
        for px, py in route:
            draw.ellipse((px - 20, py - 20, px + 20, py + 20), fill=_rgba(paper, 255))
            draw.ellipse((px - 20, py - 20, px + 20, py + 20), outline=_rgba(ink, 255), width=7)
    return Image.alpha_composite(image, layer)


def _fish(length: float, body: str, shade: str, angle: float) -> Image.Image:
    """One fish seen from the side: an oval body and a triangular tail, turned by `angle`."""
    size = int(length * 1.6)
    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    cx, cy, half = size / 2, size / 2, length / 2
    draw.polygon(
        [
            (cx + half * 0.7, cy),
            (cx + half * 1.15, cy - half * 0.3),
            (cx + half * 1.15, cy + half * 0.3),
        ],
        fill=_rgba(shade, 255),
    )
    draw.ellipse(
        (cx - half, cy - half * 0.32, cx + half * 0.8, cy + half * 0.32), fill=_rgba(body, 255)
    )
    draw.ellipse(
        (cx - half * 0.72, cy - half * 0.1, cx - half * 0.6, cy + half * 0.02),
        fill=_rgba(shade, 255),
    )
    return layer.rotate(angle, resample=Image.Resampling.BICUBIC)


def _shore(rng: random.Random, palette: list[str]) -> Image.Image:
    """Green water above a sandy shore, with pale fish lying along the waterline."""
    water, deep, sand, wet, body, shade = palette
    w, h = SIZE
    image = _background(sand, wet)
    layer, draw = _layer()
    line = [
        (x, h * 0.42 + 30 * math.sin(x / 230 + rng.uniform(0, 0.3))) for x in range(0, w + 40, 40)
    ]
    draw.polygon([(0, 0), (w, 0), *reversed(line)], fill=_rgba(deep, 255))
    image = Image.alpha_composite(image, layer)
    layer, draw = _layer()
    for _ in range(40):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h * 0.4), rng.uniform(40, 140)
        draw.ellipse(
            (x - r, y - r * 0.5, x + r, y + r * 0.5), fill=_rgba(water, rng.randint(90, 170))
        )
    image = Image.alpha_composite(image, layer.filter(ImageFilter.GaussianBlur(14)))
    count = 9
    for n in range(count):
        length = rng.uniform(130, 230)
        fish = _fish(length, body, shade, rng.uniform(-35, 35) + rng.choice((0, 180)))
        # Spread along the shore: one fish per stretch, placed at random within it.
        x = (n + rng.uniform(0.1, 0.9)) * w / count - fish.width / 2
        y = h * rng.uniform(0.45, 0.78) - fish.height / 2
        image.alpha_composite(fish, (int(x), int(y)))
    return image


PAINTERS = {
    "map": _map,
    "waves": _waves,
    "glow": _glow,
    "shelves": _shelves,
    "heat_grid": _heat_grid,
    "chart": _chart,
    "arcs": _arcs,
    "blobs": _blobs,
    "bars": _bars,
    "lines": _lines,
    "shore": _shore,
}


def render_jpeg(kind: str, palette: list[str], seed: int, **options) -> bytes:
    """Draw one demo picture and return it as JPEG bytes (1600×1000)."""
    rng = random.Random(seed)
    image = PAINTERS[kind](rng, palette, **options)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()
