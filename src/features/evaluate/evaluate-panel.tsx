import * as tf from '@tensorflow/tfjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { usePanelState } from '../../state/panel-state';
import { useModel } from '../../state/model';
import { useI18n } from '../../i18n/use-i18n';
import {
  cellIndices,
  classMetrics,
  confusionMatrix,
  evaluateSplit,
  formatSummary,
  mostConfidentlyWrong,
  summarize,
} from '../../ml/evaluate';
import type { MnistData } from '../../ml/mnist/dataset';
import { createModel } from '../../ml/model';
import { writeWeights } from '../../ml/weights';
import { ClassMetricsTable } from './class-metrics-table';
import { ConfusionMatrix } from './confusion-matrix';
import { FirstPredictions } from './first-predictions';
import { ImageGallery } from './image-gallery';

const GALLERY_MAX = 100;
const TOP_WRONG = 24;

/** Tutorial §2.6: accuracy on all test images, confusion matrix, per-digit metrics, worst mistakes. */
export function EvaluatePanel({ data }: { data: MnistData }) {
  const { t, num } = useI18n();
  const { current, inference } = useModel();
  const { evaluation: result, setEvaluation: setResult } = usePanelState();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cell, setCell] = useState<[number, number] | null>(null);
  const abort = useRef<AbortController | null>(null);
  const split = data.test;
  const toolbar = useRef<HTMLDivElement>(null);
  const runButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Set when the keyboard focus was in the toolbar as a run started.
  const keepFocus = useRef(false);
  const evaluating = progress !== null;
  // Evaluate disables itself and Cancel goes away at the end: each time the focus would fall to
  // <body>, it moves to the button now in their place.
  useEffect(() => {
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (keepFocus.current && lost) (evaluating ? cancelButton : runButton).current?.focus();
    if (!evaluating) keepFocus.current = false;
  }, [evaluating]);

  const run = async () => {
    keepFocus.current = toolbar.current?.contains(document.activeElement) ?? false;
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setCell(null);
    setProgress({ done: 0, total: split.count });
    const version = current.version;
    const start = performance.now();
    // A frozen copy of this version's weights: training may push new ones between batches.
    const model = createModel(current.config);
    try {
      writeWeights(model, current.weights);
      const predictions = await evaluateSplit(model, split, {
        signal: controller.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      const ms = performance.now() - start;
      const { accuracy } = summarize(predictions.predicted, split.labels);
      setResult({ version, predictions, accuracy, ms, backend: tf.getBackend() });
    } catch (err) {
      if (!controller.signal.aborted) setError(err instanceof Error ? err.message : String(err));
    } finally {
      model.dispose();
      setProgress(null);
      abort.current = null;
    }
  };

  const derived = useMemo(() => {
    if (!result) return null;
    const { predicted } = result.predictions;
    const matrix = confusionMatrix(predicted, split.labels);
    return {
      summary: summarize(predicted, split.labels),
      matrix,
      metrics: classMetrics(matrix),
      wrong: mostConfidentlyWrong(result.predictions, split.labels, TOP_WRONG),
    };
  }, [result, split]);
  const cellImages = useMemo(
    () =>
      result && cell
        ? cellIndices(result.predictions.predicted, split.labels, cell[0], cell[1])
        : [],
    [result, cell, split],
  );

  return (
    <section className="panel" aria-labelledby="evaluate-heading">
      <h2 id="evaluate-heading">{t('evaluate.heading')}</h2>
      <p>{t('evaluate.intro')}</p>
      {!current.trained && (
        <p className="notice" role="note">
          {t('evaluate.untrained')}
        </p>
      )}
      <FirstPredictions model={inference} version={current.version} split={split} />
      <div className="toolbar" ref={toolbar}>
        <button ref={runButton} type="button" onClick={() => void run()} disabled={evaluating}>
          {t('evaluate.run', { n: num(split.count) })}
        </button>
        {progress && (
          <>
            <progress
              aria-label={t('evaluate.progress')}
              max={progress.total}
              value={progress.done}
            />
            <span aria-live="polite">
              {t('evaluate.progressText', { done: num(progress.done), total: num(progress.total) })}
            </span>
            <button ref={cancelButton} type="button" onClick={() => abort.current?.abort()}>
              {t('evaluate.cancel')}
            </button>
          </>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {t('evaluate.failed', { message: error })}
        </p>
      )}
      {result && derived && (
        <>
          {result.version !== current.version && (
            <p className="notice" role="note">
              {t('evaluate.stale')}
            </p>
          )}
          <figure className="tutorial-output">
            <figcaption>{t('evaluate.summary')}</figcaption>
            <pre data-testid="eval-summary">{formatSummary(derived.summary)}</pre>
            <p data-testid="eval-time">
              {t('evaluate.time', { ms: num(Math.round(result.ms)), backend: result.backend })}
            </p>
          </figure>
          <div className="eval-layout">
            <div>
              <h3 id="confusion-heading">{t('evaluate.confusion')}</h3>
              <p id="confusion-help">{t('evaluate.confusionHelp')}</p>
              <ConfusionMatrix
                matrix={derived.matrix}
                selected={cell}
                onSelect={(label, predicted) => setCell([label, predicted])}
                labelledBy="confusion-heading"
              />
            </div>
            <div>
              <ClassMetricsTable metrics={derived.metrics} />
              <p className="hint">{t('evaluate.precisionHelp')}</p>
            </div>
          </div>
          {cell && (
            <section aria-labelledby="gallery-heading" className="eval-section">
              <h3 id="gallery-heading">
                {t('evaluate.gallery', {
                  label: cell[0],
                  predicted: cell[1],
                  n: num(cellImages.length),
                })}{' '}
                <button type="button" onClick={() => setCell(null)}>
                  {t('evaluate.close')}
                </button>
              </h3>
              {cellImages.length > GALLERY_MAX && (
                <p>
                  {t('evaluate.galleryMore', { shown: GALLERY_MAX, n: num(cellImages.length) })}
                </p>
              )}
              <ImageGallery
                split={split}
                predictions={result.predictions}
                indices={cellImages.slice(0, GALLERY_MAX)}
                label={t('evaluate.gallery', {
                  label: cell[0],
                  predicted: cell[1],
                  n: cellImages.length,
                })}
              />
            </section>
          )}
          <section aria-labelledby="wrong-heading" className="eval-section">
            <h3 id="wrong-heading">{t('evaluate.wrong')}</h3>
            {derived.wrong.length === 0 ? (
              <p>{t('evaluate.noWrong')}</p>
            ) : (
              <ImageGallery
                split={split}
                predictions={result.predictions}
                indices={derived.wrong.map((w) => w.index)}
                label={t('evaluate.wrong')}
              />
            )}
          </section>
        </>
      )}
    </section>
  );
}
