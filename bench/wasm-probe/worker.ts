// Worker side of the probe: trains the tutorial CNN on wasm and times it.
import * as tf from '@tensorflow/tfjs';
import { createModel } from '../../src/ml/model';
import { initWasmBackend } from '../../src/ml/wasm/setup';
import { WASM_BINARY_URLS } from '../../src/ml/wasm/wasm-urls';
import { micro } from './micro';
import { loadMnist, type Mnist } from './mnist';

const log = (s: string) => postMessage({ log: s });

function buildModel(): tf.Sequential {
  return createModel({ activation: 'relu', seed: 1 });
}

const B = 50;

function batch(data: Mnist, i: number): [tf.Tensor4D, tf.Tensor2D] {
  const n = data.count;
  const s = (i * B) % (n - B);
  const x = tf.tensor4d(data.images.subarray(s * 784, (s + B) * 784), [B, 28, 28, 1]);
  const y = tf.tidy(
    () => tf.oneHot(tf.tensor1d(data.labels.subarray(s, s + B), 'int32'), 10) as tf.Tensor2D,
  );
  return [x, y];
}

onmessage = async (e: MessageEvent) => {
  const p = e.data as Record<string, string | boolean>;
  try {
    const init = await initWasmBackend({
      threads: Number(p['threads'] ?? 2),
      wasmPaths: WASM_BINARY_URLS,
      skipKernels: String(p['stock'] ?? '').split(/[,:]/),
    });
    log(
      `init ${JSON.stringify(init)} isolated=${String(p['isolated'])} workerIsolated=${String(globalThis.crossOriginIsolated)} mt=${String(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'))} sab=${typeof SharedArrayBuffer}`,
    );
    if (p['micro']) {
      postMessage({ result: { ...init, micro: micro() } });
      return;
    }
    const train = await loadMnist('train');
    const model = buildModel();
    const opt = tf.train.adam(1e-3);
    const step = (i: number) => {
      const [x, y] = batch(train, i);
      const loss = opt.minimize(
        () => tf.losses.softmaxCrossEntropy(y, model.apply(x) as tf.Tensor) as tf.Scalar,
        true,
      )!;
      tf.dispose([x, y]);
      return loss;
    };
    for (let i = 0; i < 5; i++) {
      const warm = step(i);
      await warm.data();
      warm.dispose();
    }
    const steps = Number(p['steps'] ?? 60);
    const t0 = performance.now();
    let last: tf.Scalar | null = null;
    for (let i = 0; i < steps; i++) {
      last?.dispose();
      last = step(i + 5);
    }
    await last!.data();
    last!.dispose();
    const ms = (performance.now() - t0) / steps;
    // Split of one step: forward only, forward+backward, Adam update alone.
    const split: Record<string, number> = {};
    {
      const [x, y] = batch(train, 3);
      const f = () => tf.losses.softmaxCrossEntropy(y, model.apply(x) as tf.Tensor) as tf.Scalar;
      const med = (g: () => void) => {
        const ts: number[] = [];
        for (let i = 0; i < 12; i++) {
          const t = performance.now();
          g();
          ts.push(performance.now() - t);
        }
        return Math.round(ts.sort((a, b) => a - b)[6]! * 100) / 100;
      };
      split['forward'] = med(() => tf.tidy(() => void f().dataSync()));
      split['forward+backward'] = med(() =>
        tf.tidy(() => void Object.values(tf.variableGrads(f).grads).forEach((t) => t.dataSync())),
      );
      const { grads, value } = tf.variableGrads(f);
      split['adam'] = med(() =>
        tf.tidy(() => opt.applyGradients(grads as Record<string, tf.Variable>)),
      );
      split['batch tensors'] = med(() => tf.dispose(batch(train, 7)));
      tf.dispose([x, y, value, ...Object.values(grads)]);
    }
    const prof = await tf.profile(() => step(999));
    const byKernel: Record<string, number> = {};
    for (const k of prof.kernels)
      byKernel[k.name] = (byKernel[k.name] ?? 0) + (k.kernelTimeMs as number);
    if (prof.result) tf.dispose(prof.result as tf.Tensor);
    const detail = prof.kernels
      .filter((k) => (k.kernelTimeMs as number) > 0.15)
      .map(
        (k) => `${k.name}${JSON.stringify(k.inputShapes)}:${(k.kernelTimeMs as number).toFixed(2)}`,
      );
    const top = Object.entries(byKernel)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k}:${v.toFixed(2)}`);
    let accuracy: number | null = null;
    const epochs = Number(p['epoch'] ?? 0);
    let epochS: number | null = null;
    if (epochs > 0) {
      const te = performance.now();
      for (let i = 0; i < train.count / B; i++) {
        last = step(i);
        if (i % 50 === 49) await last.data();
        last.dispose();
      }
      epochS = (performance.now() - te) / 1000;
      const test = await loadMnist('t10k');
      let correct = 0;
      for (let s = 0; s < test.count; s += 500) {
        const x = tf.tensor4d(test.images.subarray(s * 784, (s + 500) * 784), [500, 28, 28, 1]);
        const pred = tf.tidy(() => (model.predict(x) as tf.Tensor).argMax(-1));
        const pv = await pred.data();
        for (let j = 0; j < 500; j++) if (pv[j] === test.labels[s + j]) correct++;
        tf.dispose([x, pred]);
      }
      accuracy = correct / test.count;
    }
    postMessage({
      result: {
        ...init,
        msPerStep: ms,
        split,
        imagesPerSec: (B * 1000) / ms,
        profile: top.slice(0, 14),
        detail,
        epochS,
        accuracy,
        tensors: tf.memory().numTensors,
      },
    });
  } catch (err) {
    postMessage({ result: { error: String((err as Error)?.stack ?? err) } });
  }
};
