import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { ACTIVATIONS, OPTIMIZERS, type TrainConfig } from '../../ml/config';
import { LIMITS } from '../../ml/config-query';
import { MAX_STEP_LIMIT, type RunSpec } from '../../ml/experiments/presets';
import type { QueueItem } from '../../state/experiment-queue-state';
import type { TrainProgress } from '../../worker/protocol';
import { settingWord } from './words';

type Drafts = { learningRate: string; epochs: string; maxSteps: string };

const inRange = (text: string, min: number, max: number, integer: boolean) => {
  const n = Number(text);
  return (
    text.trim() !== '' &&
    Number.isFinite(n) &&
    n >= min &&
    n <= max &&
    (!integer || Number.isInteger(n))
  );
};

/** The spec the drafts describe, or null while one of them is out of range. */
function specOf(config: TrainConfig, d: Drafts): RunSpec | null {
  const lr = LIMITS.learningRate;
  const ep = LIMITS.epochs;
  if (!inRange(d.learningRate, lr.min, lr.max, false) || !inRange(d.epochs, ep.min, ep.max, true))
    return null;
  const noLimit = d.maxSteps.trim() === '';
  if (!noLimit && !inRange(d.maxSteps, 1, MAX_STEP_LIMIT, true)) return null;
  return {
    config: { ...config, learningRate: Number(d.learningRate), epochs: Number(d.epochs) },
    maxSteps: noLimit ? null : Number(d.maxSteps),
  };
}

/** How far a queued run is, in words. */
function statusText(
  { t, num }: ReturnType<typeof useI18n>,
  item: QueueItem,
  progress: TrainProgress | null,
  paused: boolean,
): string {
  switch (item.status) {
    case 'running': {
      const perEpoch = progress?.stepsPerEpoch ?? 0;
      const whole = item.spec.config.epochs * perEpoch;
      const total = item.spec.maxSteps ? Math.min(item.spec.maxSteps, whole || Infinity) : whole;
      const params = { done: num(progress?.stepsDone ?? 0), total: num(total) };
      return t(paused ? 'exp.status.runningPaused' : 'exp.status.running', params);
    }
    case 'done':
      return t('exp.status.done', { end: t(`models.status.${item.end ?? 'stopped'}`) });
    case 'failed':
      return t('exp.status.failed', { message: item.message ?? '' });
    case 'waiting':
    case 'cancelled':
    case 'interrupted':
      return t(`exp.status.${item.status}`);
  }
}

/** One queued run: its settings (editable while it waits), progress, and Remove. */
export function QueueRow(props: {
  item: QueueItem;
  n: number;
  progress: TrainProgress | null;
  paused: boolean;
  onChange: (spec: RunSpec | null) => void;
  onRemove: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { item } = props;
  const { config } = item.spec;
  const [drafts, setDrafts] = useState<Drafts>({
    learningRate: String(config.learningRate),
    epochs: String(config.epochs),
    maxSteps: item.spec.maxSteps === null ? '' : String(item.spec.maxSteps),
  });
  const editable = item.status === 'waiting';
  const run = t('exp.itemLabel', { n: props.n });
  const label = (field: string) => t('exp.field', { field, run });
  const setDraft = (field: keyof Drafts, value: string) => {
    const next = { ...drafts, [field]: value };
    setDrafts(next);
    props.onChange(specOf(config, next));
  };
  const setChoice = (change: Partial<TrainConfig>) =>
    props.onChange(specOf({ ...config, ...change }, drafts));
  const bad = (field: keyof Drafts) => editable && !fieldOk(field, drafts);
  return (
    <tr data-status={item.status}>
      <th scope="row">{props.n}</th>
      <td>
        <select
          aria-label={label(t('exp.col.activation'))}
          value={config.activation}
          disabled={!editable}
          onChange={(e) => setChoice({ activation: e.target.value as TrainConfig['activation'] })}
        >
          {ACTIVATIONS.map((a) => (
            <option key={a} value={a}>
              {settingWord(i18n, 'activation', a)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={label(t('exp.col.optimizer'))}
          value={config.optimizer}
          disabled={!editable}
          onChange={(e) => setChoice({ optimizer: e.target.value as TrainConfig['optimizer'] })}
        >
          {OPTIMIZERS.map((o) => (
            <option key={o} value={o}>
              {settingWord(i18n, 'optimizer', o)}
            </option>
          ))}
        </select>
      </td>
      {(['learningRate', 'epochs', 'maxSteps'] as const).map((field) => (
        <td key={field}>
          <input
            className="num-input"
            inputMode={field === 'learningRate' ? 'decimal' : 'numeric'}
            aria-label={label(
              t(
                field === 'learningRate'
                  ? 'exp.col.lr'
                  : field === 'epochs'
                    ? 'exp.col.epochs'
                    : 'exp.col.stepLimit',
              ),
            )}
            placeholder={field === 'maxSteps' ? t('exp.noLimit') : undefined}
            value={drafts[field]}
            disabled={!editable}
            aria-invalid={bad(field) || undefined}
            onChange={(e) => setDraft(field, e.target.value)}
          />
        </td>
      ))}
      <td data-testid="queue-status">{statusText(i18n, item, props.progress, props.paused)}</td>
      <td>
        {item.status !== 'running' && (
          <button
            type="button"
            aria-label={t('exp.removeNamed', { name: run })}
            onClick={props.onRemove}
          >
            {t('exp.remove')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** Whether one draft field is in range on its own. */
function fieldOk(field: keyof Drafts, d: Drafts): boolean {
  if (field === 'learningRate')
    return inRange(d.learningRate, LIMITS.learningRate.min, LIMITS.learningRate.max, false);
  if (field === 'epochs') return inRange(d.epochs, LIMITS.epochs.min, LIMITS.epochs.max, true);
  return d.maxSteps.trim() === '' || inRange(d.maxSteps, 1, MAX_STEP_LIMIT, true);
}
