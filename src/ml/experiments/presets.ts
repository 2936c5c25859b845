import { LIMITS } from '../config-query';
import { TUTORIAL_CONFIG, type TrainConfig } from '../config';

/** One run to queue: its settings and, for a quick look, a limit on its steps. */
export interface RunSpec {
  config: TrainConfig;
  /** Steps after which the run stops, or null for its whole epochs. */
  maxSteps: number | null;
}

/** The tutorial's comparisons, each the settings that differ between its runs. */
export const PRESETS = {
  'relu-vs-sigmoid': [{ activation: 'relu' }, { activation: 'sigmoid' }],
  optimizers: [{ optimizer: 'adam' }, { optimizer: 'sgd' }, { optimizer: 'rmsprop' }],
  'learning-rates': [{ learningRate: 0.01 }, { learningRate: 0.001 }, { learningRate: 0.0001 }],
} as const satisfies Record<string, readonly Partial<TrainConfig>[]>;

/** A preset's id, as the link carries it (`#/experiments?preset=relu-vs-sigmoid`). */
export type PresetId = keyof typeof PRESETS;

/** Every preset id, in the order the panel offers them. */
export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

/** Epochs a preset's runs get unless the link or the user says otherwise: one keeps a look quick. */
export const PRESET_EPOCHS = 1;

/** The runs of a preset: the tutorial's settings with the preset's differences. */
export function presetSpecs(
  id: PresetId,
  epochs = PRESET_EPOCHS,
  maxSteps: number | null = null,
): RunSpec[] {
  return PRESETS[id].map((diff) => ({
    config: { ...TUTORIAL_CONFIG, epochs, ...diff },
    maxSteps,
  }));
}

/** Largest step limit a queued run may have (100 epochs of batch 1 is more than any run needs). */
export const MAX_STEP_LIMIT = 1_000_000;

/** What an Experiments link asks for: `preset=relu-vs-sigmoid&epochs=1&steps=200`. */
export interface ExperimentsQuery {
  preset: PresetId | null;
  epochs: number;
  maxSteps: number | null;
}

const whole = (text: string | null, min: number, max: number): number | null => {
  if (text === null || !/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
};

/** Reads an Experiments link's query; unknown presets and out-of-range numbers are ignored. */
export function parseExperimentsQuery(query: string): ExperimentsQuery {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  const preset = params.get('preset');
  return {
    preset: preset !== null && preset in PRESETS ? (preset as PresetId) : null,
    epochs: whole(params.get('epochs'), LIMITS.epochs.min, LIMITS.epochs.max) ?? PRESET_EPOCHS,
    maxSteps: whole(params.get('steps'), 1, MAX_STEP_LIMIT),
  };
}
