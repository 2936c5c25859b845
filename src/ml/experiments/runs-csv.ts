import { draftOf, serializeConfigQuery } from '../config-query';
import type { TrainConfig } from '../config';
import type { RunMeta } from '../storage/runs';
import { toCsv } from './csv';

/** The Train panel's link for a run's settings, e.g. `#/train?epochs=1&batch=50&…`. */
export function settingsLink(config: TrainConfig): string {
  return `#/train?${serializeConfigQuery(draftOf(config))}`;
}

/** Columns of the run table's CSV. */
export const RUN_COLUMNS = [
  'id',
  'name',
  'started',
  'status',
  'activation',
  'optimizer',
  'learning_rate',
  'batch_size',
  'epochs',
  'steps',
  'test_accuracy',
  'subset_accuracy',
  'images_per_second',
  'seconds',
  'backend',
  'threads',
  'settings_link',
] as const;

/** The runs as CSV, one row each; `name` is what the table shows for it. */
export function runsCsv(runs: RunMeta[], name: (run: RunMeta) => string): string {
  const rows = runs.map((r) => {
    const c = r.trainConfig ?? r.history?.config ?? null;
    const s = r.stats;
    return [
      r.id,
      name(r),
      new Date(r.startedAt).toISOString(),
      r.status,
      r.modelConfig.activation,
      c?.optimizer ?? null,
      c?.learningRate ?? null,
      c?.batchSize ?? null,
      r.epochs,
      r.steps,
      s?.finalAccuracy ?? null,
      s?.subsetAccuracy ?? null,
      s?.imagesPerSecond ? Math.round(s.imagesPerSecond) : null,
      s?.seconds ? Number(s.seconds.toFixed(1)) : null,
      s?.backend ?? null,
      s?.threads ?? null,
      c ? settingsLink(c) : null,
    ];
  });
  return toCsv([[...RUN_COLUMNS], ...rows]);
}
