import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunIdentity } from '../ml/storage/runs';
import { claimRun } from './run-locks';
import { nextSlot, type SlotEvent } from './run-slot';
import { writeTabValue } from './site-storage';
import { TAB_RUN_KEY } from './startup-restore';
import type { TrainerState } from './trainer-state';

/** The tab's run record and the ways it changes. */
export interface TabRun {
  /** The record this tab's autosaves go to, or null when the current model is not a run of its own. */
  slot: RunIdentity | null;
  /** Applies an event that does not come from the trainer (upload, load, restore). */
  change: (event: SlotEvent) => void;
  /** Makes `identity` the tab's run again (after a reload). */
  own: (identity: RunIdentity) => void;
}

/**
 * Follows the trainer's run requests (Train, Continue, Reset) to pick the tab's run record, holds
 * that run's Web Lock while it is the tab's, and remembers it in sessionStorage for a reload.
 * `parentId` is the run the current model came from, when it came from one.
 */
export function useTabRun(runRequest: TrainerState['runRequest'], parentId: string | null): TabRun {
  const [slot, setSlot] = useState<RunIdentity | null>(null);
  const change = useCallback((event: SlotEvent) => setSlot((s) => nextSlot(s, event)), []);
  const own = useCallback((identity: RunIdentity) => setSlot(identity), []);

  const parent = useRef(parentId);
  useEffect(() => {
    parent.current = parentId;
  });
  const seen = useRef(runRequest?.serial ?? 0);
  useEffect(() => {
    if (!runRequest || runRequest.serial === seen.current) return;
    seen.current = runRequest.serial;
    const { kind } = runRequest;
    change(
      kind === 'scratch'
        ? { type: 'train' }
        : kind === 'current'
          ? { type: 'continue', parentId: parent.current }
          : kind === 'branch'
            ? { type: 'branch', parentId: parent.current }
            : { type: 'replace' },
    );
  }, [runRequest, change]);

  const id = slot?.id ?? null;
  useEffect(() => {
    if (!id) return;
    writeTabValue(TAB_RUN_KEY, id);
    let release: (() => void) | null = null;
    let live = true;
    void claimRun(id).then((r) => {
      if (live) release = r;
      else r?.();
    });
    return () => {
      live = false;
      release?.();
    };
  }, [id]);

  return { slot, change, own };
}
