import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Steps the Train panel's progress line says are done (0 while it shows none: no step yet). */
export const stepsDone = async (page: Page) => {
  const total = page.getByTestId('progress-total');
  if ((await total.count()) === 0) return 0;
  return Number(((await total.textContent()) ?? '').replace(/\D/g, ''));
};

/** The Train panel's phase line. */
export const phase = (page: Page) => page.getByTestId('train-phase').textContent();

/** Waits for the worker to be ready, presses Train, and waits for `minSteps` steps. */
export async function startTraining(page: Page, minSteps: number): Promise<void> {
  await expect
    .poll(() => phase(page), { timeout: 120_000 })
    .toMatch(/^Ready to train · backend: \w+/);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepsDone(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(minSteps);
}

/** A run record as IndexedDB holds it (the fields tests look at). */
export interface StoredRun {
  id: string;
  steps: number;
  epochs: number;
  status: string;
  activation: string;
}

/** The runs autosaved in IndexedDB, newest write first; empty while there are none. */
export const storedRuns = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<StoredRun[]>((resolve) => {
        const open = indexedDB.open('digit-lab');
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('runs')) return resolve([]);
          const all = db.transaction('runs').objectStore('runs').getAll();
          all.onerror = () => resolve([]);
          all.onsuccess = () => {
            type Raw = StoredRun & { savedAt: number; modelConfig: { activation: string } };
            const runs = (all.result as Raw[]).sort((a, b) => b.savedAt - a.savedAt);
            resolve(
              runs.map((r) => ({
                id: r.id,
                steps: r.steps,
                epochs: r.epochs,
                status: r.status,
                activation: r.modelConfig.activation,
              })),
            );
          };
        };
      }),
  );

/** The newest autosaved run's step count, or -1 while there is none. */
export const autosavedSteps = async (page: Page) => (await storedRuns(page))[0]?.steps ?? -1;
