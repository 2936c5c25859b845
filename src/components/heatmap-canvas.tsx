import { useEffect, useRef, type MouseEvent } from 'react';
import { colorOf, type ColorScale } from './colormap';

/** Props of HeatmapCanvas. */
export interface HeatmapCanvasProps {
  /** Values, row-major `side × side`. */
  values: ArrayLike<number>;
  side: number;
  /** Range the colour scale spans (shared across a layer so maps compare fairly). */
  min: number;
  max: number;
  scale: ColorScale;
  /** Displayed size in CSS pixels (with `fluid`, the largest size: it shrinks to its box). */
  size: number;
  /** Fill the width of the containing box up to `size`, staying square. */
  fluid?: boolean;
  label: string;
  /** Called with the cell under the pointer, or null when it leaves. */
  onHover?: (cell: { row: number; col: number; value: number } | null) => void;
  className?: string;
}

/** A square grid of values drawn as coloured cells, scaled up without smoothing. */
export function HeatmapCanvas(props: HeatmapCanvasProps) {
  const { values, side, min, max, scale, size, fluid, label, onHover, className } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(side, side);
    for (let i = 0; i < side * side; i++) {
      const [r, g, b] = colorOf(scale, values[i], min, max);
      img.data[i * 4] = r;
      img.data[i * 4 + 1] = g;
      img.data[i * 4 + 2] = b;
      img.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [values, side, min, max, scale]);
  const hover = (e: MouseEvent<HTMLCanvasElement>) => {
    if (!onHover) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - rect.left) / rect.width) * side);
    const row = Math.floor(((e.clientY - rect.top) / rect.height) * side);
    if (row < 0 || col < 0 || row >= side || col >= side) onHover(null);
    else onHover({ row, col, value: values[row * side + col] });
  };
  return (
    <canvas
      ref={ref}
      width={side}
      height={side}
      className={className}
      // Fluid maps fill their grid cell; the others shrink to a narrow box and stay square.
      style={
        fluid
          ? { width: '100%', maxWidth: size, height: 'auto', imageRendering: 'pixelated' }
          : { width: size, maxWidth: '100%', height: 'auto', imageRendering: 'pixelated' }
      }
      role="img"
      aria-label={label}
      onMouseMove={onHover ? hover : undefined}
      onMouseLeave={onHover ? () => onHover(null) : undefined}
    />
  );
}
