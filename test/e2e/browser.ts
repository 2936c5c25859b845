import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium, or the one named by CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, offline, headless Chromium. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium with a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** How to open the app: in an existing context (another tab), and what to do before it loads. */
export interface OpenOptions {
  context?: BrowserContext;
  /** Runs on the new page before the app loads (init scripts, a fake clock). */
  beforeLoad?: (page: Page) => Promise<unknown>;
}

/**
 * Opens the app at a route (e.g. '#/train', or '?backend=webgl#/draw') and records every page error,
 * console error and Content-Security-Policy violation, for `pageErrors`.
 */
export async function openApp(
  browser: Browser,
  hash = '',
  lang = 'en',
  options: OpenOptions = {},
): Promise<Page> {
  const context =
    options.context ??
    (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang }));
  // Clicks and file inputs wait for the page, however busy the machine (a hang still fails).
  context.setDefaultTimeout(180_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  (page as Page & { appErrors: string[] }).appErrors = errors;
  await options.beforeLoad?.(page);
  await page.goto(`${inject('baseUrl')}${hash}`);
  return page;
}

/** Errors the page logged since it was opened. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { appErrors?: string[] }).appErrors ?? [];
}

/** Saves a screenshot into docs/screenshots when SCREENSHOTS=1 (used for the README). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}
