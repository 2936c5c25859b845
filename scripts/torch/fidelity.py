#!/usr/bin/env python3
"""What PyTorch 1.13 does where the app must match it, written down for the tests to compare.

    /usr/bin/python3 scripts/torch/fidelity.py [--out test/fixtures/torch/fidelity.json]

- init: bounds and statistics of the default initialisation of the tutorial's three layers;
- loader: batches per epoch and the last batch's size of DataLoader(shuffle=True) as the
  tutorial builds it, for batch sizes that do and do not divide 60,000;
- optimizers: a few steps of Adam, RMSprop and SGD (PyTorch's defaults otherwise) from known
  parameters and gradients, including tiny gradients where RMSprop's epsilon placement shows.
"""
import argparse
import json
import math
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.utils.data as Data  # noqa: E402

PARAMS = [0.5, -1.0, 1e-3, 2.0, -3e-5, 0.25]
GRADS = [
    [0.1, -0.2, 1e-5, 3.0, -1e-6, 0.0],
    [0.05, 0.3, 2e-5, -1.0, 1e-6, 1e-7],
    [-0.2, 0.1, -1e-5, 0.5, 0.0, -1e-7],
]
OPTIMIZERS = {
    'adam': lambda p: torch.optim.Adam(p, lr=0.001),
    'rmsprop': lambda p: torch.optim.RMSprop(p, lr=0.01),
    'sgd': lambda p: torch.optim.SGD(p, lr=0.1),
}


def layer_stats(make, samples=20):
    """Default-initialised weights and biases of `samples` fresh layers, summarised."""
    w = torch.cat([make().weight.detach().flatten() for _ in range(samples)])
    b = torch.cat([make().bias.detach().flatten() for _ in range(samples)])
    fan_in = make().weight[0].numel()
    return {'fan_in': fan_in, 'bound': 1 / math.sqrt(fan_in),
            'weight': {'min': w.min().item(), 'max': w.max().item(), 'mean': w.mean().item(),
                       'std': w.std().item()},
            'bias': {'min': b.min().item(), 'max': b.max().item(), 'std': b.std().item()}}


def loader(n, batch):
    sizes = [len(x) for (x,) in Data.DataLoader(Data.TensorDataset(torch.arange(n)),
                                                batch_size=batch, shuffle=True)]
    return {'count': n, 'batch': batch, 'batches': len(sizes), 'last': sizes[-1],
            'total': sum(sizes)}


def steps(name):
    p = torch.tensor(PARAMS, dtype=torch.float32, requires_grad=True)
    opt = OPTIMIZERS[name]([p])
    out = []
    for g in GRADS:
        opt.zero_grad()
        p.grad = torch.tensor(g, dtype=torch.float32)
        opt.step()
        out.append(p.detach().tolist())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default='test/fixtures/torch/fidelity.json')
    a = ap.parse_args()
    torch.manual_seed(0)
    result = {
        'torch': torch.__version__,
        'init': {
            'conv1': layer_stats(lambda: nn.Conv2d(1, 16, 5, 1, 2)),
            'conv2': layer_stats(lambda: nn.Conv2d(16, 32, 5, 1, 2)),
            'out': layer_stats(lambda: nn.Linear(32 * 7 * 7, 10)),
        },
        'loader': [loader(60000, b) for b in (50, 64, 100, 128, 1000, 7)] + [loader(10, 4)],
        'optimizers': {'params': PARAMS, 'grads': GRADS,
                       'steps': {name: steps(name) for name in OPTIMIZERS}},
    }
    with open(a.out, 'w') as f:
        f.write(json.dumps(result, indent=2) + '\n')
    print(json.dumps({k: v for k, v in result['init'].items()}, indent=1))
    print(json.dumps(result['loader']))


if __name__ == '__main__':
    main()
