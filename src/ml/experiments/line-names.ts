import type { TrainConfig } from '../config';

/** Settings in the order a line name lists them (the ones a comparison usually varies first). */
export const NAMED_SETTINGS = [
  'activation',
  'optimizer',
  'learningRate',
  'batchSize',
  'epochs',
  'init',
  'seed',
] as const satisfies readonly (keyof TrainConfig)[];

/** A setting a line name may mention. */
export type NamedSetting = (typeof NAMED_SETTINGS)[number];

/** The settings whose values are not all the same across `configs`, in NAMED_SETTINGS order. */
export function differingSettings(configs: TrainConfig[]): NamedSetting[] {
  return NAMED_SETTINGS.filter((key) => new Set(configs.map((c) => c[key])).size > 1);
}

/** One overlaid line: its run's settings (null when unknown) and a name to fall back on. */
export interface LineSource {
  config: TrainConfig | null;
  fallback: string;
}

/**
 * A name for each line that says what differs between the runs ("ReLU" vs "Sigmoid", "Adam, lr
 * 0.001" vs "SGD, lr 0.01"), words for each value from `word`. Runs whose settings are all the same
 * (or unknown) are named by their fallback; names still alike get "#2", "#3".
 */
export function lineNames(
  sources: LineSource[],
  word: (setting: NamedSetting, value: string | number) => string,
): string[] {
  const known = sources.flatMap((s) => (s.config ? [s.config] : []));
  const fields = differingSettings(known);
  const names = sources.map(({ config, fallback }) =>
    config && fields.length ? fields.map((f) => word(f, config[f])).join(', ') : fallback,
  );
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n > 1 ? `${name} #${n}` : name;
  });
}
