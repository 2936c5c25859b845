import { BACKEND_CHOICES, type BackendChoice } from '../ml/backend';
import type { ConvKernelMode } from '../ml/wasm/fma/conv-choice';
import { readSetting, writeSetting } from './site-storage';
import { pageParam } from './url';

const STORAGE_KEY = 'digit-lab.backend';

function asChoice(value: string | null): BackendChoice | null {
  return (BACKEND_CHOICES as readonly string[]).includes(value ?? '')
    ? (value as BackendChoice)
    : null;
}

/**
 * The backend the user asked for, page and worker alike: `?backend=` before the # wins (links,
 * comparisons), then the saved choice, then 'auto'.
 */
export function preferredBackend(): BackendChoice {
  return asChoice(pageParam('backend')) ?? asChoice(readSetting(STORAGE_KEY)) ?? 'auto';
}

/** WASM threads for the training worker asked for by `?threads=N` (1–8) before the #, or null. */
export function preferredThreads(): number | null {
  const n = Number(pageParam('threads'));
  return Number.isInteger(n) && n >= 1 && n <= 8 ? n : null;
}

/** WASM convolution kernels asked for by `?conv=fma|xnnpack|auto` before the #, or null. */
export function preferredConvKernels(): ConvKernelMode | null {
  const v = pageParam('conv');
  return v === 'fma' || v === 'xnnpack' || v === 'auto' ? v : null;
}

/** Saves the user's backend choice; it takes effect when the page next loads. */
export function savePreferredBackend(choice: BackendChoice): void {
  writeSetting(STORAGE_KEY, choice);
}
