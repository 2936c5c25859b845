import { createContext, useMemo, useState, type ReactNode } from 'react';

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

/** The current network input and its setter. */
export interface InputContextValue {
  input: NetworkInput | null;
  setInput: (input: NetworkInput | null) => void;
}

/** The input context; read it with `useNetworkInput`. */
export const InputContext = createContext<InputContextValue | null>(null);

/** Shares the current input (a drawn digit, an upload, a dataset image) across panels. */
export function InputProvider({ children }: { children: ReactNode }) {
  const [input, setInput] = useState<NetworkInput | null>(null);
  const value = useMemo(() => ({ input, setInput }), [input]);
  return <InputContext.Provider value={value}>{children}</InputContext.Provider>;
}
