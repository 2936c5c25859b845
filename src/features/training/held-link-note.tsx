import { ACTIVATIONS, INITS, OPTIMIZERS } from '../../ml/config';
import { changedFields, type ConfigDraft } from '../../ml/config-query';
import { useI18n } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/messages';
import { SETTING_LABELS } from './settings-form';

const CHOICES: Partial<Record<keyof ConfigDraft, readonly string[]>> = {
  optimizer: OPTIMIZERS,
  activation: ACTIVATIONS,
  init: INITS,
};

/** Says that a link opened during a run left the run alone, and what it asks for. */
export function HeldLinkNote({ draft, held }: { draft: ConfigDraft; held: ConfigDraft }) {
  const { t } = useI18n();
  const fields = changedFields(draft, held);
  if (fields.length === 0) return null;
  const valueText = (field: keyof ConfigDraft) =>
    CHOICES[field]?.includes(held[field])
      ? t(`train.${field}.${held[field]}` as MessageKey)
      : held[field];
  const changes = fields.map((f) => `${t(SETTING_LABELS[f])}: ${valueText(f)}`).join('; ');
  return (
    <p className="note" role="status" data-testid="held-link">
      {t('train.linkHeld', { changes })}
    </p>
  );
}
