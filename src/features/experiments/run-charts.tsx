import { useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { lineNames } from '../../ml/experiments/line-names';
import { runSeries, type XAxis } from '../../ml/experiments/run-series';
import { configOf } from '../../ml/experiments/sort-runs';
import type { RunMeta } from '../../ml/storage/runs';
import { chartsSvg, svgToPng } from './chart-export';
import { downloadBlob } from '../../components/download';
import { OverlayChart } from './overlay-chart';
import { runName, settingWord } from './words';

/** Colours told apart also by people with the commonest colour-vision deficiencies (Okabe–Ito). */
const COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];
const AXES: XAxis[] = ['step', 'epoch', 'seconds'];

/** The ticked runs' loss and accuracy curves overlaid, named by what differs, with an export. */
export function RunCharts(props: { runs: RunMeta[]; onMessage: (text: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [axis, setAxis] = useState<XAxis>('step');
  const box = useRef<HTMLDivElement>(null);
  const { loss, accuracy } = useMemo(() => {
    const names = lineNames(
      props.runs.map((r) => ({ config: configOf(r), fallback: runName(i18n, r) })),
      (setting, value) => settingWord(i18n, setting, value),
    );
    const each = props.runs.map((r, i) => {
      const series = r.history ? runSeries(r.history, axis) : { loss: [], accuracy: [] };
      const base = { id: r.id, name: names[i], color: COLORS[i % COLORS.length] };
      return {
        loss: { ...base, points: series.loss },
        accuracy: { ...base, points: series.accuracy },
      };
    });
    return { loss: each.map((e) => e.loss), accuracy: each.map((e) => e.accuracy) };
  }, [props.runs, axis, i18n]);

  const exportAs = async (kind: 'svg' | 'png') => {
    const figures = [...(box.current?.querySelectorAll('figure') ?? [])] as HTMLElement[];
    const { svg, width, height } = chartsSvg(figures, loss);
    const file = `digit-lab-experiments.${kind}`;
    const blob =
      kind === 'svg'
        ? new Blob([svg], { type: 'image/svg+xml' })
        : await svgToPng(svg, width, height);
    downloadBlob(blob, file);
    props.onMessage(t('exp.downloaded', { file }));
  };

  const lacksSeconds = axis === 'seconds' && loss.some((l) => l.points.length === 0);
  return (
    <section aria-labelledby="exp-charts-heading" className="exp-charts">
      <h3 id="exp-charts-heading">{t('exp.charts')}</h3>
      {props.runs.length < 2 && <p className="hint">{t('exp.chartsHint')}</p>}
      <fieldset className="segmented">
        <legend>{t('exp.xAxis')}</legend>
        {AXES.map((a) => (
          <label key={a}>
            <input
              type="radio"
              name="exp-axis"
              value={a}
              checked={axis === a}
              onChange={() => setAxis(a)}
            />{' '}
            {t(`exp.x.${a}`)}
          </label>
        ))}
      </fieldset>
      {lacksSeconds && <p className="hint">{t('exp.noSeconds')}</p>}
      <div ref={box} className="exp-chart-grid">
        <OverlayChart
          title={t('exp.lossChart')}
          testId="exp-loss-chart"
          lines={loss}
          xLabel={t(`exp.x.${axis}`)}
          yDomain={[0, 'auto']}
        />
        <OverlayChart
          title={t('exp.accuracyChart')}
          testId="exp-accuracy-chart"
          lines={accuracy}
          xLabel={t(`exp.x.${axis}`)}
          yDomain={[0, 1]}
        />
      </div>
      <div className="toolbar">
        <button type="button" onClick={() => void exportAs('svg')} disabled={!props.runs.length}>
          {t('exp.exportSvg')}
        </button>
        <button type="button" onClick={() => void exportAs('png')} disabled={!props.runs.length}>
          {t('exp.exportPng')}
        </button>
      </div>
    </section>
  );
}
