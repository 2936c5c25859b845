import type { LossPoint, TrainingHistory } from '../history';

/** Loss points kept per stored run; a longer run is averaged down to about this many. */
export const MAX_STORED_LOSS_POINTS = 3000;

/**
 * The loss points averaged in runs of consecutive steps so that at most `max` remain: each kept
 * point has the mean loss of its run and the step and seconds of its last step, so the curve keeps
 * its shape and its ends. Short series come back as they are.
 */
export function downsampleLoss(loss: LossPoint[], max = MAX_STORED_LOSS_POINTS): LossPoint[] {
  if (loss.length <= max) return loss;
  const size = Math.ceil(loss.length / max);
  const out: LossPoint[] = [];
  for (let i = 0; i < loss.length; i += size) {
    const chunk = loss.slice(i, i + size);
    const last = chunk[chunk.length - 1];
    const mean = chunk.reduce((sum, p) => sum + p.loss, 0) / chunk.length;
    out.push(
      last.seconds === undefined
        ? { step: last.step, loss: mean }
        : { step: last.step, loss: mean, seconds: last.seconds },
    );
  }
  return out;
}

/** The history with its loss points downsampled for storage; accuracy points and log stay whole. */
export function compactHistory(
  history: TrainingHistory,
  max = MAX_STORED_LOSS_POINTS,
): TrainingHistory {
  const loss = downsampleLoss(history.loss, max);
  return loss === history.loss ? history : { ...history, loss };
}
