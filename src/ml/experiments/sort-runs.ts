import type { TrainConfig } from '../config';
import type { RunMeta } from '../storage/runs';
import { runStats, type RunStats } from './run-stats';

/** Columns the run table sorts by. */
export type RunSortKey = 'date' | 'accuracy' | 'speed';

/** A sort: the column and its direction. */
export interface RunSort {
  key: RunSortKey;
  direction: 'ascending' | 'descending';
}

/** A run's stats: as recorded, or worked out from its history for records of older versions. */
export const statsOf = (run: RunMeta): RunStats => run.stats ?? runStats(run.history, null);

/** A run's settings, when known. */
export const configOf = (run: RunMeta): TrainConfig | null =>
  run.trainConfig ?? run.history?.config ?? null;

/** The accuracy the table shows: the last 10,000-image one, else the last 1,000-image check. */
export function accuracyOf(run: RunMeta): number | null {
  const s = statsOf(run);
  return s.finalAccuracy ?? s.subsetAccuracy;
}

const valueOf = (run: RunMeta, key: RunSortKey): number | null =>
  key === 'date'
    ? run.startedAt
    : key === 'accuracy'
      ? accuracyOf(run)
      : statsOf(run).imagesPerSecond;

/** The runs sorted by `sort`; runs without a value for the column go last either way. */
export function sortRuns(runs: RunMeta[], sort: RunSort): RunMeta[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...runs].sort((a, b) => {
    const [x, y] = [valueOf(a, sort.key), valueOf(b, sort.key)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x - y) * sign || b.startedAt - a.startedAt;
  });
}

/** The sort after a click on `key`: the other direction on the same column, else descending. */
export function nextSort(sort: RunSort, key: RunSortKey): RunSort {
  if (sort.key !== key) return { key, direction: 'descending' };
  return { key, direction: sort.direction === 'descending' ? 'ascending' : 'descending' };
}
