import { useMemo, useRef, useState, type MutableRefObject, type ReactNode } from 'react';
import type { SplitPredictions } from '../ml/evaluate';
import { strictContext } from './strict-context';

/** Where the image the network looks at came from. */
export type InputSource = 'drawn' | 'uploaded' | 'dataset';

/** The image every "inside the network" view shows: 784 values in [0, 1], row-major 28×28. */
export interface NetworkInput {
  pixels: Float32Array;
  source: InputSource;
  /** The true label, when known (dataset images). */
  label?: number;
  /** Dataset split and index, for dataset images. */
  index?: number;
}

/** One pen stroke on the drawing pad, in pad pixels. */
export interface Stroke {
  width: number;
  points: { x: number; y: number }[];
}

/** A finished evaluation on the test set, tied to the model version it measured. */
export interface EvaluationResult {
  /** `useModel().current.version` when it ran; stale once the model changes. */
  version: number;
  predictions: SplitPredictions;
  accuracy: number;
  ms: number;
  backend: string;
}

/** What panels keep across tab switches: the network input and the last evaluation. */
export interface PanelState {
  input: NetworkInput | null;
  setInput: (input: NetworkInput | null) => void;
  evaluation: EvaluationResult | null;
  setEvaluation: (result: EvaluationResult | null) => void;
}

const store = strictContext<PanelState>('PanelState');
/** The context itself, for tests that supply their own value. */
export const PanelStateContext = store.Context;

/** Panel state kept across tab switches; must be used under PanelStateProvider. */
export const usePanelState = store.use;

// A context of its own that never changes value, so the pad does not re-render on predictions.
const strokesStore = strictContext<MutableRefObject<Stroke[]>>('Strokes');

/** The strokes drawn so far, kept across tab switches; a ref, so drawing re-renders nothing. */
export const useStrokes = strokesStore.use;

/** Keeps what panels show (input, drawn strokes, evaluation) while the user visits other panels. */
export function PanelStateProvider({ children }: { children: ReactNode }) {
  const [input, setInput] = useState<NetworkInput | null>(null);
  const strokes = useRef<Stroke[]>([]);
  const [evaluation, setEvaluation] = useState<EvaluationResult | null>(null);
  const value = useMemo(
    () => ({ input, setInput, evaluation, setEvaluation }),
    [input, evaluation],
  );
  return (
    <PanelStateContext.Provider value={value}>
      <strokesStore.Context.Provider value={strokes}>{children}</strokesStore.Context.Provider>
    </PanelStateContext.Provider>
  );
}
