import { ACTIVATIONS, OPTIMIZERS } from '../../ml/config';
import type { ConfigDraft, ConfigProblem } from '../../ml/config-query';
import { useI18n } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/messages';

const NUMBER_FIELDS = [
  ['epochs', 'train.epochs', '1'],
  ['batchSize', 'train.batchSize', '1'],
  ['learningRate', 'train.learningRate', 'any'],
  ['seed', 'train.seed', '1'],
] as const satisfies readonly (readonly [keyof ConfigDraft, MessageKey, string])[];

const LABELS: Record<keyof ConfigDraft, MessageKey> = {
  epochs: 'train.epochs',
  batchSize: 'train.batchSize',
  learningRate: 'train.learningRate',
  optimizer: 'train.optimizer',
  activation: 'train.activation',
  seed: 'train.seed',
};

/** The hyperparameters, as typed, with a message per invalid one. */
export function SettingsForm(props: {
  draft: ConfigDraft;
  problems: ConfigProblem[];
  disabled: boolean;
  onChange: (field: keyof ConfigDraft, value: string) => void;
}) {
  const { draft, problems, disabled, onChange } = props;
  const { t, num } = useI18n();
  const describe = (p: ConfigProblem): string =>
    p.kind === 'choice'
      ? t('train.badChoice', {
          field: t(LABELS[p.field]),
          value: p.value,
          choices: p.choices.join(', '),
        })
      : t(p.integer ? 'train.badInteger' : 'train.badNumber', {
          field: t(LABELS[p.field]),
          value: p.value,
          min: num(p.min),
          max: num(p.max),
        });
  return (
    <form
      className="settings"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('train.settings')}
    >
      <fieldset disabled={disabled}>
        <legend>{t('train.settings')}</legend>
        {NUMBER_FIELDS.map(([field, label, step]) => (
          <label key={field}>
            {t(label)}
            <input
              type="number"
              step={step}
              value={draft[field]}
              aria-invalid={problems.some((p) => p.field === field)}
              onChange={(e) => onChange(field, e.target.value)}
            />
          </label>
        ))}
        <label>
          {t('train.optimizer')}
          <select value={draft.optimizer} onChange={(e) => onChange('optimizer', e.target.value)}>
            {OPTIMIZERS.map((o) => (
              <option key={o} value={o}>
                {t(`train.optimizer.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('train.activation')}
          <select value={draft.activation} onChange={(e) => onChange('activation', e.target.value)}>
            {ACTIVATIONS.map((a) => (
              <option key={a} value={a}>
                {t(`train.activation.${a}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {problems.length > 0 && (
        <ul role="alert" className="error">
          {problems.map((p) => (
            <li key={p.field}>{describe(p)}</li>
          ))}
        </ul>
      )}
      <p className="hint">{t('train.shareHint')}</p>
    </form>
  );
}
