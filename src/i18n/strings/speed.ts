/**
 * Strings about how fast the worker trains (threads, the timed backend choice, the convolution
 * kernels), in English.
 */
export const en = {
  'train.cause.timed':
    'Both WebGL and WASM were timed on a few training steps at start, and this one was faster.',
  'status.cause.timed': 'timed on a few training steps: the faster one',
  'speed.label': 'Training speed',
  'speed.timed': 'timed a training step: WebGL {webgl}, WASM {wasm} → {name}',
  'speed.failed': 'failed',
  'speed.ms': '{ms} ms',
  'speed.notTimed': 'WebGL is software here, so it was not timed (WASM)',
  'speed.threads.page-core':
    '{threads} of {cores} cores: one stays with the page so it keeps responding',
  'speed.threads.single-core': '1 thread: this device has one core',
  'speed.threads.requested': '{threads} threads, as the address asks (?threads=)',
  'speed.threads.short':
    'only {threads} of {planned} threads started (the page is not cross-origin isolated)',
  'speed.conv.timed':
    'convolutions: our relaxed-SIMD kernels for {fma} of {all} shapes, XNNPACK for the rest ({ms} a step; XNNPACK alone {xnnpack})',
  'speed.conv.checked':
    'convolutions: our relaxed-SIMD kernels for {fma} of {all} shapes, XNNPACK for the rest, checked by whole training steps ({ms} a step; XNNPACK alone {xnnpack})',
  'speed.conv.none': 'convolutions: XNNPACK (this browser has no relaxed SIMD)',
  'speed.conv.fma': 'convolutions: our relaxed-SIMD kernels, as the address asks (?conv=)',
  'speed.conv.xnnpack': 'convolutions: XNNPACK, as the address asks (?conv=)',
  'speed.conv.threads': ' (ours on {threads} threads)',
};

/** The same, in Simplified Chinese. */
export const zh: Record<keyof typeof en, string> = {
  'train.cause.timed': '启动时在 WebGL 和 WASM 上各计时了几个训练步，这个更快。',
  'status.cause.timed': '各计时几个训练步：选更快的',
  'speed.label': '训练速度',
  'speed.timed': '一个训练步的计时：WebGL {webgl}，WASM {wasm} → {name}',
  'speed.failed': '失败',
  'speed.ms': '{ms} 毫秒',
  'speed.notTimed': '这里的 WebGL 是软件渲染，所以没有计时（用 WASM）',
  'speed.threads.page-core': '{cores} 个核心中用 {threads} 个：留一个给页面，使它保持响应',
  'speed.threads.single-core': '1 个线程：此设备只有一个核心',
  'speed.threads.requested': '{threads} 个线程，按地址中的要求（?threads=）',
  'speed.threads.short': '只启动了 {planned} 个线程中的 {threads} 个（页面没有跨源隔离）',
  'speed.conv.timed':
    '卷积：{all} 种形状中 {fma} 种用我们的 relaxed-SIMD 内核，其余用 XNNPACK（每步 {ms}；只用 XNNPACK 则 {xnnpack}）',
  'speed.conv.checked':
    '卷积：{all} 种形状中 {fma} 种用我们的 relaxed-SIMD 内核，其余用 XNNPACK，已按整个训练步核对（每步 {ms}；只用 XNNPACK 则 {xnnpack}）',
  'speed.conv.none': '卷积：XNNPACK（此浏览器不支持 relaxed SIMD）',
  'speed.conv.fma': '卷积：我们的 relaxed-SIMD 内核，按地址中的要求（?conv=）',
  'speed.conv.xnnpack': '卷积：XNNPACK，按地址中的要求（?conv=）',
  'speed.conv.threads': '（我们的内核用 {threads} 个线程）',
};
