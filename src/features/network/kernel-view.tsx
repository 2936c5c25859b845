import { useMemo, useState } from 'react';
import { ColorLegend } from '../../components/color-legend';
import { HeatmapCanvas } from '../../components/heatmap-canvas';
import { useModel } from '../../state/model';
import { useI18n } from '../../i18n/use-i18n';
import { kernelAt, kernelsOf } from '../../ml/features';

/** conv1's and conv2's kernels on a diverging scale, live or from an epoch snapshot. */
export function KernelView() {
  const { t, num } = useI18n();
  const { current, epochSnapshots } = useModel();
  const snapshots = useMemo(
    () => epochSnapshots.slice().sort((a, b) => a.epoch - b.epoch),
    [epochSnapshots],
  );
  // Slider positions 0..n-1 are epoch snapshots; n is the live weights.
  const [position, setPosition] = useState<number | null>(null);
  const at = position === null ? snapshots.length : Math.min(position, snapshots.length);
  const snapshot = at < snapshots.length ? snapshots[at] : null;
  const weights = snapshot ? snapshot.weights : current.weights;
  const conv1 = useMemo(() => kernelsOf(weights, 'conv1'), [weights]);
  const conv2 = useMemo(() => kernelsOf(weights, 'conv2'), [weights]);
  const from = snapshot ? t('kernels.epoch', { n: snapshot.epoch }) : t('kernels.live');

  return (
    <section aria-labelledby="kernels-heading">
      <h3 id="kernels-heading">{t('kernels.heading')}</h3>
      <p>{t('kernels.intro')}</p>
      <div className="toolbar">
        {snapshots.length > 0 ? (
          <label>
            {t('kernels.history')}{' '}
            <input
              type="range"
              min={0}
              max={snapshots.length}
              value={at}
              aria-valuetext={from}
              onChange={(e) => {
                const v = Number(e.target.value);
                setPosition(v >= snapshots.length ? null : v);
              }}
            />{' '}
            <output>{from}</output>
          </label>
        ) : (
          <p>{t('kernels.noHistory')}</p>
        )}
      </div>
      <section className="kernel-layer" aria-label={t('kernels.conv1')}>
        <h4>{t('kernels.conv1')}</h4>
        <ColorLegend
          scale="diverging"
          label={t('kernels.weight')}
          min={num(-conv1.maxAbs, 3)}
          max={num(conv1.maxAbs, 3)}
        />
        <div className="kernel-row">
          {Array.from({ length: conv1.outChannels }, (_, o) => (
            <HeatmapCanvas
              key={o}
              values={kernelAt(conv1, o, 0)}
              side={conv1.size}
              min={-conv1.maxAbs}
              max={conv1.maxAbs}
              scale="diverging"
              size={50}
              label={t('kernels.one', { layer: 'conv1', n: o })}
            />
          ))}
        </div>
      </section>
      <section className="kernel-layer" aria-label={t('kernels.conv2')}>
        <h4>{t('kernels.conv2')}</h4>
        <ColorLegend
          scale="diverging"
          label={t('kernels.weight')}
          min={num(-conv2.maxAbs, 3)}
          max={num(conv2.maxAbs, 3)}
        />
        <div
          className="kernel-grid"
          style={{ gridTemplateColumns: `2em repeat(${conv2.inChannels}, minmax(0, 20px))` }}
        >
          {Array.from({ length: conv2.outChannels }, (_, o) => [
            <span key={`h${o}`} className="kernel-row-label" aria-hidden="true">
              {o}
            </span>,
            ...Array.from({ length: conv2.inChannels }, (_, i) => (
              <HeatmapCanvas
                key={`${o}-${i}`}
                values={kernelAt(conv2, o, i)}
                side={conv2.size}
                min={-conv2.maxAbs}
                max={conv2.maxAbs}
                scale="diverging"
                size={20}
                label={t('kernels.pair', { out: o, in: i })}
              />
            )),
          ])}
        </div>
      </section>
    </section>
  );
}
