import { useState } from 'react';
import { HeatmapCanvas } from '../../components/heatmap-canvas';
import { useI18n } from '../../i18n/use-i18n';
import { poolReference, type PoolMode } from '../../ml/conv-lab/conv-ops';
import { squareImage } from '../../ml/image';
import type { TaskProps } from './task-props';

/** A thin ring: pooling keeps its ink (max) or smears it (average). */
const RING = new Float32Array(28 * 28).map((_, i) => {
  const d = Math.hypot(Math.floor(i / 28) - 13.5, (i % 28) - 13.5);
  return d > 8 && d < 10.5 ? 1 : 0;
});

const SIZES = [1, 2, 4, 7] as const;

/** Pool a 28 × 28 ring by a chosen block size; done once the output is 7 × 7, as after pool2. */
export function PoolTask({ onDone }: TaskProps) {
  const { t } = useI18n();
  const [size, setSize] = useState<(typeof SIZES)[number]>(2);
  const [mode, setMode] = useState<PoolMode>('max');
  const out = poolReference(squareImage(RING), mode, size, size);
  return (
    <div className="guide-widget">
      <div className="toolbar">
        <label>
          {t('guide.pool.size')}{' '}
          <select
            value={size}
            onChange={(e) => {
              const next = Number(e.target.value) as (typeof SIZES)[number];
              setSize(next);
              if (28 / next === 7) onDone();
            }}
          >
            {SIZES.map((s) => (
              <option key={s} value={s}>
                {s} × {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('guide.pool.mode')}{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value as PoolMode)}>
            <option value="max">{t('guide.pool.max')}</option>
            <option value="avg">{t('guide.pool.avg')}</option>
          </select>
        </label>
      </div>
      <div className="guide-pair">
        <HeatmapCanvas
          values={RING}
          side={28}
          min={0}
          max={1}
          scale="sequential"
          size={112}
          label={t('guide.pool.input')}
        />
        <HeatmapCanvas
          values={out.data}
          side={out.width}
          min={0}
          max={1}
          scale="sequential"
          size={112}
          label={t('guide.pool.output', { n: out.width })}
        />
      </div>
      <p data-testid="pool-size">{t('guide.pool.result', { n: out.width })}</p>
    </div>
  );
}
