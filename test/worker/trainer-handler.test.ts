import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { BackendSetup } from '../../src/ml/backend';
import { headOf } from '../../src/ml/batches';
import { TUTORIAL_CONFIG, type TrainConfig } from '../../src/ml/config';
import type { MnistData } from '../../src/ml/mnist/dataset';
import type { TrainerEvent, TrainerRequest } from '../../src/worker/protocol';
import { createModel } from '../../src/ml/model';
import { writeWeights } from '../../src/ml/weights';
import { MetricsBuffer } from '../../src/worker/metrics-buffer';
import { createTrainerHandler, type TrainerHandler } from '../../src/worker/trainer-handler';
import { realMnist } from '../fixtures/mnist';
import { setupBackends } from '../ml/wasm/helpers';

// The worker's state machine, driven request by request as the page drives it, on the WASM
// backend with our training kernels and a small slice of the real MNIST.
let data: MnistData;
beforeAll(async () => {
  await setupBackends();
  await tf.setBackend('wasm');
  const real = realMnist();
  data = { train: headOf(real.train, 40), test: headOf(real.test, 50) };
});

const backend = {
  backend: 'wasm',
  requested: 'wasm',
  outcome: 'requested',
  reason: 'test',
} as BackendSetup;
const stats = { ms: 1, compressedBytes: 1, rawBytes: 1 };
// Ten images a step, four steps an epoch.
const config = (over: Partial<TrainConfig> = {}): TrainConfig => ({
  ...TUTORIAL_CONFIG,
  batchSize: 10,
  ...over,
});

/** A handler with every event it posted, and helpers to wait for them. */
function harness(hold: (lock: string) => Promise<void> = async () => {}) {
  const events: TrainerEvent[] = [];
  const handler: TrainerHandler = createTrainerHandler({
    post: (event) => events.push(event),
    setup: async () => ({ backend, data, stats }),
    hold,
  });
  const send = async (req: TrainerRequest) => {
    const from = events.length;
    handler.handle(req);
    await handler.idle();
    return events.slice(from);
  };
  const waitFor = (pred: (e: TrainerEvent) => boolean) =>
    vi.waitFor(
      () => {
        const hit = events.find(pred);
        if (!hit) throw new Error('not yet');
        return hit;
      },
      { timeout: 60_000, interval: 20 },
    );
  const types = (list: TrainerEvent[]) =>
    list.map((e) => (e.type === 'phase' ? `phase:${e.phase}` : e.type));
  return { events, handler, send, waitFor, types };
}

const isFinished = (e: TrainerEvent) => e.type === 'finished';

describe('the training worker', () => {
  it('refuses to train before MNIST is loaded, then starts up in order', async () => {
    const h = harness();
    const early = await h.send({ type: 'start', config: config(), from: 'scratch' });
    expect(early).toEqual([
      { type: 'error', code: 'loading', message: expect.stringContaining('still loading') },
    ]);
    const init = await h.send({ type: 'init', backend: 'wasm', mnistBaseUrl: 'unused/' });
    expect(h.types(init)).toEqual(['phase:loading', 'ready', 'history', 'phase:idle']);
  });

  it('runs a whole run: metrics, weights at the epoch end and at the end, then finished', async () => {
    const h = harness();
    await h.send({ type: 'init', backend: 'wasm', mnistBaseUrl: 'unused/' });
    const from = h.events.length;
    await h.send({ type: 'start', config: config({ epochs: 1 }), from: 'scratch' });
    const end = await h.waitFor(isFinished);
    expect(end).toMatchObject({ reason: 'completed', step: null, loss: null });
    const run = h.events.slice(from);
    const weights = run.flatMap((e) => (e.type === 'weights' ? [e] : []));
    expect(weights.map((w) => [w.reason, w.steps, w.epochs])).toEqual([
      ['epoch', 4, 1],
      ['final', 4, 1],
    ]);
    const steps = run.flatMap((e) => (e.type === 'metrics' ? e.loss.map((l) => l.step) : []));
    expect(steps).toEqual([0, 1, 2, 3]);
    expect(h.types(run).at(-1)).toBe('phase:finished');
  });

  it('sends periodic weights only after the metrics of every step they have seen', async () => {
    // Metrics never fall due on their own and a second passes at every look at the clock, so
    // weights are due at every step: each must bring the metrics it has seen with it.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 1000));
    const due = vi.spyOn(MetricsBuffer.prototype, 'due').mockReturnValue(false);
    try {
      const h = harness();
      await h.send({ type: 'init', backend: 'wasm', mnistBaseUrl: 'unused/' });
      const from = h.events.length;
      await h.send({ type: 'start', config: config({ epochs: 3 }), from: 'scratch' });
      await h.waitFor(isFinished);
      let seen = 0;
      let periodic = 0;
      for (const e of h.events.slice(from)) {
        if (e.type === 'metrics') seen = Math.max(seen, ...e.loss.map((l) => l.step + 1));
        if (e.type !== 'weights') continue;
        if (e.reason === 'periodic') periodic++;
        expect(e.steps).toBeLessThanOrEqual(seen);
      }
      expect(periodic).toBeGreaterThan(0);
    } finally {
      clock.mockRestore();
      due.mockRestore();
    }
  });

  it('ends a run after its step limit, with its weights and metrics up to there', async () => {
    const h = harness();
    await h.send({ type: 'init', backend: 'wasm', mnistBaseUrl: 'unused/' });
    const from = h.events.length;
    const start = { type: 'start', config: config({ epochs: 2 }), from: 'scratch', maxSteps: 3 };
    await h.send(start as TrainerRequest);
    expect(await h.waitFor(isFinished)).toMatchObject({ reason: 'stopped' });
    const run = h.events.slice(from);
    const steps = run.flatMap((e) => (e.type === 'metrics' ? e.loss.map((l) => l.step) : []));
    expect(steps).toEqual([0, 1, 2]);
    const final = run.find((e) => e.type === 'weights' && e.reason === 'final');
    expect(final).toMatchObject({ steps: 3, epochs: 0 });
  });

  it('ends a run whose step throws with the last whole step: metrics, weights, then the error', async () => {
    // The reference: the same run stopped after 5 steps.
    const h0 = harness();
    await h0.send({ type: 'init', backend: 'wasm', mnistBaseUrl: 'unused/' });
    const five = { type: 'start', config: config({ epochs: 3 }), from: 'scratch', maxSteps: 5 };
    await h0.send(five as TrainerRequest);
    await h0.waitFor(isFinished);
    const reference = h0.events.find((e) => e.type === 'weights' && e.reason === 'final');

    // The sixth update is applied in full and then throws, as a kernel failing late would: the
    // weights have moved past the history, and must be put back.
    const adam = tf.AdamOptimizer.prototype;
    const apply = adam.applyGradients;
    let updates = 0;
    const spy = vi.spyOn(adam, 'applyGradients').mockImplementation(function (
      this: tf.AdamOptimizer,
      grads,
    ) {
      apply.call(this, grads);
      if (++updates === 6) throw new Error('helper thread failed');
    });
    try {
      const h = harness();
      await h.send({ type: 'init', backend: 'wasm', mnistBaseUrl: 'unused/' });
      const from = h.events.length;
      await h.send({ type: 'start', config: config({ epochs: 3 }), from: 'scratch' });
      await h.waitFor((e) => e.type === 'phase' && e.phase === 'finished');
      const run = h.events.slice(from);
      const steps = run.flatMap((e) => (e.type === 'metrics' ? e.loss.map((l) => l.step) : []));
      expect(steps).toEqual([0, 1, 2, 3, 4]);
      expect(h.types(run).slice(-3)).toEqual(['weights', 'error', 'phase:finished']);
      expect(run.find(isFinished)).toBeUndefined();
      expect(run.at(-2)).toEqual({
        type: 'error',
        code: 'other',
        message: 'Error: helper thread failed',
        keptSteps: 5,
      });
      const sent = run.at(-3) as Extract<TrainerEvent, { type: 'weights' }>;
      expect(sent).toMatchObject({ reason: 'final', steps: 5, epochs: 1 });
      expect(sent.weights).toEqual((reference as typeof sent).weights);
    } finally {
      spy.mockRestore();
    }
  });

  it('holds a paused run between steps, refuses a second start, and stops it', async () => {
    const h = harness();
    await h.send({ type: 'init', backend: 'wasm', mnistBaseUrl: 'unused/' });
    await h.send({ type: 'start', config: config({ epochs: 100 }), from: 'scratch' });
    const busy = await h.send({ type: 'start', config: config(), from: 'scratch' });
    expect(busy).toEqual([{ type: 'error', code: 'busy', message: expect.any(String) }]);

    await h.send({ type: 'pause' });
    await h.waitFor((e) => e.type === 'phase' && e.phase === 'paused');
    const lastStep = () =>
      h.events.flatMap((e) => (e.type === 'metrics' ? e.loss.map((l) => l.step) : [])).at(-1);
    const held = lastStep();
    // While paused the loop waits: a request round trip goes through and no step is taken.
    await h.send({ type: 'pause' });
    expect(lastStep()).toBe(held);

    const resumed = await h.send({ type: 'resume' });
    expect(h.types(resumed)).toEqual(['phase:training']);
    await h.send({ type: 'stop' });
    const end = await h.waitFor(isFinished);
    expect(end).toMatchObject({ reason: 'stopped' });
  });

  it('continues only the same network with epochs left, changing nothing when it refuses', async () => {
    const h = harness();
    await h.send({ type: 'init', backend: 'wasm', mnistBaseUrl: 'unused/' });
    await h.send({ type: 'start', config: config({ epochs: 1 }), from: 'scratch' });
    await h.waitFor(isFinished);
    await h.handler.runEnded();

    const done = await h.send({ type: 'start', config: config({ epochs: 1 }), from: 'current' });
    expect(done).toEqual([{ type: 'error', code: 'epochsDone', message: expect.any(String) }]);
    const sigmoid = config({ epochs: 2, activation: 'sigmoid' });
    const other = await h.send({ type: 'start', config: sigmoid, from: 'current' });
    expect(other).toEqual([{ type: 'error', code: 'architecture', message: expect.any(String) }]);

    const more = await h.send({ type: 'start', config: config({ epochs: 2 }), from: 'current' });
    const history = more.find((e) => e.type === 'history');
    // The history goes on from the first epoch's four steps.
    expect(history?.type === 'history' && history.history.stepsDone).toBe(4);
    await h.waitFor((e) => e.type === 'weights' && e.reason === 'final' && e.steps === 8);
  });

  it('fine-tunes the current weights on batches that mix in the personal set', async () => {
    const h = harness();
    await h.send({ type: 'init', backend: 'wasm', mnistBaseUrl: 'unused/' });
    await h.send({ type: 'start', config: config({ epochs: 1 }), from: 'scratch' });
    await h.waitFor(isFinished);
    await h.handler.runEnded();
    // Two test images labelled 3 whatever they show: only training on them teaches that.
    const mine = {
      count: 2,
      images: data.test.images.slice(0, 2 * 784),
      labels: Uint8Array.of(3, 3),
    };
    const from = h.events.length;
    const personal = { augment: null, personal: mine, share: 0.9 };
    const start = { type: 'start', config: config({ epochs: 9 }), from: 'current', maxSteps: 30 };
    await h.send({ ...start, data: personal } as TrainerRequest);
    const final = await h.waitFor(
      (e) => h.events.indexOf(e) >= from && e.type === 'weights' && e.reason === 'final',
    );
    expect(final).toMatchObject({ steps: 34 });
    const model = createModel({ activation: 'relu', seed: 1 });
    writeWeights(model, (final as Extract<TrainerEvent, { type: 'weights' }>).weights);
    const predicted = tf.tidy(() =>
      (model.predict(tf.tensor4d(mine.images, [2, 28, 28, 1]).div(255)) as tf.Tensor).argMax(1),
    );
    expect(Array.from(await predicted.data())).toEqual([3, 3]);
    tf.dispose(predicted);
    model.dispose();
  });

  it('takes restored weights without echoing them, and refuses a snapshot that does not fit', async () => {
    const h = harness();
    await h.send({ type: 'init', backend: 'wasm', mnistBaseUrl: 'unused/' });
    // Trained from another seed than the restore's, so weights seeded afresh would be far off.
    await h.send({ type: 'start', config: config({ epochs: 1, seed: 5 }), from: 'scratch' });
    const final = await h.waitFor((e) => e.type === 'weights' && e.reason === 'final');
    await h.handler.runEnded();
    if (final.type !== 'weights') throw new Error('expected weights');

    const bad = final.weights.map((w, i) =>
      i === 0 ? { ...w, shape: [3, 3, 1, 16], data: new Float32Array(144) } : w,
    );
    const refused = await h.send({
      type: 'restore',
      config: config(),
      weights: bad,
      history: null,
    });
    expect(h.types(refused)).toEqual(['error']);

    const restored = await h.send({
      type: 'restore',
      config: config({ epochs: 3 }),
      weights: final.weights,
      history: null,
    });
    expect(h.types(restored)).toEqual(['history', 'restored', 'phase:idle']);
    // Continue trains on from the restored weights: after a few steps they are still close to them
    // (Adam moves each weight by about the learning rate a step), not back at the seeded start.
    const from = h.events.length;
    await h.send({ type: 'start', config: config({ epochs: 3 }), from: 'current' });
    await h.waitFor((e) => e.type === 'metrics' && e.loss.length > 0 && h.events.indexOf(e) > from);
    await h.send({ type: 'stop' });
    const after = await h.waitFor(
      (e) => e.type === 'weights' && e.reason === 'final' && e !== final,
    );
    if (after.type !== 'weights') throw new Error('expected weights');
    const drift = (a: typeof final.weights, b: typeof final.weights) =>
      Math.max(...a.map((w, i) => Math.max(...w.data.map((v, j) => Math.abs(v - b[i].data[j])))));
    const { steps } = after;
    expect(steps).toBeGreaterThan(0);
    expect(drift(after.weights, final.weights)).toBeLessThan(0.0011 * (steps + 1));
  });

  it('says when it holds its lifeline lock, without holding up the requests behind it', async () => {
    let grant = () => {};
    const held: string[] = [];
    const h = harness(
      (lock) =>
        new Promise<void>((resolve) => {
          held.push(lock);
          grant = resolve;
        }),
    );
    const first = await h.send({ type: 'lifeline', lock: 'digit-lab:worker:1' });
    expect(first).toEqual([]);
    const init = await h.send({ type: 'init', backend: 'wasm', mnistBaseUrl: 'unused/' });
    expect(h.types(init)).toEqual(['phase:loading', 'ready', 'history', 'phase:idle']);
    grant();
    await h.waitFor((e) => e.type === 'lifeline');
    expect(held).toEqual(['digit-lab:worker:1']);
    // Where locks do not exist the worker goes on without a lifeline.
    const none = harness(() => Promise.reject(new Error('no Web Locks')));
    await none.send({ type: 'lifeline', lock: 'x' });
    await none.send({ type: 'init', backend: 'wasm', mnistBaseUrl: 'unused/' });
    expect(none.events.some((e) => e.type === 'lifeline' || e.type === 'error')).toBe(false);
  });

  it('resets to fresh weights and an empty history', async () => {
    const h = harness();
    await h.send({ type: 'init', backend: 'wasm', mnistBaseUrl: 'unused/' });
    await h.send({ type: 'start', config: config({ epochs: 100 }), from: 'scratch' });
    const reset = await h.send({ type: 'reset', config: config() });
    const history = reset.find((e) => e.type === 'history');
    expect(history?.type === 'history' && history.history.stepsDone).toBe(0);
    expect(reset.filter((e) => e.type === 'weights').at(-1)).toMatchObject({
      reason: 'reset',
      steps: 0,
    });
    expect(h.types(reset).at(-1)).toBe('phase:idle');
    // The run that was going on ended before the reset.
    expect(h.events.some(isFinished)).toBe(true);
  });
});
