import type { BackendSetup } from '../ml/backend';
import { useI18n } from '../i18n/use-i18n';

/**
 * The status bar's line on the training worker's speed: how many WASM threads and why, and the
 * timed WebGL-or-WASM choice with both figures (or that WebGL was software and not timed).
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
  if (parts.length === 0) return null;
  return (
    <span data-testid="status-speed">
      {t('speed.label')}: {parts.join(' · ')}
    </span>
  );
}
