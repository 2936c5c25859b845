import './saved-models.css';
import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { KEPT_RUNS, type RunMeta } from '../../ml/storage/runs';
import { ConfirmDelete } from './confirm-delete';
import { accuracyCell } from './accuracy-text';

/** The autosaved runs of every tab, with Load and Delete (Delete asks first). */
export function RunList(props: {
  runs: RunMeta[];
  tabRunId: string | null;
  busy: boolean;
  onLoad: (run: RunMeta, shown: string) => void;
  onDelete: (run: RunMeta, shown: string) => void;
}) {
  const { runs, tabRunId, busy } = props;
  const { t, num, lang } = useI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  const date = (ms: number) =>
    new Date(ms).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <div className="table-scroll">
      <table className="saved-list" data-testid="run-list">
        <caption>{t('models.runs', { n: num(KEPT_RUNS) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('models.col.started')}</th>
            <th scope="col">{t('models.col.network')}</th>
            <th scope="col">{t('models.col.epochs')}</th>
            <th scope="col">{t('models.col.steps')}</th>
            <th scope="col">{t('models.col.accuracy')}</th>
            <th scope="col">{t('models.col.status')}</th>
            <th scope="col">{t('models.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const shown = t('models.runName', { date: date(r.startedAt) });
            return (
              <tr key={r.id} data-run-id={r.id}>
                <th scope="row">
                  {date(r.startedAt)}
                  {r.id === tabRunId && <em> · {t('models.thisTab')}</em>}
                </th>
                <td>{t(`train.activation.${r.modelConfig.activation}`)}</td>
                <td>{num(r.epochs)}</td>
                <td>{num(r.steps)}</td>
                <td>{accuracyCell(t, num, r)}</td>
                <td>{t(`models.status.${r.status}`)}</td>
                <td className="actions">
                  {confirming === r.id ? (
                    <ConfirmDelete
                      shown={shown}
                      onYes={() => {
                        setConfirming(null);
                        props.onDelete(r, shown);
                      }}
                      onCancel={() => setConfirming(null)}
                    />
                  ) : (
                    <>
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={t('models.loadNamed', { name: shown })}
                        onClick={() => props.onLoad(r, shown)}
                      >
                        {t('models.load')}
                      </button>
                      <button
                        type="button"
                        disabled={busy || r.id === tabRunId}
                        aria-label={t('models.deleteNamed', { name: shown })}
                        onClick={() => setConfirming(r.id)}
                      >
                        {t('models.delete')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
