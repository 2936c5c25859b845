// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { WorkerSpeed } from '../../src/app/worker-speed';
import { I18nProvider } from '../../src/i18n/i18n-context';
import type { BackendSetup } from '../../src/ml/backend';

const base: BackendSetup = {
  backend: 'wasm',
  renderer: null,
  softwareRenderer: false,
  requested: 'auto',
  outcome: 'auto',
  reason: '',
};

beforeEach(() => localStorage.setItem('digit-lab.lang', 'en'));
afterEach(cleanup);

const speed = (setup: BackendSetup) => {
  render(
    <I18nProvider>
      <WorkerSpeed setup={setup} />
    </I18nProvider>,
  );
  return screen.getByTestId('status-speed').textContent;
};

it('shows both timed figures and the winner', () => {
  expect(
    speed({ ...base, backend: 'webgl', autoCause: 'timed', timings: { webgl: 9.25, wasm: 31 } }),
  ).toBe('Training speed: timed a training step: WebGL 9.3 ms, WASM 31.0 ms → webgl');
});

it('says a software WebGL was not timed, and why the worker has its threads', () => {
  expect(
    speed({
      ...base,
      autoCause: 'software-webgl',
      threads: 1,
      threadPlan: { threads: 1, cause: 'page-core', cores: 2 },
    }),
  ).toBe(
    'Training speed: WebGL is software here, so it was not timed (WASM) · 1 of 2 cores: one stays with the page so it keeps responding',
  );
});

it('says when fewer threads started than planned', () => {
  expect(
    speed({ ...base, threads: 1, threadPlan: { threads: 3, cause: 'page-core', cores: 4 } }),
  ).toBe('Training speed: only 1 of 3 threads started (the page is not cross-origin isolated)');
});

it('speaks Chinese too', () => {
  localStorage.setItem('digit-lab.lang', 'zh-CN');
  expect(
    speed({ ...base, threads: 2, threadPlan: { threads: 2, cause: 'requested', cores: 2 } }),
  ).toBe('训练速度: 2 个线程，按地址中的要求（?threads=）');
});

const choice = (kernel: 'fma' | 'xnnpack', fmaMs: number, xnnpackMs: number) => ({
  op: 'conv' as const,
  shape: 's',
  kernel,
  fmaMs,
  xnnpackMs,
});

it('says which convolution kernels were timed faster, with both step figures', () => {
  expect(
    speed({
      ...base,
      convolutions: {
        mode: 'auto',
        available: true,
        choices: [choice('fma', 5, 9), choice('xnnpack', 4, 3), choice('fma', 1, 2.25)],
      },
    }),
  ).toBe(
    'Training speed: convolutions: our relaxed-SIMD kernels for 2 of 3 shapes, XNNPACK for the rest (9.0 ms a step; XNNPACK alone 14.3 ms)',
  );
});

it('says how many threads our kernels run on where helpers of our own joined this one', () => {
  const report = {
    mode: 'auto' as const,
    available: true,
    fmaThreads: 3,
    choices: [choice('fma', 5, 9)],
  };
  expect(speed({ ...base, convolutions: report })).toBe(
    'Training speed: convolutions: our relaxed-SIMD kernels for 1 of 1 shapes, XNNPACK for the rest (5.0 ms a step; XNNPACK alone 9.0 ms) (ours on 3 threads)',
  );
  cleanup();
  localStorage.setItem('digit-lab.lang', 'zh-CN');
  expect(speed({ ...base, convolutions: { ...report, mode: 'fma' } })).toBe(
    '训练速度: 卷积：我们的 relaxed-SIMD 内核，按地址中的要求（?conv=）（我们的内核用 3 个线程）',
  );
  localStorage.removeItem('digit-lab.lang');
});

it('gives the whole-step figures where a whole-step check chose the kernels', () => {
  const report = {
    mode: 'auto' as const,
    available: true,
    fmaThreads: 2,
    // The per-call timing kept XNNPACK for one shape; whole steps put ours on both.
    choices: [choice('fma', 2, 3), choice('fma', 5, 4)],
    stepCheck: { kept: 'fma' as const, ms: { 'per-shape': 13.8, fma: 12.1, xnnpack: 16.24 } },
  };
  expect(speed({ ...base, convolutions: report })).toBe(
    'Training speed: convolutions: our relaxed-SIMD kernels for 2 of 2 shapes, XNNPACK for the rest, checked by whole training steps (12.1 ms a step; XNNPACK alone 16.2 ms) (ours on 2 threads)',
  );
  cleanup();
  // Where every shape chose XNNPACK, the per-shape set is XNNPACK's and is its figure.
  const allXnnpack = {
    ...report,
    choices: [choice('xnnpack', 3, 2)],
    stepCheck: { kept: 'per-shape' as const, ms: { 'per-shape': 15, fma: 17 } },
  };
  localStorage.setItem('digit-lab.lang', 'zh-CN');
  expect(speed({ ...base, convolutions: allXnnpack })).toBe(
    '训练速度: 卷积：1 种形状中 0 种用我们的 relaxed-SIMD 内核，其余用 XNNPACK，已按整个训练步核对（每步 15.0 毫秒；只用 XNNPACK 则 15.0 毫秒）（我们的内核用 2 个线程）',
  );
  localStorage.removeItem('digit-lab.lang');
});

it('says when the browser has no relaxed SIMD, or the address forces a kernel', () => {
  const conv = (mode: 'auto' | 'fma' | 'xnnpack', available: boolean) =>
    speed({ ...base, convolutions: { mode, available, choices: [] } });
  expect(conv('auto', false)).toBe(
    'Training speed: convolutions: XNNPACK (this browser has no relaxed SIMD)',
  );
  cleanup();
  expect(conv('xnnpack', true)).toBe(
    'Training speed: convolutions: XNNPACK, as the address asks (?conv=)',
  );
  cleanup();
  localStorage.setItem('digit-lab.lang', 'zh-CN');
  expect(conv('fma', true)).toBe(
    '训练速度: 卷积：我们的 relaxed-SIMD 内核，按地址中的要求（?conv=）',
  );
});
