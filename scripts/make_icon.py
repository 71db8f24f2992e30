"""Draw Loket's application icon (a water drop) as ``resources/loket.png`` and ``.ico``.

Run from the project folder: ``python scripts/make_icon.py``. Pillow only; the drop is
drawn large and scaled down, so the small Windows sizes stay smooth.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
BIG = 1024
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
DEEP, LIGHT = (10, 84, 160), (64, 170, 235)


def drop_outline(size: int, steps: int = 720) -> list[tuple[float, float]]:
    """A drop: a round bottom narrowing to a point at the top (a teardrop curve)."""
    cx, top, height = size / 2, size * 0.06, size * 0.88
    points = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        x = math.sin(t) * math.sin(t / 2) ** 1.6 * 0.62
        y = (1 - math.cos(t)) / 2  # 0 at the tip, 1 at the bottom
        points.append((cx + x * height * 0.78, top + y * height))
    return points


def gradient(size: int) -> Image.Image:
    """Light at the top left, deep blue at the bottom right."""
    image = Image.new("RGB", (size, size))
    pixels = image.load()
    assert pixels is not None
    for y in range(size):
        for x in range(0, size, 4):
            share = min(1.0, max(0.0, (0.35 * x + 0.65 * y) / size))
            colour = tuple(round(LIGHT[i] + (DEEP[i] - LIGHT[i]) * share) for i in range(3))
            for dx in range(4):
                pixels[x + dx, y] = colour
    return image


def draw(size: int = BIG) -> Image.Image:
    mask = Image.new("L", (size, size), 0)
    ImageDraw.Draw(mask).polygon(drop_outline(size), fill=255)
    icon = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    icon.paste(gradient(size), mask=mask)
    shine = Image.new("L", (size, size), 0)
    ImageDraw.Draw(shine).ellipse(
        (size * 0.33, size * 0.50, size * 0.45, size * 0.74), fill=150)
    shine = shine.filter(ImageFilter.GaussianBlur(size / 60))
    white = Image.new("RGBA", (size, size), (255, 255, 255, 255))
    icon.paste(white, mask=Image.composite(shine, Image.new("L", (size, size), 0), mask))
    return icon


def main() -> None:
    big = draw()
    out = ROOT / "resources"
    png = big.resize((256, 256), Image.Resampling.LANCZOS)
    png.save(out / "loket.png", optimize=True)
    big.resize((256, 256), Image.Resampling.LANCZOS).save(out / "loket.ico", sizes=ICO_SIZES)
    print(f"wrote {out / 'loket.png'} and {out / 'loket.ico'}")


if __name__ == "__main__":
    main()
