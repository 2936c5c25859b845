import { useEffect, useRef } from 'react';

/** Props of DigitCanvas. */
export interface DigitCanvasProps {
  /** Grayscale pixels, row-major, `side × side`. */
  pixels: ArrayLike<number>;
  /** Value drawn as white: 255 for bytes, 1 for [0, 1] floats. */
  max?: number;
  side?: number;
  /** Displayed size in CSS pixels. */
  size: number;
  label: string;
  className?: string;
}

/** A grayscale image drawn pixel-exact and scaled up without smoothing. */
export function DigitCanvas({
  pixels,
  max = 255,
  side = 28,
  size,
  label,
  className,
}: DigitCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(side, side);
    for (let i = 0; i < side * side; i++) {
      const v = Math.max(0, Math.min(255, Math.round((pixels[i] / max) * 255)));
      img.data[i * 4] = img.data[i * 4 + 1] = img.data[i * 4 + 2] = v;
      img.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels, max, side]);
  return (
    <canvas
      ref={ref}
      width={side}
      height={side}
      className={className}
      style={{ width: size, height: size, imageRendering: 'pixelated' }}
      role="img"
      aria-label={label}
    />
  );
}
