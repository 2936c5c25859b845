import { newRunIdentity, type RunIdentity } from '../ml/storage/runs';

/**
 * What happened to the tab's current model: a run from scratch, Continue, an upload, or the model
 * was replaced by one from storage or reset (`replace`).
 */
export type SlotEvent =
  | { type: 'train' }
  | { type: 'continue'; parentId: string | null }
  /** Goes on from the current model in a record of its own (the tab's run, if any, is the parent). */
  | { type: 'branch'; parentId: string | null }
  | { type: 'upload' }
  | { type: 'replace' };

/**
 * The run record the tab's autosaves go to after `event`, or null for none. Each run from scratch
 * and each upload get a record of their own, so nothing earlier is overwritten; Continue goes on in
 * the tab's record when the model is still that record's, else starts one that names its parent.
 */
export function nextSlot(
  slot: RunIdentity | null,
  event: SlotEvent,
  make: typeof newRunIdentity = newRunIdentity,
): RunIdentity | null {
  switch (event.type) {
    case 'train':
      return make('train');
    case 'continue':
      return slot ?? make('continue', event.parentId);
    case 'branch':
      return make('continue', slot?.id ?? event.parentId);
    case 'upload':
      return make('upload');
    case 'replace':
      return null;
  }
}
