import { useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import {
  nextToLaunch,
  queueReducer,
  runOutcome,
  runningItem,
  type QueueAction,
  type QueueState,
} from './experiment-queue-state';
import { QUEUE_KEY, keptQueue, restoredQueue } from './experiment-queue-keep';
import { useSavedModels } from './saved-models';
import { readTabValue, writeTabValue } from './site-storage';
import { strictContext } from './strict-context';
import { useTrainer } from './trainer';

/** The experiment queue and a way to change it. */
export interface ExperimentQueueValue {
  queue: QueueState;
  dispatch: (action: QueueAction) => void;
}

const store = strictContext<ExperimentQueueValue>('ExperimentQueue');

/** The experiment queue; must be used under ExperimentQueueProvider. */
export const useExperimentQueue = store.use;

/**
 * Holds the queue of runs for the whole app (it goes on while the user looks at other panels) and
 * works through it: starts the next waiting run in the worker once the worker is free, and notes
 * each run's record and how it ended. Each run is autosaved like any other. The queue survives a
 * reload of the tab, idle, with the run that was training marked as interrupted.
 */
export function ExperimentQueueProvider({ children }: { children: ReactNode }) {
  const [queue, dispatch] = useReducer(queueReducer, null, () =>
    restoredQueue(readTabValue(QUEUE_KEY)),
  );
  // Kept on every change; where the browser refuses (site data blocked), the queue lives as long
  // as the page, as it did before.
  useEffect(() => {
    writeTabValue(QUEUE_KEY, queue.items.length === 0 ? null : keptQueue(queue));
  }, [queue]);
  const trainer = useTrainer();
  const { tabRunId } = useSavedModels();
  // What stood when the running item was asked of the worker, to tell its end and record apart.
  const launch = useRef({ finishedRuns: 0, error: trainer.error, runId: tabRunId });

  const { phase, finishedRuns, lastRun, error, train } = trainer;
  const next = nextToLaunch(queue);
  useEffect(() => {
    if (!next || (phase !== 'idle' && phase !== 'finished')) return;
    launch.current = { finishedRuns, error, runId: tabRunId };
    dispatch({ type: 'launched', key: next.key });
    train(next.spec.config, next.spec.maxSteps ?? undefined);
  }, [next, phase, finishedRuns, error, tabRunId, train]);

  const running = runningItem(queue);
  useEffect(() => {
    if (!running) return;
    if (!running.runId && tabRunId && tabRunId !== launch.current.runId)
      dispatch({ type: 'run-id', key: running.key, runId: tabRunId });
    const outcome = runOutcome(launch.current, { finishedRuns, error, lastRun, phase });
    if (outcome) dispatch(outcome);
  }, [running, tabRunId, finishedRuns, lastRun, error, phase]);

  const value = useMemo(() => ({ queue, dispatch }), [queue]);
  return <store.Context.Provider value={value}>{children}</store.Context.Provider>;
}
