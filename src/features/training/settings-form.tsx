import { ACTIVATIONS, INITS, OPTIMIZERS } from '../../ml/config';
import type { ChoiceField, ConfigDraft, ConfigProblem } from '../../ml/config-query';
import { useI18n } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/messages';

const NUMBER_FIELDS = [
  ['epochs', 'train.epochs', '1'],
  ['batchSize', 'train.batchSize', '1'],
  ['learningRate', 'train.learningRate', 'any'],
  ['seed', 'train.seed', '1'],
] as const satisfies readonly (readonly [keyof ConfigDraft, MessageKey, string])[];

// Each choice's option text is the message `train.<field>.<value>`.
const CHOICE_FIELDS = [
  ['optimizer', OPTIMIZERS],
  ['activation', ACTIVATIONS],
  ['init', INITS],
] as const satisfies readonly (readonly [ChoiceField, readonly string[]])[];

/** The form label of each setting. */
export const SETTING_LABELS: Record<keyof ConfigDraft, MessageKey> = {
  epochs: 'train.epochs',
  batchSize: 'train.batchSize',
  learningRate: 'train.learningRate',
  optimizer: 'train.optimizer',
  activation: 'train.activation',
  init: 'train.init',
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
          field: t(SETTING_LABELS[p.field]),
          value: p.value,
          choices: p.choices.join(', '),
        })
      : t(p.integer ? 'train.badInteger' : 'train.badNumber', {
          field: t(SETTING_LABELS[p.field]),
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
        {CHOICE_FIELDS.map(([field, choices]) => (
          <label key={field}>
            {t(SETTING_LABELS[field])}
            <select value={draft[field]} onChange={(e) => onChange(field, e.target.value)}>
              {choices.map((c) => (
                <option key={c} value={c}>
                  {t(`train.${field}.${c}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
        ))}
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
