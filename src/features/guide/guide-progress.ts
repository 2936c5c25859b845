import { useCallback, useState } from 'react';
import { readSetting, writeSetting } from '../../state/site-storage';
import { GUIDE_STEPS, type GuideStepId } from './guide-steps';

const KEY = 'digit-lab.guide';

/** The guided path as far as the learner has gone: tasks done, and the step last open. */
export interface GuideProgress {
  done: GuideStepId[];
  step: number;
}

const EMPTY: GuideProgress = { done: [], step: 0 };

/** Progress from storage; a missing, blocked or garbled entry is a fresh start, never an error. */
export function parseProgress(text: string | null): GuideProgress {
  if (!text) return EMPTY;
  try {
    const raw = JSON.parse(text) as Partial<GuideProgress>;
    const ids = GUIDE_STEPS.map((s) => s.id) as string[];
    const done = Array.isArray(raw.done)
      ? (raw.done.filter((d) => typeof d === 'string' && ids.includes(d)) as GuideStepId[])
      : [];
    const step =
      typeof raw.step === 'number' && Number.isInteger(raw.step)
        ? Math.min(Math.max(raw.step, 0), GUIDE_STEPS.length - 1)
        : 0;
    return { done: [...new Set(done)], step };
  } catch {
    return EMPTY;
  }
}

/** The progress, kept in localStorage across visits, with setters that save as they go. */
export function useGuideProgress() {
  const [progress, setProgress] = useState(() => parseProgress(readSetting(KEY)));
  const update = useCallback((change: (p: GuideProgress) => GuideProgress) => {
    setProgress((p) => {
      const next = change(p);
      writeSetting(KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  const markDone = useCallback(
    (id: GuideStepId) => update((p) => (p.done.includes(id) ? p : { ...p, done: [...p.done, id] })),
    [update],
  );
  const goTo = useCallback((step: number) => update((p) => ({ ...p, step })), [update]);
  return { progress, markDone, goTo };
}
