import type { TrainingHistory } from '../history';

/** A CSV cell: text, a number, or nothing. */
export type CsvCell = string | number | null;

/** One cell as RFC 4180 writes it: quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text, lines ended by CRLF as RFC 4180 has it. */
export function toCsv(rows: CsvCell[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Columns of a run's step CSV. */
export const STEP_COLUMNS = [
  'step',
  'epoch',
  'loss',
  'subset_accuracy',
  'test_accuracy',
  'seconds',
] as const;

/**
 * One row per stored step of a run: its step, 0-based epoch, loss, accuracy on the 1,000-image
 * subset and on all 10,000 test images where measured at that step, and seconds of training.
 */
export function stepRows(history: TrainingHistory): CsvCell[][] {
  const subset = new Map<number, number>();
  const full = new Map<number, number>();
  for (const a of history.accuracy) (a.scope === 'full' ? full : subset).set(a.step, a.accuracy);
  const ends = [...full.keys()].sort((a, b) => a - b);
  let epoch = 0;
  return history.loss.map((p) => {
    // A full measurement closes its epoch, so later steps belong to the next one.
    while (epoch < ends.length && ends[epoch] < p.step) epoch++;
    return [
      p.step,
      epoch,
      p.loss,
      subset.get(p.step) ?? null,
      full.get(p.step) ?? null,
      p.seconds === undefined ? null : Number(p.seconds.toFixed(3)),
    ];
  });
}

/** A run's steps as CSV text, with a header row. */
export function stepsCsv(history: TrainingHistory): string {
  return toCsv([[...STEP_COLUMNS], ...stepRows(history)]);
}
