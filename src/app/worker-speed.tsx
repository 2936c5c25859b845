import type { BackendSetup } from '../ml/backend';
import { convStepMs, type ConvolutionReport } from '../ml/wasm/fma/conv-choice';
import { useI18n } from '../i18n/use-i18n';

type I18n = ReturnType<typeof useI18n>;

/** Which convolution kernels the worker runs, and the timings that chose them. */
function convolutionLine(conv: ConvolutionReport, t: I18n['t'], num: I18n['num']): string {
  if (!conv.available) return t('speed.conv.none');
  if (conv.mode === 'xnnpack') return t('speed.conv.xnnpack');
  // Where helper threads of our own run our kernels beside this one.
  const n = conv.fmaThreads ?? 1;
  const threads = n > 1 ? t('speed.conv.threads', { threads: n }) : '';
  if (conv.mode === 'fma') return t('speed.conv.fma') + threads;
  const fma = conv.choices.filter((c) => c.kernel === 'fma').length;
  const all = conv.choices.length;
  const ms = (v: number) => t('speed.ms', { ms: num(v, 1) });
  const check = conv.stepCheck;
  if (check) {
    // Whole steps: the kept set's, and XNNPACK's for every shape (the per-shape set where that
    // was XNNPACK everywhere, so not timed twice).
    const kept = check.ms[check.kept] ?? 0;
    const xnnpack = check.ms.xnnpack ?? check.ms['per-shape'] ?? 0;
    return t('speed.conv.checked', { fma, all, ms: ms(kept), xnnpack: ms(xnnpack) }) + threads;
  }
  const { chosen, xnnpack } = convStepMs(conv.choices);
  return t('speed.conv.timed', { fma, all, ms: ms(chosen), xnnpack: ms(xnnpack) }) + threads;
}

/**
 * The status bar's line on the training worker's speed: how many WASM threads and why, the timed
 * WebGL-or-WASM choice with both figures (or that WebGL was software and not timed), and which
 * convolution kernels were timed faster.
 */
export function WorkerSpeed({ setup }: { setup: BackendSetup | null }) {
  const { t, num } = useI18n();
  if (!setup) return null;
  const parts: string[] = [];
  const { timings, threadPlan: plan } = setup;
  if (timings) {
    const ms = (v: number | null) =>
      v === null ? t('speed.failed') : t('speed.ms', { ms: num(v, 1) });
    parts.push(
      t('speed.timed', { webgl: ms(timings.webgl), wasm: ms(timings.wasm), name: setup.backend }),
    );
  } else if (setup.autoCause === 'software-webgl') {
    parts.push(t('speed.notTimed'));
  }
  if (setup.backend === 'wasm' && plan) {
    const threads = setup.threads ?? plan.threads;
    parts.push(
      threads < plan.threads
        ? t('speed.threads.short', { threads, planned: plan.threads })
        : t(`speed.threads.${plan.cause}`, { threads, cores: plan.cores }),
    );
  }
  const conv = setup.backend === 'wasm' ? setup.convolutions : undefined;
  if (conv) parts.push(convolutionLine(conv, t, num));
  if (parts.length === 0) return null;
  return (
    <span data-testid="status-speed">
      {t('speed.label')}: {parts.join(' · ')}
    </span>
  );
}
