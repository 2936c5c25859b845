// Times candidate convolution shapes for the conv gradients (ms, median).
import * as tf from '@tensorflow/tfjs';

type Pad = [[number, number], [number, number], [number, number], [number, number]];

function time(f: () => tf.Tensor | tf.Tensor[], reps = 15): number {
  const ts: number[] = [];
  for (let i = 0; i < reps + 3; i++) {
    const t0 = performance.now();
    const out = f();
    tf.dispose(out);
    if (i >= 3) ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return Math.round(ts[Math.floor(ts.length / 2)]! * 100) / 100;
}

const pad = (t: number, b: number, l: number, r: number): Pad => [
  [0, 0],
  [t, b],
  [l, r],
  [0, 0],
];

/** Returns name → ms for each candidate. */
export function micro(): Record<string, number> {
  const r: Record<string, number> = {};
  const conv = (
    name: string,
    xs: [number, number, number, number],
    fs: [number, number, number, number],
    p: Pad,
  ) => {
    const x = tf.randomNormal(xs) as tf.Tensor4D;
    const f = tf.randomNormal(fs) as tf.Tensor4D;
    r[name] = time(() => tf.conv2d(x, f, 1, p));
    tf.dispose([x, f]);
  };
  const convFresh = (
    name: string,
    xs: [number, number, number, number],
    fs: [number, number, number, number],
    p: Pad,
  ) => {
    const x = tf.randomNormal(xs) as tf.Tensor4D;
    const f = tf.randomNormal(fs) as tf.Tensor4D;
    r[name + ' (fresh filter)'] = time(() => {
      const f2 = tf.clone(f);
      const t = performance.now();
      const y = tf.conv2d(x, f2, 1, p);
      r['_'] = performance.now() - t;
      return [y, f2];
    });
    tf.dispose([x, f]);
  };
  convFresh('dW2 now', [16, 14, 14, 50], [14, 14, 50, 32], pad(2, 2, 2, 2));
  convFresh('dW2 swapped', [32, 14, 14, 50], [14, 14, 50, 16], pad(2, 2, 2, 2));
  convFresh('dW1 now', [1, 28, 28, 50], [28, 28, 50, 16], pad(2, 2, 2, 2));
  convFresh('dW1 swapped', [16, 28, 28, 50], [28, 28, 50, 1], pad(2, 2, 2, 2));
  conv('dW1 swapped', [16, 28, 28, 50], [28, 28, 50, 1], pad(2, 2, 2, 2));
  conv('fwd conv1 [50,28,28,1]*[5,5,1,16]', [50, 28, 28, 1], [5, 5, 1, 16], pad(2, 2, 2, 2));
  conv('fwd conv2 [50,14,14,16]*[5,5,16,32]', [50, 14, 14, 16], [5, 5, 16, 32], pad(2, 2, 2, 2));
  conv('dx2 [50,14,14,32]*[5,5,32,16]', [50, 14, 14, 32], [5, 5, 32, 16], pad(2, 2, 2, 2));
  conv('dW2 now [16,14,14,50]*[14,14,50,32]', [16, 14, 14, 50], [14, 14, 50, 32], pad(2, 2, 2, 2));
  conv('dW2 N=56', [16, 14, 14, 56], [14, 14, 56, 32], pad(2, 2, 2, 2));
  conv('dW2 N=64', [16, 14, 14, 64], [14, 14, 64, 32], pad(2, 2, 2, 2));
  conv(
    'dW2 swapped [32,14,14,50]*[14,14,50,16]',
    [32, 14, 14, 50],
    [14, 14, 50, 16],
    pad(2, 2, 2, 2),
  );
  conv(
    'dW2 wideK [80,14,1,700]*[14,1,700,32]',
    [80, 14, 1, 700],
    [14, 1, 700, 32],
    pad(2, 2, 0, 0),
  );
  conv(
    'dW2 wideK [80,14,1,700]*[14,1,700,32] as 1 col',
    [80, 14, 1, 700],
    [14, 1, 700, 32],
    pad(2, 2, 0, 0),
  );
  conv('dW1 now [1,28,28,50]*[28,28,50,16]', [1, 28, 28, 50], [28, 28, 50, 16], pad(2, 2, 2, 2));
  conv(
    'dW1 wideK [5,28,1,1400]*[28,1,1400,16]',
    [5, 28, 1, 1400],
    [28, 1, 1400, 16],
    pad(2, 2, 0, 0),
  );
  const m = (name: string, a: [number, number], b: [number, number], ta = false) => {
    const x = tf.randomNormal(a) as tf.Tensor2D;
    const y = tf.randomNormal(b) as tf.Tensor2D;
    r[name] = time(() => tf.matMul(x, y, ta, false));
    tf.dispose([x, y]);
  };
  m('dW2 im2col GEMM [400,9800]x[9800,32]', [400, 9800], [9800, 32]);
  m('dW2 im2col GEMM^T [9800,400]^T x[9800,32]', [9800, 400], [9800, 32], true);
  const x2 = tf.randomNormal([50, 14, 14, 16]);
  r['T [50,14,14,16]->[3,1,2,0]'] = time(() => tf.transpose(x2, [3, 1, 2, 0]));
  const x5 = tf.randomNormal([5, 50, 14, 14, 16]);
  r['T [5,50,14,14,16]->[0,4,2,3,1]'] = time(() => tf.transpose(x5, [0, 4, 2, 3, 1]));
  const xp = tf.randomNormal([50, 14, 18, 16]);
  r['5 slices + stack'] = time(() =>
    tf.stack([0, 1, 2, 3, 4].map((b) => tf.slice(xp, [0, 0, b, 0], [50, 14, 14, 16]))),
  );
  tf.dispose([x2, x5, xp]);
  return r;
}
