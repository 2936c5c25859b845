#!/usr/bin/env python3
"""Writes test/fixtures/pil-gray.json: colours and the gray level Pillow's convert('L') gives them.

Run with Debian's python and Pillow (apt-get install -y python3-pil):
    /usr/bin/python3 scripts/make-pil-gray-fixture.py
Half the colours are ones where Pillow's fixed-point luma differs from rounding
R*299/1000 + G*587/1000 + B*114/1000; the other half are random. Seeded, so reruns agree.
"""
import json

import numpy as np
from PIL import Image, __version__ as pil_version

r, g, b = np.meshgrid(np.arange(256), np.arange(256), np.arange(256), indexing='ij')
rgb = np.stack([r, g, b], -1).reshape(4096, 4096, 3).astype(np.uint8)
gray = np.asarray(Image.fromarray(rgb, 'RGB').convert('L')).reshape(-1).astype(int)
flat = rgb.reshape(-1, 3).astype(int)
rounded = (flat @ np.array([299, 587, 114]) + 500) // 1000
differing = np.flatnonzero(rounded != gray)
rng = np.random.default_rng(1)
picked = np.concatenate([rng.choice(differing, 300, replace=False), rng.choice(len(flat), 300)])
out = {
    'pillow': pil_version,
    'differing_from_rounded_299_587_114': int(len(differing)),
    'rgb': flat[picked].reshape(-1).tolist(),
    'gray': gray[picked].tolist(),
}
with open('test/fixtures/pil-gray.json', 'w') as f:
    json.dump(out, f, separators=(',', ':'))
print(f'{len(picked)} colours; {len(differing)} of 16,777,216 differ from the rounded formula')
