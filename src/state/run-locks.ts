// Which tab owns which run, through Web Locks: a tab holds `digit-lab:run:<id>` while it writes
// that run, and the browser frees the lock when the tab closes or reloads. A tab that cannot get a
// run's lock (a duplicated tab, another tab still training it) never writes that run.

const PREFIX = 'digit-lab:run:';

/** Frees a held run lock. */
export type Release = () => void;

/**
 * Takes the lock of run `id`, waiting up to `waitMs` for a tab that is going away (a reload) to
 * free it. Resolves with its release, or null when another tab holds it. Without Web Locks every
 * run counts as this tab's.
 */
export function claimRun(id: string, waitMs = 0): Promise<Release | null> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return Promise.resolve(() => {});
  return new Promise((resolve) => {
    let free: () => void = () => {};
    const held = new Promise<void>((r) => (free = r));
    const options: LockOptions =
      waitMs > 0 ? { signal: AbortSignal.timeout(waitMs) } : { ifAvailable: true };
    locks
      .request(PREFIX + id, options, (lock) => {
        if (!lock) {
          resolve(null);
          return;
        }
        resolve(free);
        return held;
      })
      .catch(() => resolve(null)); // timed out: another tab has it
  });
}

/** Ids of runs some tab (this one included) holds right now. */
export async function heldRuns(): Promise<Set<string>> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return new Set();
  try {
    const { held = [] } = await locks.query();
    return new Set(
      held.flatMap((l) => (l.name?.startsWith(PREFIX) ? [l.name.slice(PREFIX.length)] : [])),
    );
  } catch {
    return new Set();
  }
}
