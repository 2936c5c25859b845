import { useEffect } from 'react';

/**
 * While `active`, leaving the page (reload, close, navigate away) asks first: the browser shows
 * its own "Leave site?" prompt, since pages may no longer word it.
 */
export function useLeaveGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ''; // older browsers show the prompt only when this is set
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);
}
