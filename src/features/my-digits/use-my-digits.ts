import { useCallback, useEffect, useState } from 'react';
import { MY_DIGITS_LIMIT, type MyDigit } from '../../ml/my-digits/set';
import {
  addMyDigits,
  deleteMyDigits,
  listMyDigits,
  relabelMyDigit,
} from '../../ml/storage/my-digits-db';

/** Why a change to the personal set did not happen: the set is full, or storage failed. */
export type MyDigitsProblem = { kind: 'full'; room: number } | { kind: 'storage'; error: unknown };

/** The personal set as stored in IndexedDB, and the changes the panel makes to it. */
export interface MyDigitsStore {
  /** Null while the first read is under way. */
  digits: MyDigit[] | null;
  problem: MyDigitsProblem | null;
  /** Adds images, all or none; false (with `problem` set) when they do not fit or storage fails. */
  add: (digits: MyDigit[]) => Promise<boolean>;
  relabel: (id: string, label: number) => Promise<void>;
  remove: (ids: string[]) => Promise<void>;
  clearProblem: () => void;
}

/**
 * Reads the personal set once and keeps the page's copy in step with every write: a change shows
 * only after IndexedDB has committed it, so what the grid shows is what a reload will show.
 */
export function useMyDigits(): MyDigitsStore {
  const [digits, setDigits] = useState<MyDigit[] | null>(null);
  const [problem, setProblem] = useState<MyDigitsProblem | null>(null);
  const reload = useCallback(async () => {
    try {
      setDigits(await listMyDigits());
    } catch (error) {
      setDigits((d) => d ?? []);
      setProblem({ kind: 'storage', error });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const add = useCallback(
    async (more: MyDigit[]) => {
      const held = digits?.length ?? 0;
      if (held + more.length > MY_DIGITS_LIMIT) {
        setProblem({ kind: 'full', room: Math.max(0, MY_DIGITS_LIMIT - held) });
        return false;
      }
      try {
        await addMyDigits(more);
        setProblem(null);
        await reload();
        return true;
      } catch (error) {
        setProblem({ kind: 'storage', error });
        await reload();
        return false;
      }
    },
    [digits, reload],
  );
  const change = useCallback(
    async (work: () => Promise<void>) => {
      try {
        await work();
        setProblem(null);
      } catch (error) {
        setProblem({ kind: 'storage', error });
      }
      await reload();
    },
    [reload],
  );
  const relabel = useCallback(
    (id: string, label: number) => change(() => relabelMyDigit(id, label)),
    [change],
  );
  const remove = useCallback((ids: string[]) => change(() => deleteMyDigits(ids)), [change]);
  const clearProblem = useCallback(() => setProblem(null), []);
  return { digits, problem, add, relabel, remove, clearProblem };
}
