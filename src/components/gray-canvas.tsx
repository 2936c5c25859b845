import { useEffect, useRef } from 'react';
import { toByteImage, type GrayByteImage, type GrayImage, type GrayRange } from '../ml/image';

/** Props of GrayCanvas. */
export interface GrayCanvasProps {
  /** The pixels, any width and height. */
  image: GrayImage | GrayByteImage;
  /** The values drawn black and white, e.g. [0, 1] for ink, [0, 255] for bytes. */
  range: GrayRange;
  /** Displayed long side in CSS pixels; the short side keeps the aspect ratio. */
  size: number;
  /** Largest enlargement; a small image then stays smaller than `size`. */
  maxScale?: number;
  label: string;
  className?: string;
}

/** A grayscale image, one canvas pixel per image pixel, enlarged without smoothing. */
export function GrayCanvas(props: GrayCanvasProps) {
  const { image, range, size, maxScale = Infinity, label, className } = props;
  const { width, height, data } = image;
  const [black, white] = range;
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || width === 0 || height === 0) return;
    const bytes = toByteImage({ width, height, data }, [black, white]).data;
    const img = ctx.createImageData(width, height);
    for (let i = 0; i < bytes.length; i++) {
      img.data[i * 4] = img.data[i * 4 + 1] = img.data[i * 4 + 2] = bytes[i];
      img.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [data, width, height, black, white]);
  const scale = Math.min(size / Math.max(width, height, 1), maxScale);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      className={className}
      style={{
        width: width * scale,
        // On a narrow screen it shrinks to its box, keeping the canvas's own aspect ratio.
        maxWidth: '100%',
        height: 'auto',
        // Enlarged pixels stay crisp squares; a reduced image is smoothed rather than aliased.
        imageRendering: scale > 1 ? 'pixelated' : 'auto',
      }}
      role="img"
      aria-label={label}
    />
  );
}
