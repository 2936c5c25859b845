#!/usr/bin/env python3
"""Makes the PyTorch files the tests open, with real PyTorch (Debian's python3-torch, 1.13).

    /usr/bin/python3 scripts/torch/make-fixtures.py [--data DIR] [--out test/fixtures/torch]

Trains the tutorial's CNN for one epoch exactly as the tutorial does (DataLoader batch 50,
shuffled, Adam lr 0.001, cross-entropy; torch.manual_seed(SEED)), saves it the ways people save
it, evaluates it on the 10,000 test images, and writes broken and hostile files beside them.
Training takes about a minute on two CPU cores, so the outputs are committed; run this again
only to change them.
"""
import argparse
import collections
import json
import os
import struct
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.utils.data as Data  # noqa: E402
import tutorial  # noqa: E402

SEED = 1
EPOCH = 1
BATCH_SIZE = 50
LR = 0.001


class CNN(tutorial.CNN):
    """The tutorial defines CNN in its own script, so torch.save(cnn) pickles it as __main__.CNN."""


class Evil:
    """What a hostile .pkl holds: unpickling it in Python would call `call(*args)`."""

    def __init__(self, call, args):
        self.call, self.args = call, args

    def __reduce__(self):
        return (self.call, self.args)


def train(data_dir):
    torch.manual_seed(SEED)
    x, y = tutorial.mnist(data_dir, 'train')
    train_loader = Data.DataLoader(dataset=Data.TensorDataset(x, y), batch_size=BATCH_SIZE,
                                   shuffle=True)
    cnn = CNN()
    optimizer = torch.optim.Adam(cnn.parameters(), lr=LR)
    loss_func = nn.CrossEntropyLoss()
    t0 = time.time()
    for epoch in range(EPOCH):
        for step, (b_x, b_y) in enumerate(train_loader):
            output = cnn(b_x)
            loss = loss_func(output, b_y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return cnn, time.time() - t0


def patch_legacy_size(path, numel):
    """Rewrites the first storage's element count in a legacy file (it follows the key list)."""
    raw = bytearray(open(path, 'rb').read())
    # The file ends with: pickled key list, then per key an int64 count and the raw bytes.
    at = len(raw) - 8 - 16 * 4  # one storage of 16 float32 values
    assert struct.unpack('<q', raw[at:at + 8])[0] == 16
    raw[at:at + 8] = struct.pack('<q', numel)
    open(path, 'wb').write(bytes(raw))


def patch_zip_size(path, entry_suffix, size):
    """Makes the central directory claim `size` bytes for one entry of a zip file."""
    raw = bytearray(open(path, 'rb').read())
    at = raw.find(b'PK\x01\x02')
    while at >= 0:
        name_len = struct.unpack('<H', raw[at + 28:at + 30])[0]
        name = raw[at + 46:at + 46 + name_len].decode()
        if name.endswith(entry_suffix):
            raw[at + 20:at + 28] = struct.pack('<II', size, size)
            break
        at = raw.find(b'PK\x01\x02', at + 4)
    assert at >= 0, entry_suffix
    open(path, 'wb').write(bytes(raw))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', default=tutorial.DEFAULT_DATA)
    ap.add_argument('--out', default='test/fixtures/torch')
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    out = lambda name: os.path.join(a.out, name)  # noqa: E731

    cnn, seconds = train(a.data)
    state = cnn.state_dict()
    # The tutorial's own line (§2.5), in today's zip format and in the format before torch 1.6.
    torch.save(state, out('cnn2.pkl'))
    torch.save(state, out('cnn2-legacy.pkl'), _use_new_zipfile_serialization=False)
    # The whole module, pickled with its class (torch.save(cnn, ...)).
    torch.save(cnn, out('cnn2-module.pkl'))
    # Other precisions, and the prefix nn.DataParallel adds to every key.
    torch.save(collections.OrderedDict((k, v.double()) for k, v in state.items()),
               out('cnn2-float64.pkl'))
    torch.save(collections.OrderedDict((k, v.half()) for k, v in state.items()),
               out('cnn2-float16.pkl'))
    torch.save(nn.DataParallel(cnn).state_dict(), out('cnn2-dataparallel.pkl'))

    x, y = tutorial.mnist(a.data, 'test')
    predictions = tutorial.predict(cnn, x)
    half = CNN()
    half.load_state_dict(torch.load(out('cnn2-float16.pkl')))
    half_predictions = tutorial.predict(half, x)
    expected = {
        'torch': torch.__version__, 'seed': SEED, 'epochs': EPOCH, 'batch': BATCH_SIZE, 'lr': LR,
        'train_seconds': round(seconds, 1),
        'wrong': tutorial.wrong_count(predictions, y), 'predictions': predictions,
        'float16': {'wrong': tutorial.wrong_count(half_predictions, y),
                    'predictions': half_predictions},
    }
    with open(out('cnn2.expected.json'), 'w') as f:
        f.write(json.dumps(expected, indent=2) + '\n')

    # Broken and hostile files. Where the check fails before values matter, float16 keeps them small.
    small = collections.OrderedDict((k, v.half()) for k, v in state.items())
    torch.save(collections.OrderedDict(list(state.items())[:2]), out('bad-missing-keys.pkl'))
    torch.save(collections.OrderedDict(list(small.items()) + [('fc2.weight', torch.zeros(10, 10))]),
               out('bad-extra-keys.pkl'))
    torch.manual_seed(SEED)
    torch.save(CNN(kernel=3).half().state_dict(), out('bad-kernel-3x3.pkl'))
    torch.save(collections.OrderedDict((k, v.to(torch.int8)) for k, v in state.items()),
               out('bad-int8.pkl'))
    torch.manual_seed(SEED)
    torch.save(CNN(nn.Sigmoid).half(), out('module-sigmoid-float16.pkl'))
    torch.save({'conv1.0.weight': Evil(os.system, ('echo owned',))}, out('bad-os-system.pkl'))
    torch.save({'conv1.0.weight': Evil(eval, ("__import__('os').system('echo owned')",))},
               out('bad-eval.pkl'))
    # Small files that claim 1 GiB: a legacy storage count and a zip entry size.
    one_gib = 1 << 30
    tiny = collections.OrderedDict([('conv1.0.bias', torch.zeros(16))])
    torch.save(tiny, out('bad-1gb-legacy.pkl'), _use_new_zipfile_serialization=False)
    patch_legacy_size(out('bad-1gb-legacy.pkl'), one_gib // 4)
    torch.save(tiny, out('bad-1gb-zip.pkl'))
    patch_zip_size(out('bad-1gb-zip.pkl'), '/data/0', one_gib)

    print(json.dumps({k: v for k, v in expected.items() if k not in ('predictions', 'float16')}
                     | {'float16_wrong': expected['float16']['wrong']}))


if __name__ == '__main__':
    main()
