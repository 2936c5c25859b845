// What Digit Lab writes into a model file's userDefinedMetadata, and how it is read back: every
// field optional and checked, since an uploaded file may say anything.
import {
  ACTIVATIONS,
  INITS,
  OPTIMIZERS,
  type ActivationName,
  type InitName,
  type OptimizerName,
  type TrainConfig,
} from './config';
import { LIMITS, type NumericField } from './config-query';
import { isRecord } from './model-file-error';

/** What Digit Lab writes into model.json's userDefinedMetadata, all optional on read. */
export interface DigitLabMetadata {
  trained?: boolean;
  steps?: number;
  epochs?: number;
  trainConfig?: TrainConfig;
}

/** Most epochs a run can have (the Epochs setting's limit). */
export const MAX_EPOCHS = LIMITS.epochs.max;
/** Most steps a run can have: every epoch at batch size 1 over the 60,000 training images. */
export const MAX_STEPS = MAX_EPOCHS * 60_000;

/** The Digit Lab metadata of a model.json; counts and settings out of range are left out. */
export function readMetadata(json: Record<string, unknown>): DigitLabMetadata {
  const user = json.userDefinedMetadata;
  const m = isRecord(user) && isRecord(user.digitLab) ? user.digitLab : {};
  // Counts no run could reach (steps: 1e308) are dropped as unknown rather than shown.
  const count = (v: unknown, max: number) =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max ? (v as number) : undefined;
  return {
    trained: typeof m.trained === 'boolean' ? m.trained : undefined,
    steps: count(m.steps, MAX_STEPS),
    epochs: count(m.epochs, MAX_EPOCHS),
    trainConfig: isTrainConfig(m.trainConfig) ? m.trainConfig : undefined,
  };
}

/** True for a plain object with every TrainConfig field of the right type and within the UI's limits. */
export function isTrainConfig(v: unknown): v is TrainConfig {
  if (!isRecord(v)) return false;
  const inLimits = (field: NumericField) => {
    const x = v[field];
    const lim = LIMITS[field];
    return (
      typeof x === 'number' &&
      Number.isFinite(x) &&
      x >= lim.min &&
      x <= lim.max &&
      (!lim.integer || Number.isInteger(x))
    );
  };
  return (
    (Object.keys(LIMITS) as NumericField[]).every(inLimits) &&
    OPTIMIZERS.includes(v.optimizer as OptimizerName) &&
    ACTIVATIONS.includes(v.activation as ActivationName) &&
    // Absent in files saved before the choice existed; createModel then uses PyTorch's.
    (v.init === undefined || INITS.includes(v.init as InitName))
  );
}
