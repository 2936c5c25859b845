import { useEffect, useState } from 'react';

/** The panel id in the URL hash (`#/train` → 'train'), or `fallback` when none. */
export function useHashRoute<T extends string>(ids: readonly T[], fallback: T): T {
  const read = (): T => {
    const id = location.hash.replace(/^#\/?/, '').split('?')[0];
    return (ids as readonly string[]).includes(id) ? (id as T) : fallback;
  };
  const [route, setRoute] = useState<T>(read);
  useEffect(() => {
    const onHash = () => setRoute(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ids is a constant list
  }, []);
  return route;
}
