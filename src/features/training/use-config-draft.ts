import { useCallback, useEffect, useRef, useState } from 'react';
import {
  parseConfigQuery,
  serializeConfigQuery,
  validateDraft,
  type ConfigDraft,
} from '../../ml/config-query';
import { readHash, replaceHashQuery } from '../../state/url';

/** The form's settings, and a link's settings held back while a run goes on. */
interface DraftState {
  draft: ConfigDraft;
  held: ConfigDraft | null;
}

/**
 * The settings as typed, read from and written to the URL hash (`#/train?epochs=2&lr=0.001`).
 * A link followed inside the open tab sets the form to its settings; during a run (`busy`, also
 * while paused) the form keeps the run's settings and the link's are `held` until the run ends.
 */
export function useConfigDraft(busy: boolean) {
  const [state, setState] = useState<DraftState>(() => ({
    draft: parseConfigQuery(readHash().query),
    held: null,
  }));
  const busyRef = useRef(busy);
  useEffect(() => {
    busyRef.current = busy;
  }, [busy]);
  useEffect(() => {
    const onHash = () => {
      const { route, query } = readHash();
      if (route !== 'train') return;
      const next = parseConfigQuery(query);
      setState((prev) =>
        busyRef.current ? { draft: prev.draft, held: next } : { draft: next, held: null },
      );
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // Once the run has ended, a held link's settings become the form's (set during render, so
  // the form never shows the old ones for a frame).
  if (!busy && state.held) setState({ draft: state.held, held: null });
  const draft = !busy && state.held ? state.held : state.draft;
  const held = busy ? state.held : null;
  const setField = useCallback((field: keyof ConfigDraft, value: string) => {
    setState((prev) => {
      const next = { ...(prev.held ?? prev.draft), [field]: value };
      replaceHashQuery(serializeConfigQuery(next), 'train');
      return { draft: next, held: null };
    });
  }, []);
  return { draft, held, setField, result: validateDraft(draft) };
}
