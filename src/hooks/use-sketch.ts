import { useContext, type MutableRefObject } from 'react';
import { SketchContext, type Stroke } from './sketch-context';

/** The drawn strokes, kept across panels; must be used under SketchProvider. */
export function useSketch(): MutableRefObject<Stroke[]> {
  const value = useContext(SketchContext);
  if (!value) throw new Error('useSketch must be used inside <SketchProvider>');
  return value;
}
