import './experiments.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../../i18n/error-text';
import { useI18n } from '../../i18n/use-i18n';
import { MAX_STORED_LOSS_POINTS } from '../../ml/experiments/compact-history';
import { stepsCsv } from '../../ml/experiments/csv';
import { parseExperimentsQuery, presetSpecs } from '../../ml/experiments/presets';
import { runsCsv } from '../../ml/experiments/runs-csv';
import { ModelFileError } from '../../ml/model-file-error';
import {
  KEPT_RUN_RECORDS,
  KEPT_RUNS,
  MAX_RUN_LABEL,
  renameRun,
  type RunMeta,
} from '../../ml/storage/runs';
import { SavedModelError } from '../../ml/storage/saved-models';
import { useExperimentQueue } from '../../state/experiment-queue';
import { useModel } from '../../state/model';
import { useSavedModels } from '../../state/saved-models';
import { useTrainer } from '../../state/trainer';
import { replaceHashQuery, useHashLocation } from '../../state/url';
import { downloadCsv } from '../../components/download';
import { OpenConfirm } from './open-confirm';
import { QueueSection } from './queue-section';
import { RunCharts } from './run-charts';
import { RunTable } from './run-table';
import { runName } from './words';

type Message = { kind: 'ok' | 'error'; text: string };

/** Queue comparisons, keep every run's record, overlay the curves of the runs ticked, export. */
export function ExperimentsPanel() {
  const i18n = useI18n();
  const { t, num } = i18n;
  const saved = useSavedModels();
  const { current } = useModel();
  const { phase } = useTrainer();
  const { queue, dispatch } = useExperimentQueue();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<Message | null>(null);
  const [opening, setOpening] = useState<{ run: RunMeta; shown: string } | null>(null);
  const running = phase === 'training' || phase === 'paused';

  // A link such as #/experiments?preset=relu-vs-sigmoid fills the queue once; the user presses Start.
  const { route, query } = useHashLocation();
  useEffect(() => {
    const asked = parseExperimentsQuery(query);
    if (route !== 'experiments' || !asked.preset) return;
    dispatch({ type: 'fill', specs: presetSpecs(asked.preset, asked.epochs, asked.maxSteps) });
    replaceHashQuery('', 'experiments');
  }, [route, query, dispatch]);

  // Each queued run is ticked once its record is known, so the comparison shows as it trains.
  const ticked = useRef(new Set<string>());
  useEffect(() => {
    const fresh = queue.items.flatMap((i) =>
      i.runId && !ticked.current.has(i.runId) ? [i.runId] : [],
    );
    if (!fresh.length) return;
    for (const id of fresh) ticked.current.add(id);
    setSelected((s) => new Set([...s, ...fresh]));
  }, [queue.items]);

  const runs = useMemo(() => saved.runs ?? [], [saved.runs]);
  const compared = useMemo(
    () => runs.filter((r) => selected.has(r.id) && r.history).reverse(),
    [runs, selected],
  );

  const act = async (action: () => Promise<string>) => {
    try {
      setMessage({ kind: 'ok', text: await action() });
    } catch (err) {
      const text =
        err instanceof SavedModelError
          ? err.problem === 'longName'
            ? t('exp.badName', { n: num(MAX_RUN_LABEL) })
            : t(`models.err.${err.problem}`, { name: err.modelName })
          : err instanceof ModelFileError
            ? t(`models.file.${err.problem.code}`, err.problem.params)
            : errorText(t, err);
      setMessage({ kind: 'error', text });
    }
  };
  const open = (run: RunMeta, shown: string) =>
    void act(async () => {
      setOpening(null);
      await saved.loadRun(run.id);
      return t('exp.opened', { name: shown });
    });

  return (
    <section className="panel experiments" aria-labelledby="exp-heading">
      <h2 id="exp-heading">{t('exp.heading')}</h2>
      <p>{t('exp.intro')}</p>
      <QueueSection />
      <div
        role={message?.kind === 'error' ? 'alert' : 'status'}
        className={message?.kind === 'error' ? 'error message' : 'message'}
        data-testid="exp-message"
      >
        {message?.text}
      </div>
      {opening && (
        <OpenConfirm
          name={opening.shown}
          epochs={current.epochs}
          steps={current.steps}
          kept={saved.currentKept}
          onConfirm={() => open(opening.run, opening.shown)}
          onCancel={() => setOpening(null)}
        />
      )}
      {running && <p className="note">{t('exp.stopFirst')}</p>}
      {runs.length === 0 ? (
        <p>{t('exp.runsNone')}</p>
      ) : (
        <>
          <RunTable
            runs={runs}
            selected={selected}
            tabRunId={saved.tabRunId}
            busy={running}
            onToggle={(id) =>
              setSelected((s) => {
                const next = new Set(s);
                if (!next.delete(id)) next.add(id);
                return next;
              })
            }
            onOpen={(run, shown) => {
              if (current.trained) setOpening({ run, shown });
              else open(run, shown);
            }}
            onRename={(run, label) =>
              void act(async () => {
                const meta = await renameRun(run.id, label);
                await saved.refresh();
                return meta.label ? t('exp.renamed', { name: meta.label }) : t('exp.unnamed');
              })
            }
            onDelete={(run, shown) =>
              void act(async () => {
                await saved.removeRun(run.id);
                return t('exp.deleted', { name: shown });
              })
            }
            onStepsCsv={(run) =>
              void act(async () => {
                const file = `digit-lab-run-${run.id}.csv`;
                if (run.history) downloadCsv(stepsCsv(run.history), file);
                return t('exp.downloaded', { file });
              })
            }
          />
          <p className="hint">{t('exp.accuracyNote')}</p>
          <p className="hint">
            {t('exp.runsAbout', {
              keep: num(KEPT_RUNS),
              records: num(KEPT_RUN_RECORDS),
              points: num(MAX_STORED_LOSS_POINTS),
            })}
          </p>
          <div className="toolbar">
            <button
              type="button"
              onClick={() =>
                void act(async () => {
                  const file = 'digit-lab-runs.csv';
                  downloadCsv(
                    runsCsv(runs, (r) => runName(i18n, r)),
                    file,
                  );
                  return t('exp.downloaded', { file });
                })
              }
            >
              {t('exp.tableCsv')}
            </button>
          </div>
          <RunCharts runs={compared} onMessage={(text) => setMessage({ kind: 'ok', text })} />
        </>
      )}
    </section>
  );
}
