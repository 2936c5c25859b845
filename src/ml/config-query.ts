import {
  ACTIVATIONS,
  INITS,
  OPTIMIZERS,
  TUTORIAL_CONFIG,
  type ActivationName,
  type InitName,
  type OptimizerName,
  type TrainConfig,
} from './config';

/** URL query keys of each setting, short so shared links stay readable. */
export const QUERY_KEYS = {
  epochs: 'epochs',
  batchSize: 'batch',
  learningRate: 'lr',
  optimizer: 'opt',
  activation: 'act',
  init: 'init',
  seed: 'seed',
} as const satisfies Record<keyof TrainConfig, string>;

/** Allowed ranges of the numeric settings. */
export const LIMITS = {
  epochs: { min: 1, max: 100, integer: true },
  batchSize: { min: 1, max: 1000, integer: true },
  learningRate: { min: 1e-6, max: 100, integer: false },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true },
} as const;

/** A numeric setting. */
export type NumericField = keyof typeof LIMITS;

/** Why one setting was rejected; the UI turns it into words. */
export type ConfigProblem =
  | {
      field: NumericField;
      value: string;
      kind: 'number';
      min: number;
      max: number;
      integer: boolean;
    }
  | {
      field: ChoiceField;
      value: string;
      kind: 'choice';
      choices: readonly string[];
    };

/** A setting picked from a list. */
export type ChoiceField = 'optimizer' | 'activation' | 'init';

/** Settings as typed by the user (strings), one per field. */
export type ConfigDraft = Record<keyof TrainConfig, string>;

/** The draft form of a config. */
export function draftOf(config: TrainConfig): ConfigDraft {
  return {
    epochs: String(config.epochs),
    batchSize: String(config.batchSize),
    learningRate: String(config.learningRate),
    optimizer: config.optimizer,
    activation: config.activation,
    init: config.init,
    seed: String(config.seed),
  };
}

/** Checks a draft: a valid config, or the list of problems (never both). */
export function validateDraft(
  draft: ConfigDraft,
): { ok: true; config: TrainConfig } | { ok: false; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const num = (field: NumericField): number => {
    const text = draft[field].trim();
    const value = Number(text);
    const lim = LIMITS[field];
    const fine =
      text !== '' &&
      Number.isFinite(value) &&
      value >= lim.min &&
      value <= lim.max &&
      (!lim.integer || Number.isInteger(value));
    if (!fine) problems.push({ field, value: draft[field], kind: 'number', ...lim });
    return value;
  };
  const pick = <T extends string>(field: ChoiceField, choices: readonly T[]): T => {
    const value = draft[field];
    if (!(choices as readonly string[]).includes(value)) {
      problems.push({ field, value, kind: 'choice', choices });
    }
    return value as T;
  };
  const config: TrainConfig = {
    epochs: num('epochs'),
    batchSize: num('batchSize'),
    learningRate: num('learningRate'),
    optimizer: pick<OptimizerName>('optimizer', OPTIMIZERS),
    activation: pick<ActivationName>('activation', ACTIVATIONS),
    init: pick<InitName>('init', INITS),
    seed: num('seed'),
  };
  return problems.length ? { ok: false, problems } : { ok: true, config };
}

/** Reads a draft from a URL query such as `epochs=2&lr=0.001`; missing keys take the tutorial's values. */
export function parseConfigQuery(query: string): ConfigDraft {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  const draft = draftOf(TUTORIAL_CONFIG);
  for (const field of Object.keys(QUERY_KEYS) as (keyof TrainConfig)[]) {
    const value = params.get(QUERY_KEYS[field]);
    if (value !== null) draft[field] = value;
  }
  return draft;
}

/** Writes a draft as a URL query (without `?`), every setting in a fixed order. */
export function serializeConfigQuery(draft: ConfigDraft): string {
  const params = new URLSearchParams();
  for (const field of Object.keys(QUERY_KEYS) as (keyof TrainConfig)[]) {
    params.set(QUERY_KEYS[field], draft[field]);
  }
  return params.toString();
}

/** A link to the Train panel with only the given settings; the rest stay the tutorial's. */
export function trainLink(settings: Partial<ConfigDraft>): string {
  const params = new URLSearchParams();
  for (const field of Object.keys(QUERY_KEYS) as (keyof TrainConfig)[]) {
    const value = settings[field];
    if (value !== undefined) params.set(QUERY_KEYS[field], value);
  }
  const query = params.toString();
  return query ? `#/train?${query}` : '#/train';
}

/** The settings where two drafts differ, in form order. */
export function changedFields(from: ConfigDraft, to: ConfigDraft): (keyof TrainConfig)[] {
  return (Object.keys(QUERY_KEYS) as (keyof TrainConfig)[]).filter((f) => from[f] !== to[f]);
}
