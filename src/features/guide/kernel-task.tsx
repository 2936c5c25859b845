import { useEffect, useMemo, useState } from 'react';
import { HeatmapCanvas } from '../../components/heatmap-canvas';
import { useI18n } from '../../i18n/use-i18n';
import { convolveReference } from '../../ml/conv-lab/conv-ops';
import { detectsHorizontalEdges } from '../../ml/explain/edge-kernel';
import { squareImage } from '../../ml/image';
import type { TaskProps } from './task-props';

/** A white square on black: it has two horizontal and two vertical edges to find. */
const SQUARE = new Float32Array(28 * 28).map((_, i) => {
  const r = Math.floor(i / 28);
  const c = i % 28;
  return r >= 7 && r < 21 && c >= 7 && c < 21 ? 1 : 0;
});

/** The tutorial's edge kernel, which finds edges of every direction alike. */
const START = ['-1', '-1', '-1', '-1', '8', '-1', '-1', '-1', '-1'];

/** Edit a 3 × 3 kernel and see it convolved over a square; done once it finds horizontal edges only. */
export function KernelTask({ onDone }: TaskProps) {
  const { t } = useI18n();
  const [cells, setCells] = useState(START);
  const values = cells.map((c) => (c.trim() === '' ? NaN : Number(c)));
  const valid = values.every(Number.isFinite);
  const key = cells.join(',');
  const output = useMemo(() => {
    const kernel = key.split(',').map(Number);
    if (!kernel.every(Number.isFinite)) return null;
    const out = convolveReference(squareImage(SQUARE), {
      kernel,
      size: 3,
      stride: 1,
      padding: 'same',
    });
    let maxAbs = 1e-6;
    for (const v of out.data) maxAbs = Math.max(maxAbs, Math.abs(v));
    return { data: out.data, maxAbs };
  }, [key]);
  const horizontal = valid && detectsHorizontalEdges(values, 3);
  useEffect(() => {
    if (horizontal) onDone();
  }, [horizontal, onDone]);
  return (
    <div className="guide-widget kernel-task">
      <fieldset>
        <legend>{t('guide.kernel.legend')}</legend>
        <div className="guide-kernel">
          {cells.map((c, i) => (
            <input
              key={i}
              type="text"
              inputMode="decimal"
              value={c}
              aria-label={t('guide.kernel.cell', { row: Math.floor(i / 3) + 1, col: (i % 3) + 1 })}
              aria-invalid={!Number.isFinite(values[i])}
              onChange={(e) => setCells(cells.map((x, j) => (j === i ? e.target.value : x)))}
            />
          ))}
        </div>
      </fieldset>
      {output ? (
        <div className="guide-pair">
          <HeatmapCanvas
            values={SQUARE}
            side={28}
            min={0}
            max={1}
            scale="sequential"
            size={112}
            label={t('guide.kernel.square')}
          />
          <HeatmapCanvas
            values={output.data}
            side={28}
            min={-output.maxAbs}
            max={output.maxAbs}
            scale="diverging"
            size={112}
            label={t('guide.kernel.output')}
          />
        </div>
      ) : (
        <p role="alert">{t('guide.kernel.invalid')}</p>
      )}
    </div>
  );
}
