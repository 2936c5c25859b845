import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupBackends } from './helpers';

describe('wasm Identity and Cast share buffers safely', () => {
  beforeAll(setupBackends);

  it('clone, same-dtype cast and real casts give the right values and free memory', async () => {
    await tf.setBackend('wasm');
    const before = tf.backend().numDataIds();
    const x = tf.tensor1d([1.5, -2, 0, 3]);
    const c = x.clone();
    const same = tf.cast(x, 'float32');
    const asInt = tf.cast(x, 'int32');
    const asBool = tf.cast(x, 'bool');
    x.dispose();
    expect(Array.from(await c.data())).toEqual([1.5, -2, 0, 3]);
    expect(Array.from(await same.data())).toEqual([1.5, -2, 0, 3]);
    expect(asInt.dtype).toBe('int32');
    expect(Array.from(await asInt.data())).toEqual([1, -2, 0, 3]);
    expect(Array.from(await asBool.data())).toEqual([1, 1, 0, 1]); // stock wasm gave [1, 254, 0, 3]
    tf.dispose([c, same, asInt, asBool]);
    expect(tf.backend().numDataIds()).toBe(before);
  });
});
