#!/usr/bin/env python3
"""Renders a "foreign handwriting" set the model never trains on, as IDX files in OUT_DIR.

Half the digits are typed in this machine's fonts (DejaVu and Liberation: sans, serif, mono,
condensed, bold, oblique), half are drawn as pen strokes along a hand-made skeleton of each digit
with jittered points, slant, rotation and pen width. Each is white ink on black, 112 x 112; the
measuring script prepares them exactly as the Draw panel prepares a drawing. Seeded, so reruns
agree. Run with Debian's python and Pillow:
    /usr/bin/python3 scripts/foreign-digits/render.py bench/out/foreign-digits
"""
import glob
import math
import os
import struct
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFont

SIDE = 112
PER_DIGIT = 25  # per kind: 25 typed + 25 drawn = 50 per digit, 500 in all
rng = np.random.default_rng(15)
FONTS = sorted(
    f
    for f in glob.glob('/usr/share/fonts/truetype/*/*.ttf')
    if 'Math' not in f and 'ExtraLight' not in f
)


def ellipse(cx, cy, rx, ry, start=0.0, end=2 * math.pi, n=24):
    return [
        (cx + rx * math.sin(start + (end - start) * i / n), cy - ry * math.cos(start + (end - start) * i / n))
        for i in range(n + 1)
    ]


# Skeletons in a unit square, y down: each digit is a list of strokes, each a list of points.
SKELETONS = {
    0: [ellipse(0.5, 0.5, 0.24, 0.38)],
    1: [[(0.38, 0.25), (0.55, 0.1), (0.55, 0.9)]],
    2: [[(0.22, 0.3), (0.35, 0.12), (0.62, 0.1), (0.78, 0.28), (0.62, 0.52), (0.2, 0.88), (0.82, 0.88)]],
    3: [[(0.22, 0.16), (0.55, 0.08), (0.76, 0.24), (0.48, 0.47), (0.8, 0.66), (0.66, 0.9), (0.22, 0.84)]],
    4: [[(0.62, 0.9), (0.62, 0.1), (0.16, 0.64), (0.86, 0.64)]],
    5: [[(0.78, 0.12), (0.3, 0.12), (0.26, 0.46), (0.6, 0.4), (0.8, 0.62), (0.64, 0.88), (0.22, 0.84)]],
    6: [[(0.7, 0.1), (0.38, 0.36), (0.26, 0.66), (0.44, 0.9), (0.72, 0.8), (0.72, 0.58), (0.46, 0.5), (0.27, 0.64)]],
    7: [[(0.2, 0.12), (0.8, 0.12), (0.42, 0.9)]],
    8: [[(0.5 + 0.2 * math.sin(2 * t), 0.5 - 0.38 * math.cos(t)) for t in np.linspace(0, 2 * math.pi, 33)]],
    9: [ellipse(0.48, 0.33, 0.22, 0.22), [(0.7, 0.33), (0.66, 0.9)]],
}


def transform(points, angle, slant, scale, dx, dy):
    out = []
    for x, y in points:
        x, y = x - 0.5, y - 0.5
        x = x - slant * y
        x, y = x * math.cos(angle) - y * math.sin(angle), x * math.sin(angle) + y * math.cos(angle)
        out.append(((x * scale + 0.5 + dx) * SIDE, (y * scale + 0.5 + dy) * SIDE))
    return out


def drawn(digit):
    img = Image.new('L', (SIDE, SIDE), 0)
    draw = ImageDraw.Draw(img)
    angle = rng.uniform(-0.17, 0.17)
    slant = rng.uniform(-0.1, 0.35)
    scale = rng.uniform(0.7, 0.85)
    width = int(rng.integers(6, 15))
    for stroke in SKELETONS[digit]:
        jittered = [(x + rng.normal(0, 0.025), y + rng.normal(0, 0.025)) for x, y in stroke]
        pts = transform(jittered, angle, slant, scale, rng.uniform(-0.05, 0.05), rng.uniform(-0.05, 0.05))
        draw.line(pts, fill=255, width=width, joint='curve')
        for x, y in (pts[0], pts[-1]):
            draw.ellipse([x - width / 2, y - width / 2, x + width / 2, y + width / 2], fill=255)
    return img


def typed(digit, font_path):
    font = ImageFont.truetype(font_path, int(rng.integers(64, 88)))
    img = Image.new('L', (SIDE * 2, SIDE * 2), 0)
    draw = ImageDraw.Draw(img)
    draw.text((SIDE, SIDE), str(digit), fill=255, font=font, anchor='mm', stroke_width=int(rng.integers(0, 3)), stroke_fill=255)
    slant = rng.uniform(-0.15, 0.3)
    img = img.transform(img.size, Image.AFFINE, (1, slant, -slant * SIDE, 0, 1, 0), Image.BILINEAR)
    img = img.rotate(rng.uniform(-10, 10), Image.BILINEAR)
    return img.crop((SIDE // 2, SIDE // 2, SIDE // 2 + SIDE, SIDE // 2 + SIDE))


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else 'bench/out/foreign-digits'
    os.makedirs(out_dir, exist_ok=True)
    images, labels, kinds = [], [], []
    for digit in range(10):
        for i in range(PER_DIGIT):
            images.append(np.asarray(typed(digit, FONTS[(digit * PER_DIGIT + i) % len(FONTS)])))
            labels.append(digit)
            kinds.append(0)
            images.append(np.asarray(drawn(digit)))
            labels.append(digit)
            kinds.append(1)
    pixels = np.stack(images).astype(np.uint8)
    with open(f'{out_dir}/images-idx3-ubyte', 'wb') as f:
        f.write(struct.pack('>IIII', 2051, len(images), SIDE, SIDE) + pixels.tobytes())
    with open(f'{out_dir}/labels-idx1-ubyte', 'wb') as f:
        f.write(struct.pack('>II', 2049, len(labels)) + bytes(labels))
    # 0 = typed in a font, 1 = drawn strokes, in the same IDX label format.
    with open(f'{out_dir}/kinds-idx1-ubyte', 'wb') as f:
        f.write(struct.pack('>II', 2049, len(kinds)) + bytes(kinds))
    Image.fromarray(np.vstack([np.hstack(list(pixels[r * 20:(r + 1) * 20])) for r in range(0, 25, 5)])).save(f'{out_dir}/sheet.png')
    print(f'{len(images)} images from {len(FONTS)} fonts and drawn strokes → {out_dir}')


main()
