#!/usr/bin/env python3
"""Loads a saved state_dict into the tutorial's CNN, as §2.6 does, and evaluates the 10,000 test
images. Prints one JSON line: torch version, wrong count, accuracy and every predicted digit.

    /usr/bin/python3 scripts/torch/evaluate.py digit-lab-cnn.pkl [--sigmoid] [--data DIR]
"""
import argparse
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
from tutorial import CNN, DEFAULT_DATA, mnist, predict, wrong_count  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('file')
    ap.add_argument('--data', default=DEFAULT_DATA)
    ap.add_argument('--sigmoid', action='store_true', help='the app model was trained with sigmoid')
    a = ap.parse_args()
    torch.set_num_threads(1)
    cnn = CNN(nn.Sigmoid if a.sigmoid else nn.ReLU)
    # The tutorial's line; strict=True (the default) fails on any missing or extra key, and
    # weights_only=True (torch ≥ 2.6's default) also proves the file needs nothing but tensors.
    cnn.load_state_dict(torch.load(a.file, weights_only=True))
    x, y = mnist(a.data, 'test')
    predictions = predict(cnn, x)
    wrong = wrong_count(predictions, y)
    print(json.dumps({'torch': torch.__version__, 'wrong': wrong,
                      'accuracy': 1 - wrong / len(y), 'predictions': predictions}))


if __name__ == '__main__':
    main()
