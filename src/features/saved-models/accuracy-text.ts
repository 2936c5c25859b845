import type { Translate } from '../../i18n/i18n-context';
import { lastEpochAccuracy, type AccuracyFact } from '../../state/provenance';
import type { TrainingHistory } from '../../ml/history';

/** The test accuracy of the current weights in words, saying where and when it was measured. */
export function accuracyText(
  t: Translate,
  num: (n: number, fractionDigits?: number) => string,
  fact: AccuracyFact | null,
  testImages: number,
): string {
  const n = num(testImages);
  if (!fact) return t('models.noAccuracy', { n });
  const pct = `${num(fact.accuracy * 100, 2)}%`;
  switch (fact.kind) {
    case 'evaluated':
      return t('models.acc.evaluated', { pct, n });
    case 'stored':
      return t('models.acc.stored', { pct, n });
    case 'epoch':
      return fact.stepsSince === 0
        ? t('models.acc.epoch', { pct, n, epoch: num(fact.epoch) })
        : t('models.acc.epochSince', {
            pct,
            n,
            epoch: num(fact.epoch),
            steps: num(fact.stepsSince),
          });
  }
}

/**
 * A list cell: the accuracy stored with a model (measured on those very weights), else the
 * last one its run measured at an epoch end, with that epoch; a dash when there is neither.
 */
export function accuracyCell(
  t: Translate,
  num: (n: number, fractionDigits?: number) => string,
  record: { testAccuracy: number | null; history: TrainingHistory | null; steps: number },
): string {
  if (record.testAccuracy !== null) return `${num(record.testAccuracy * 100, 2)}%`;
  const fact = lastEpochAccuracy(record.history, record.steps);
  if (!fact) return '—';
  return t('models.acc.cell', { pct: `${num(fact.accuracy * 100, 2)}%`, epoch: num(fact.epoch) });
}
