import type { TrainConfig } from '../config';

/** Where the current run stands, as the trainer reports it. */
export interface RunPosition {
  epochsDone: number;
  stepInEpoch: number;
  stepsPerEpoch: number;
}

/**
 * The config that lets a run go on `steps` more steps from `at`: the same network and optimizer,
 * with the target epochs raised just enough, since a run also ends when its epochs are done.
 */
export function fineTuneConfig(base: TrainConfig, at: RunPosition, steps: number): TrainConfig {
  const epochsNeeded = at.epochsDone + Math.ceil((at.stepInEpoch + steps) / at.stepsPerEpoch);
  return { ...base, epochs: Math.max(base.epochs, epochsNeeded) };
}
