import type { I18nValue } from '../../i18n/i18n-context';
import type { TrainConfig } from '../../ml/config';
import type { NamedSetting } from '../../ml/experiments/line-names';
import type { RunMeta } from '../../ml/storage/runs';

/** A setting's value in words, as line names and the settings column show it. */
export function settingWord(
  { t, num }: Pick<I18nValue, 't' | 'num'>,
  setting: NamedSetting,
  value: string | number,
): string {
  switch (setting) {
    case 'activation':
      return t(value === 'sigmoid' ? 'train.activation.sigmoid' : 'train.activation.relu');
    case 'optimizer':
      return t(
        value === 'sgd'
          ? 'train.optimizer.sgd'
          : value === 'rmsprop'
            ? 'train.optimizer.rmsprop'
            : 'train.optimizer.adam',
      );
    case 'learningRate':
      return t('exp.word.lr', { value: String(value) });
    case 'batchSize':
      return t('exp.word.batch', { value: num(Number(value)) });
    case 'epochs':
      return t('exp.word.epochs', { value: num(Number(value)) });
    case 'init':
      return t(value === 'glorot' ? 'exp.word.init.glorot' : 'exp.word.init.pytorch');
    case 'seed':
      return t('exp.word.seed', { value: String(value) });
  }
}

/** The settings column: activation, optimizer, learning rate and batch size. */
export function settingsSummary(i18n: Pick<I18nValue, 't' | 'num'>, c: TrainConfig): string {
  const fields = ['activation', 'optimizer', 'learningRate', 'batchSize'] as const;
  return fields.map((f) => settingWord(i18n, f, c[f])).join(' · ');
}

/** The name a run goes by: the user's, else "run of <date>". */
export function runName({ t, lang }: Pick<I18nValue, 't' | 'lang'>, run: RunMeta): string {
  const date = new Date(run.startedAt).toLocaleString(lang, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
  return run.label ?? t('exp.runName', { date });
}
