// localStorage and sessionStorage, read and written without ever throwing: a browser that blocks
// site data throws a SecurityError on the first touch of either, and the app must still run.

type Area = 'localStorage' | 'sessionStorage';

function area(name: Area): Storage | null {
  try {
    return window[name];
  } catch {
    return null;
  }
}

function read(name: Area, key: string): string | null {
  try {
    return area(name)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(name: Area, key: string, value: string | null): boolean {
  try {
    const s = area(name);
    if (!s) return false;
    if (value === null) s.removeItem(key);
    else s.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** A saved setting (kept across visits), or null when absent or unreadable. */
export const readSetting = (key: string) => read('localStorage', key);
/** Saves a setting; false when the browser refuses. */
export const writeSetting = (key: string, value: string) => write('localStorage', key, value);
/** A value kept by this tab only (it survives reloads of the tab), or null. */
export const readTabValue = (key: string) => read('sessionStorage', key);
/** Keeps (or with null, forgets) a value for this tab; false when the browser refuses. */
export const writeTabValue = (key: string, value: string | null) =>
  write('sessionStorage', key, value);

/** True when this page may not use localStorage (site data blocked): settings will not be kept. */
export function settingsBlocked(): boolean {
  const probe = 'digit-lab.probe';
  if (!write('localStorage', probe, '1')) return true;
  write('localStorage', probe, null);
  return false;
}
