import './draw.css';
import { useCallback, useEffect, useState } from 'react';
import { SaliencyView } from '../../components/saliency-view';
import { DrawPad } from '../../components/draw-pad';
import { UntrainedNotice } from '../../components/untrained-notice';
import { useModel } from '../../state/model';
import { usePanelState, useStrokes } from '../../state/panel-state';
import { useI18n } from '../../i18n/use-i18n';
import { predictOne, type Prediction } from '../../ml/inference';
import type { GrayImage } from '../../ml/image';
import { plainDownscale, preprocess, type PreprocessResult } from '../../ml/preprocess';
import { PredictionView } from './prediction-view';
import { PreprocessSteps } from './preprocess-steps';
import { UploadImage } from './upload-image';

interface Ink {
  image: GrayImage;
  source: 'drawn' | 'uploaded';
  inverted: boolean;
}

interface Outcome {
  input: GrayImage;
  result: PreprocessResult;
  raw: Float32Array | null;
  /** What the network was given: the preprocessed image, or the raw downscale. */
  pixels: Float32Array | null;
  prediction: Prediction | null;
  ms: number;
}

/** Draw or upload a digit, watch it being preprocessed, and see the network's prediction. */
export function DrawPanel() {
  const { t, num } = useI18n();
  const { inference, current } = useModel();
  const { setInput } = usePanelState();
  const strokes = useStrokes();
  const [ink, setInk] = useState<Ink | null>(null);
  const [skip, setSkip] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const onDrawn = useCallback(
    (image: GrayImage) => setInk({ image, source: 'drawn', inverted: false }),
    [],
  );
  const onUploaded = useCallback(
    (image: GrayImage, inverted: boolean) => setInk({ image, source: 'uploaded', inverted }),
    [],
  );

  // One dummy forward when the model appears, so the first real stroke does not pay for shader
  // compilation.
  useEffect(() => {
    const frame = requestAnimationFrame(() => predictOne(inference, new Float32Array(784)));
    return () => cancelAnimationFrame(frame);
  }, [inference]);

  // Predict in the next frame: that caps live predictions at the display rate while drawing.
  useEffect(() => {
    if (!ink) return;
    const frame = requestAnimationFrame(() => {
      const start = performance.now();
      const result = preprocess(ink.image);
      const raw = skip ? plainDownscale(ink.image) : null;
      const pixels = result.status === 'empty' ? null : (raw ?? result.final);
      const prediction = pixels ? predictOne(inference, pixels) : null;
      setOutcome({
        input: ink.image,
        result,
        raw,
        pixels,
        prediction,
        ms: performance.now() - start,
      });
      if (pixels) setInput({ pixels, source: ink.source });
    });
    return () => cancelAnimationFrame(frame);
  }, [ink, skip, inference, current.version, setInput]);

  const result = outcome?.result;
  return (
    <section className="panel" aria-labelledby="draw-heading">
      <h2 id="draw-heading">{t('draw.heading')}</h2>
      <p>{t('draw.intro')}</p>
      <UntrainedNotice />
      <div className="draw-layout">
        <div>
          <DrawPad onInk={onDrawn} strokes={strokes} />
          <UploadImage onImage={onUploaded} />
          {ink?.source === 'uploaded' && (
            <p role="status">
              {t('draw.uploaded', { inverted: ink.inverted ? t('draw.inverted') : '' })}
            </p>
          )}
        </div>
        <section aria-label={t('draw.prediction')} className="prediction-column">
          <h3>{t('draw.prediction')}</h3>
          {!result || result.status === 'empty' ? (
            <p role="status">{t('draw.empty')}</p>
          ) : outcome.prediction ? (
            <>
              <PredictionView prediction={outcome.prediction} />
              <p className="timing" data-testid="predict-ms">
                {t('draw.timing', { ms: num(outcome.ms, 1) })}
              </p>
              <a href="#/network">{t('draw.openNetwork')}</a>
            </>
          ) : (
            <p role="status">{t('draw.waiting')}</p>
          )}
        </section>
      </div>
      <label className="skip-toggle">
        <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} />{' '}
        {t('draw.raw')}
      </label>
      {outcome?.pixels && outcome.prediction && (
        <SaliencyView pixels={outcome.pixels} predicted={outcome.prediction.digit} />
      )}
      {outcome && result?.status === 'ok' && (
        <PreprocessSteps input={outcome.input} result={result} raw={outcome.raw} />
      )}
    </section>
  );
}
