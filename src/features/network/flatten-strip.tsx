import { useEffect, useRef } from 'react';
import { colorOf } from '../../components/colormap';
import type { LayerMaps } from '../../ml/features';

/** Columns of the strip: 1,568 values drawn as 56 rows of 28, in the order the linear layer reads them. */
const STRIP_COLS = 28;

/** pool2 flattened as TensorFlow.js flattens it (channels last), drawn as one tall strip. */
export function FlattenStrip({ pool2, label }: { pool2: LayerMaps; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { channels, side, data, min, max } = pool2;
  const count = channels * side * side;
  const rows = Math.ceil(count / STRIP_COLS);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(STRIP_COLS, rows);
    for (let f = 0; f < count; f++) {
      // Flat index f = (row · side + col) · channels + channel.
      const channel = f % channels;
      const cell = Math.floor(f / channels);
      const [r, g, b] = colorOf('sequential', data[channel * side * side + cell], min, max);
      img.data.set([r, g, b, 255], f * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [channels, side, data, min, max, count, rows]);
  return (
    <canvas
      ref={ref}
      width={STRIP_COLS}
      height={rows}
      className="flatten-strip"
      role="img"
      aria-label={label}
    />
  );
}
