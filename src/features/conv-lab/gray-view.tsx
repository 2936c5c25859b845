import { useEffect, useRef } from 'react';

/** Props of GrayView. */
export interface GrayViewProps {
  /** Display bytes 0–255, row-major `width × height`. */
  bytes: ArrayLike<number>;
  width: number;
  height: number;
  label: string;
  /** Largest displayed side in CSS pixels. */
  maxSide?: number;
}

/** A grayscale image of any size, scaled to fit and drawn without smoothing when enlarged. */
export function GrayView({ bytes, width, height, label, maxSide = 420 }: GrayViewProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || width === 0 || height === 0) return;
    const img = ctx.createImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      img.data[i * 4] = img.data[i * 4 + 1] = img.data[i * 4 + 2] = bytes[i];
      img.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [bytes, width, height]);
  const f = Math.min(maxSide / Math.max(width, height, 1), 8);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      role="img"
      aria-label={label}
      className="gray-view"
      style={{ width: width * f, height: height * f, imageRendering: f > 1 ? 'pixelated' : 'auto' }}
    />
  );
}
