import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import {
  accuracyOf,
  configOf,
  nextSort,
  sortRuns,
  statsOf,
  type RunSort,
} from '../../ml/experiments/sort-runs';
import { hasWeights, type RunMeta } from '../../ml/storage/runs';
import { RunRowActions, type RunActions } from './run-row-actions';
import { SortHeader } from './sort-header';
import { runName, settingsSummary } from './words';

/** Every recorded run: tick to compare, sort by date, accuracy or speed, and act on each. */
export function RunTable(
  props: RunActions & {
    runs: RunMeta[];
    selected: ReadonlySet<string>;
    onToggle: (id: string) => void;
    tabRunId: string | null;
    busy: boolean;
  },
) {
  const i18n = useI18n();
  const { t, num, lang } = i18n;
  const [sort, setSort] = useState<RunSort>({ key: 'date', direction: 'descending' });
  const onSort = (key: RunSort['key']) => setSort((s) => nextSort(s, key));
  const date = (ms: number) =>
    new Date(ms).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' });
  const percent = (v: number) => `${num(v * 100, 2)}%`;
  return (
    <div className="table-scroll">
      <table className="saved-list run-table" data-testid="experiment-runs">
        <caption>{t('exp.runs', { n: num(props.runs.length) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exp.col.select')}</th>
            <th scope="col">{t('exp.col.name')}</th>
            <SortHeader column="date" label={t('exp.col.date')} sort={sort} onSort={onSort} />
            <th scope="col">{t('exp.col.settings')}</th>
            <th scope="col">{t('exp.col.epochs')}</th>
            <th scope="col">{t('exp.col.steps')}</th>
            <SortHeader
              column="accuracy"
              label={t('exp.col.accuracy')}
              sort={sort}
              onSort={onSort}
            />
            <SortHeader column="speed" label={t('exp.col.speed')} sort={sort} onSort={onSort} />
            <th scope="col">{t('exp.col.seconds')}</th>
            <th scope="col">{t('exp.col.backend')}</th>
            <th scope="col">{t('exp.col.status')}</th>
            <th scope="col">{t('exp.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sortRuns(props.runs, sort).map((r) => {
            const shown = runName(i18n, r);
            const s = statsOf(r);
            const config = configOf(r);
            const acc = accuracyOf(r);
            return (
              <tr key={r.id} data-run-id={r.id}>
                <td>
                  <input
                    type="checkbox"
                    checked={props.selected.has(r.id)}
                    disabled={!r.history}
                    aria-label={t('exp.selectRun', { name: shown })}
                    onChange={() => props.onToggle(r.id)}
                  />
                </td>
                <th scope="row">
                  {shown}
                  {r.id === props.tabRunId && <em> · {t('exp.thisTab')}</em>}
                  {!hasWeights(r) && <em> · {t('exp.weightsGone')}</em>}
                </th>
                <td>{date(r.startedAt)}</td>
                <td>{config ? settingsSummary(i18n, config) : '—'}</td>
                <td>{num(r.epochs)}</td>
                <td>{num(r.steps)}</td>
                <td data-testid="run-accuracy">
                  {acc === null
                    ? '—'
                    : s.finalAccuracy === null
                      ? t('exp.subsetShort', { value: percent(acc) })
                      : percent(acc)}
                </td>
                <td>{s.imagesPerSecond === null ? '—' : num(Math.round(s.imagesPerSecond))}</td>
                <td>{s.seconds === null ? '—' : num(s.seconds, 1)}</td>
                <td>
                  {s.backend === null ? '—' : s.backend}
                  {s.threads !== null && ` ×${s.threads}`}
                </td>
                <td>{t(`models.status.${r.status}`)}</td>
                <td className="actions">
                  <RunRowActions {...props} run={r} shown={shown} live={r.id === props.tabRunId} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
