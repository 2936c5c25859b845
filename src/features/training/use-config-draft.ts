import { useCallback, useState } from 'react';
import {
  parseConfigQuery,
  serializeConfigQuery,
  validateDraft,
  type ConfigDraft,
} from '../../ml/config-query';

function hashQuery(): string {
  const i = location.hash.indexOf('?');
  return i < 0 ? '' : location.hash.slice(i + 1);
}

/** The settings as typed, read from and written to the URL hash (`#/train?epochs=2&lr=0.001`). */
export function useConfigDraft() {
  const [draft, setDraftState] = useState<ConfigDraft>(() => parseConfigQuery(hashQuery()));
  const setField = useCallback((field: keyof ConfigDraft, value: string) => {
    setDraftState((prev) => {
      const next = { ...prev, [field]: value };
      const route = location.hash.split('?')[0] || '#/train';
      // replaceState changes the link without a hashchange, so the panel is not re-routed.
      history.replaceState(null, '', `${route}?${serializeConfigQuery(next)}`);
      return next;
    });
  }, []);
  return { draft, setField, result: validateDraft(draft) };
}
