import { createContext, useRef, type MutableRefObject, type ReactNode } from 'react';

/** One pen stroke on the drawing pad, in pad pixels. */
export interface Stroke {
  width: number;
  points: { x: number; y: number }[];
}

/** The strokes drawn so far; a ref, so drawing re-renders nothing above the pad. */
export const SketchContext = createContext<MutableRefObject<Stroke[]> | null>(null);

/** Keeps the drawn digit while the user visits other panels. */
export function SketchProvider({ children }: { children: ReactNode }) {
  const strokes = useRef<Stroke[]>([]);
  return <SketchContext.Provider value={strokes}>{children}</SketchContext.Provider>;
}
