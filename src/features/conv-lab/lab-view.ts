import type { GrayRange } from '../../ml/image';

/** How the lab shows an image on a GrayCanvas: bytes 0–255, up to 420 CSS px, at most 8× enlarged. */
export const LAB_VIEW = {
  range: [0, 255] as GrayRange,
  size: 420,
  maxScale: 8,
  className: 'gray-view',
};
