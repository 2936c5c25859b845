import { useEffect, useRef } from 'react';
import type { GrayImage } from '../../ml/image';

/** A grayscale image of any aspect ratio (values in [0, 1]), scaled up without smoothing. */
export function GrayCanvas(props: { image: GrayImage; maxSize: number; label: string }) {
  const { image, maxSize, label } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(image.width, image.height);
    image.data.forEach((v, i) => {
      img.data[i * 4] = img.data[i * 4 + 1] = img.data[i * 4 + 2] = Math.round(v * 255);
      img.data[i * 4 + 3] = 255;
    });
    ctx.putImageData(img, 0, 0);
  }, [image]);
  const scale = maxSize / Math.max(image.width, image.height);
  return (
    <canvas
      ref={ref}
      width={image.width}
      height={image.height}
      style={{
        width: image.width * scale,
        height: image.height * scale,
        imageRendering: 'pixelated',
      }}
      role="img"
      aria-label={label}
    />
  );
}
