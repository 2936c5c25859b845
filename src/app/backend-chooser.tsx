import { useState } from 'react';
import { BACKEND_CHOICES, type BackendChoice } from '../ml/backend';
import { preferredBackend, savePreferredBackend } from '../state/backend-preference';
import { useTrainer } from '../state/trainer';
import { useI18n } from '../i18n/use-i18n';

const hasWebgpu = () => typeof navigator !== 'undefined' && 'gpu' in navigator;

/** Lets the user override the automatic backend choice; it applies on the next page load. */
export function BackendChooser() {
  const { t } = useI18n();
  const { phase } = useTrainer();
  const [active] = useState(preferredBackend);
  const [chosen, setChosen] = useState(active);
  const running = phase === 'training' || phase === 'paused';
  const choices = BACKEND_CHOICES.filter((c) => c !== 'webgpu' || hasWebgpu() || active === c);
  const choose = (next: BackendChoice) => {
    savePreferredBackend(next);
    setChosen(next);
  };
  return (
    <span className="backend-chooser">
      <label>
        {t('status.choose')}{' '}
        <select value={chosen} onChange={(e) => choose(e.target.value as BackendChoice)}>
          {choices.map((c) => (
            <option key={c} value={c}>
              {t(`status.choice.${c}`)}
            </option>
          ))}
        </select>
      </label>
      {chosen !== active && (
        <>
          {' '}
          <em role="status">{running ? t('status.stopFirst') : t('status.reloadToApply')}</em>{' '}
          <button type="button" disabled={running} onClick={() => location.reload()}>
            {t('status.reload')}
          </button>
        </>
      )}
    </span>
  );
}
