import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { settingsLink } from '../../ml/experiments/runs-csv';
import { configOf } from '../../ml/experiments/sort-runs';
import { hasWeights, MAX_RUN_LABEL, type RunMeta } from '../../ml/storage/runs';

/** What a row's buttons do; the panel carries them out. */
export interface RunActions {
  onOpen: (run: RunMeta, shown: string) => void;
  onRename: (run: RunMeta, label: string) => void;
  onDelete: (run: RunMeta, shown: string) => void;
  onStepsCsv: (run: RunMeta, shown: string) => void;
}

/** Open, Rename, Delete (asks first), the steps CSV and the settings link of one run. */
export function RunRowActions(
  props: RunActions & { run: RunMeta; shown: string; busy: boolean; live: boolean },
) {
  const { run, shown, busy, live } = props;
  const { t } = useI18n();
  const [mode, setMode] = useState<'idle' | 'rename' | 'delete'>('idle');
  const [label, setLabel] = useState(run.label ?? '');
  const config = configOf(run);
  if (mode === 'rename')
    return (
      <form
        className="row-form"
        onSubmit={(e) => {
          e.preventDefault();
          setMode('idle');
          props.onRename(run, label);
        }}
      >
        <input
          aria-label={t('exp.newName', { name: shown })}
          value={label}
          maxLength={MAX_RUN_LABEL}
          autoFocus
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="submit">{t('exp.save')}</button>
        <button type="button" onClick={() => setMode('idle')}>
          {t('exp.cancel')}
        </button>
      </form>
    );
  if (mode === 'delete') {
    const question = t('exp.confirmDelete', { name: shown });
    return (
      <span role="group" aria-label={question}>
        {question}{' '}
        <button
          type="button"
          className="danger"
          autoFocus
          onClick={() => {
            setMode('idle');
            props.onDelete(run, shown);
          }}
        >
          {t('exp.confirmDeleteYes')}
        </button>
        <button type="button" onClick={() => setMode('idle')}>
          {t('exp.cancel')}
        </button>
      </span>
    );
  }
  return (
    <>
      <button
        type="button"
        disabled={busy || !hasWeights(run)}
        aria-label={t('exp.openNamed', { name: shown })}
        onClick={() => props.onOpen(run, shown)}
      >
        {t('exp.open')}
      </button>
      <button
        type="button"
        aria-label={t('exp.renameNamed', { name: shown })}
        onClick={() => {
          setLabel(run.label ?? '');
          setMode('rename');
        }}
      >
        {t('exp.rename')}
      </button>
      <button
        type="button"
        disabled={busy || live}
        aria-label={t('exp.deleteNamed', { name: shown })}
        onClick={() => setMode('delete')}
      >
        {t('exp.delete')}
      </button>
      <button
        type="button"
        disabled={!run.history?.loss.length}
        aria-label={t('exp.stepsCsvNamed', { name: shown })}
        onClick={() => props.onStepsCsv(run, shown)}
      >
        {t('exp.stepsCsv')}
      </button>
      {config && (
        <a href={settingsLink(config)} aria-label={t('exp.settingsLinkNamed', { name: shown })}>
          {t('exp.settingsLink')}
        </a>
      )}
    </>
  );
}
