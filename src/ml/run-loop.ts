// The loop that steps a Trainer in a worker: pause, resume and stop between steps, and how a
// run ended.
import type { StepReport, Trainer } from './train';

/** Yields to the event loop (a macrotask), so a worker can read pause/stop messages between steps. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Pause/stop state read by the loop between steps. */
export class RunControl {
  private state: 'running' | 'paused' | 'stopped' = 'running';
  private wake: (() => void) | null = null;

  /** `onHold` runs when the loop actually stops between steps for a pause. */
  constructor(private readonly onHold: () => void = () => {}) {}

  /** Holds the loop after the current step. */
  pause(): void {
    if (this.state === 'running') this.state = 'paused';
  }
  /** Lets a paused loop go on. */
  resume(): void {
    if (this.state === 'paused') this.state = 'running';
    this.wake?.();
  }
  /** Ends the loop after the current step. */
  stop(): void {
    this.state = 'stopped';
    this.wake?.();
  }
  /** True while paused. */
  get paused(): boolean {
    return this.state === 'paused';
  }
  /** Waits while paused; true when the loop should go on. */
  async proceed(): Promise<boolean> {
    while (this.state === 'paused') {
      this.onHold();
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
    return this.state === 'running';
  }
}

/** How a run ended. */
export type LoopEnd =
  | { reason: 'completed' }
  | { reason: 'stopped' }
  | { reason: 'diverged'; step: number; loss: number };

/**
 * Steps `trainer` until its epochs are done, `control` stops it, a loss diverges, or `maxSteps`
 * steps have run; yields to the event loop between steps so control messages get through.
 */
export async function runLoop(
  trainer: Trainer,
  control: RunControl,
  onStep: (report: StepReport) => void,
  maxSteps = Infinity,
): Promise<LoopEnd> {
  for (let n = 0; n < maxSteps && !trainer.finished; n++) {
    await yieldToEventLoop();
    if (!(await control.proceed())) return { reason: 'stopped' };
    const outcome = await trainer.step();
    if (outcome.kind === 'diverged')
      return { reason: 'diverged', step: outcome.step, loss: outcome.loss };
    onStep(outcome.report);
  }
  return trainer.finished ? { reason: 'completed' } : { reason: 'stopped' };
}
