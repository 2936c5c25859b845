import { useCallback, useEffect, useState } from 'react';
import {
  parseConfigQuery,
  serializeConfigQuery,
  validateDraft,
  type ConfigDraft,
} from '../../ml/config-query';
import { readHash, replaceHashQuery } from '../../state/url';

/** The settings as typed, read from and written to the URL hash (`#/train?epochs=2&lr=0.001`). */
export function useConfigDraft() {
  const [draft, setDraftState] = useState<ConfigDraft>(() => parseConfigQuery(readHash().query));
  // A link followed inside the open tab sets the form to the link's settings.
  useEffect(() => {
    const onHash = () => {
      const { route, query } = readHash();
      if (route === 'train') setDraftState(parseConfigQuery(query));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const setField = useCallback((field: keyof ConfigDraft, value: string) => {
    setDraftState((prev) => {
      const next = { ...prev, [field]: value };
      replaceHashQuery(serializeConfigQuery(next), 'train');
      return next;
    });
  }, []);
  return { draft, setField, result: validateDraft(draft) };
}
