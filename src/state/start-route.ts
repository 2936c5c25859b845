import { readSetting, writeSetting } from './site-storage';

// Where a visit without a route in its address begins: the guided path the first time, then the
// panel the learner was on when they left.

const KEY = 'digit-lab.last-route';

/** The route of the guided path, the first screen of a first visit. */
export const GUIDE_ROUTE = 'guide';

/** The route to open when the address names none: the last one visited, else the guide. */
export function startRoute(known: readonly string[]): string {
  const last = readSetting(KEY);
  return last && known.includes(last) ? last : GUIDE_ROUTE;
}

/** Remembers the panel being shown, for the next visit; silently skipped when storage is blocked. */
export function rememberRoute(route: string): void {
  writeSetting(KEY, route);
}
