import type { RunEnd } from '../../state/trainer-state';
import type { TrainerPhase } from '../../worker/protocol';

/** What the progress line says about the run: its speed and time left only while it trains. */
export type RunStatus = 'training' | 'paused' | 'stopped' | 'finished' | 'idle' | 'loading';

/**
 * The run's status from the worker's phase and how the last run ended: a finished phase is
 * "finished" only when every epoch was done; Stop, a divergence or an error is "stopped".
 */
export function runStatus(phase: TrainerPhase, lastRun: RunEnd | null): RunStatus {
  if (phase !== 'finished') return phase;
  return lastRun?.reason === 'completed' ? 'finished' : 'stopped';
}

/** The rate and time left to show: both only while training, each only once known. */
export function liveFigures(
  status: RunStatus,
  progress: { imagesPerSecond: number | null; etaSeconds: number | null },
): { imagesPerSecond: number | null; etaSeconds: number | null } {
  if (status !== 'training') return { imagesPerSecond: null, etaSeconds: null };
  return { imagesPerSecond: progress.imagesPerSecond, etaSeconds: progress.etaSeconds };
}
