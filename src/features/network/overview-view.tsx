import { useEffect, useMemo, useState } from 'react';
import { ColorLegend } from '../../components/color-legend';
import { HeatmapCanvas } from '../../components/heatmap-canvas';
import { SaliencyView } from '../../components/saliency-view';
import { useModel } from '../../state/model';
import { useI18n } from '../../i18n/use-i18n';
import type { ActivationName } from '../../ml/config';
import { computeOverview, createOverviewModel, type Overview } from '../../ml/explain/overview';
import type { WeightSnapshot } from '../../ml/weights';
import { ClassColumn } from './class-column';
import { MapDetail } from './map-detail';
import { FlattenStrip } from './flatten-strip';
import { MapGrid, OverviewColumn } from './overview-column';
import { feedsFocus, sourcesOf, type MapRef } from './overview-refs';

/** One computed overview with the weights and input it was computed from, so details agree with it. */
export interface OverviewResult {
  overview: Overview;
  pixels: Float32Array;
  weights: WeightSnapshot;
  activation: ActivationName;
  started: number;
}

/** The whole network for the current input: every layer's maps, the scores, and what feeds what. */
export function OverviewView({ pixels }: { pixels: Float32Array }) {
  const { t, num } = useI18n();
  const { inference, current } = useModel();
  const [result, setResult] = useState<OverviewResult | null>(null);
  const [ms, setMs] = useState<number | null>(null);
  const [focus, setFocus] = useState<MapRef | null>(null);
  const [open, setOpen] = useState<MapRef | null>(null);
  // Shares the inference model's layers, so it always sees the current weights.
  const overviewModel = useMemo(() => createOverviewModel(inference), [inference]);

  useEffect(() => {
    let live = true;
    const { weights, config } = current;
    // Next frame: bursts of weight updates while training collapse into one pass.
    const frame = requestAnimationFrame(() => {
      const started = performance.now();
      computeOverview(overviewModel, pixels).then(
        (overview) => {
          if (live)
            setResult({ overview, pixels, weights, activation: config.activation, started });
        },
        (err: unknown) => console.warn('overview failed', err),
      );
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, [overviewModel, pixels, current]);

  // Runs after the maps have painted (children's effects run first): the time a learner waits.
  useEffect(() => {
    if (result) setMs(performance.now() - result.started);
  }, [result]);

  if (!result) return <p role="status">{t('overview.computing')}</p>;
  const { overview } = result;
  const { maps } = overview;
  const act = result.activation === 'relu' ? 'ReLU' : 'sigmoid';
  const grid = (layer: 'conv1' | 'pool1' | 'conv2' | 'pool2', cols: number, thumb: number) => (
    <MapGrid
      layer={layer}
      maps={maps[layer]}
      cols={cols}
      thumb={thumb}
      focus={focus}
      open={open}
      label={(n) => t('overview.map', { layer, n })}
      onFocus={setFocus}
      onOpen={setOpen}
    />
  );
  const sources = focus && sourcesOf(focus);

  return (
    <section className="overview" aria-labelledby="overview-heading">
      <h3 id="overview-heading">{t('overview.heading')}</h3>
      <p>{t('overview.intro')}</p>
      <ColorLegend
        scale="sequential"
        label={t('overview.legend')}
        min={t('overview.low')}
        max={t('overview.high')}
      />
      <p className="overview-focus" aria-live="polite" data-testid="overview-focus">
        {focus && sources
          ? t(`overview.from.${focus.layer}` as 'overview.from.conv1', { n: focus.index })
          : t('overview.hint')}
      </p>
      <div className="overview-flow">
        <OverviewColumn
          title={t('overview.col.input')}
          shape="1 × 28 × 28"
          highlighted={feedsFocus(focus, 'input', 0)}
        >
          <HeatmapCanvas
            values={result.pixels}
            side={28}
            min={0}
            max={1}
            scale="sequential"
            size={56}
            label={t('overview.inputMap')}
          />
        </OverviewColumn>
        <span className="overview-arrow" aria-hidden="true">
          →
        </span>
        <OverviewColumn
          title={t('overview.col.conv', { layer: 'conv1', act })}
          shape="16 × 28 × 28"
        >
          {grid('conv1', 4, 30)}
        </OverviewColumn>
        <span className="overview-arrow" aria-hidden="true">
          →
        </span>
        <OverviewColumn title={t('overview.col.pool', { layer: 'pool1' })} shape="16 × 14 × 14">
          {grid('pool1', 4, 24)}
        </OverviewColumn>
        <span className="overview-arrow" aria-hidden="true">
          →
        </span>
        <OverviewColumn
          title={t('overview.col.conv', { layer: 'conv2', act })}
          shape="32 × 14 × 14"
        >
          {grid('conv2', 4, 24)}
        </OverviewColumn>
        <span className="overview-arrow" aria-hidden="true">
          →
        </span>
        <OverviewColumn title={t('overview.col.pool', { layer: 'pool2' })} shape="32 × 7 × 7">
          {grid('pool2', 4, 20)}
        </OverviewColumn>
        <span className="overview-arrow" aria-hidden="true">
          →
        </span>
        <OverviewColumn
          title={t('overview.col.flatten')}
          shape={t('overview.values', { n: num(1568) })}
          highlighted={feedsFocus(focus, 'pool2', 0)}
        >
          <FlattenStrip pool2={maps.pool2} label={t('overview.flattenImg')} />
        </OverviewColumn>
        <span className="overview-arrow" aria-hidden="true">
          →
        </span>
        <OverviewColumn title={t('overview.col.out')} shape={t('overview.classes')}>
          <ClassColumn
            overview={overview}
            focus={focus}
            open={open}
            onFocus={setFocus}
            onOpen={setOpen}
          />
        </OverviewColumn>
      </div>
      {ms !== null && (
        <p className="timing" data-testid="overview-ms">
          {t('overview.timing', { ms: num(ms, 1) })}
        </p>
      )}
      {open && (
        <MapDetail
          key={`${open.layer}-${open.index}`}
          at={open}
          result={result}
          onClose={() => setOpen(null)}
        />
      )}
      <SaliencyView pixels={result.pixels} predicted={overview.digit} />
    </section>
  );
}
