import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { format, MESSAGES, type Language } from '../../src/i18n/messages';
import { launchBrowser, openApp, pageErrors, screenshot } from './browser';
import {
  axeScan,
  chartTabStops,
  faintLegendTexts,
  hiddenUnderStatusBar,
  openPanel,
  severe,
  sidewaysOverflow,
  type Violation,
} from './page-checks';
import { phase, stepsDone } from './train-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Every panel, as the README lists them. */
const ROUTES = [
  'guide',
  'dataset',
  'model',
  'train',
  'draw',
  'my-digits',
  'network',
  'conv-lab',
  'concepts',
  'evaluate',
  'models',
  'experiments',
] as const;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** Phone screenshots for the README (SCREENSHOTS=1), taken with this element at the top. */
const PHONE_SHOTS: Partial<Record<(typeof ROUTES)[number], string>> = {
  dataset: '.toolbar',
  evaluate: '#confusion-heading',
  network: '.overview',
};

const evaluateButton = (page: Page, lang: Language) =>
  page.getByRole('button', {
    name: format(MESSAGES[lang]['evaluate.run'], { n: (10_000).toLocaleString(lang) }),
  });

/** The focused element's role and name, e.g. "BUTTON Pause", or "BODY". */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'none';
    return `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent ?? ''}`.trim();
  });

interface PanelReport {
  route: string;
  axe: Violation[];
  faintLegends: string[];
  chartTabStops: number;
  overflow: number;
  hiddenPhone: number;
  hiddenDesktop: number;
}

async function checkEveryPanel(lang: Language): Promise<void> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'en' });
  const page = await openApp(browser, '#/dataset', 'en', { context });
  if (lang !== 'en') {
    // The header's language button, as a user switches; the choice is kept for the next visit.
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
  }
  // Neither language button wraps its name onto a second line on a phone (a flex row gives both
  // the same height, so count the lines the text itself is laid out on).
  const languages = page.getByRole('group', { name: MESSAGES[lang]['app.language'] });
  await languages.waitFor();
  const lines = await languages.getByRole('button').evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );
  expect(lines).toEqual([1, 1]);
  const reports: PanelReport[] = [];
  for (const route of ROUTES) {
    await openPanel(page, route, lang);
    if (route === 'evaluate') {
      // The matrix and the per-digit table are the widest things on the page: show them.
      await evaluateButton(page, lang).click();
      await page.getByTestId('eval-summary').waitFor();
    }
    const shot = PHONE_SHOTS[route];
    if (shot && lang === 'en') {
      await page
        .locator(shot)
        .first()
        .evaluate((el) => el.scrollIntoView());
      await screenshot(page, `phone-${route}`);
    }
    reports.push({
      route,
      axe: await axeScan(page),
      faintLegends: await faintLegendTexts(page),
      chartTabStops: await chartTabStops(page),
      overflow: await sidewaysOverflow(page),
      hiddenPhone: await hiddenUnderStatusBar(page),
      hiddenDesktop: NaN,
    });
  }
  // The status bar is fixed on wide screens: the same panels at 1280×900.
  await page.setViewportSize(DESKTOP);
  for (const report of reports) {
    await openPanel(page, report.route, lang);
    report.hiddenDesktop = await hiddenUnderStatusBar(page);
  }
  for (const r of reports) {
    const counts = r.axe.map((v) => `${v.id}(${v.impact}×${v.nodes})`).join(' ') || 'none';
    console.log(
      `[a11y] ${lang} #/${r.route}: axe ${severe(r.axe).length} serious+critical of ` +
        `${r.axe.length} rules [${counts}] · faint legends: ${r.faintLegends.join(', ') || 'none'} · chart Tab stops: ${r.chartTabStops} · sideways overflow at 390 px: ${r.overflow} px · ` +
        `below the status bar's top: ${r.hiddenPhone} px at 390, ${r.hiddenDesktop} px at 1280`,
    );
  }
  // All panels are checked before any assertion, so one run reports every problem at once.
  expect(reports.map((r) => ({ route: r.route, severe: severe(r.axe) }))).toEqual(
    reports.map((r) => ({ route: r.route, severe: [] })),
  );
  expect(reports.flatMap((r) => r.faintLegends)).toEqual([]);
  expect(reports.filter((r) => r.chartTabStops > 0).map((r) => r.route)).toEqual([]);
  expect(reports.filter((r) => r.overflow > 0).map((r) => [r.route, r.overflow])).toEqual([]);
  expect(
    reports.filter((r) => r.hiddenPhone > 0 || r.hiddenDesktop > 0).map((r) => r.route),
  ).toEqual([]);
  expect(pageErrors(page)).toEqual([]);
  await context.close();
}

it('every panel in English: no serious axe violations, fits 390 px, nothing under the bar', () =>
  checkEveryPanel('en'));

it('every panel in Chinese: no serious axe violations, fits 390 px, nothing under the bar', () =>
  checkEveryPanel('zh-CN'));

it('trains, pauses, resumes and stops from the keyboard, focus staying on the controls', async () => {
  const page = await openApp(browser, '#/train?epochs=3&batch=50&lr=0.001&opt=adam&seed=1');
  await expect
    .poll(() => phase(page), { timeout: 120_000 })
    .toMatch(/^Ready to train · backend: \w+/);
  await page.getByRole('button', { name: 'Train', exact: true }).focus();
  await page.keyboard.press('Enter');
  // Train is disabled while the run goes: the control that takes its place gets the focus.
  await expect.poll(() => focused(page)).toBe('BUTTON Pause');
  await expect.poll(() => stepsDone(page)).toBeGreaterThanOrEqual(1);
  await page.keyboard.press('Enter');
  await expect.poll(() => phase(page)).toMatch(/^Paused/);
  await expect.poll(() => focused(page)).toBe('BUTTON Resume');
  const held = await stepsDone(page);
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('BUTTON Pause');
  await expect.poll(() => stepsDone(page)).toBeGreaterThan(held);
  // Tab passes the disabled Resume on its way to Stop.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('BUTTON Stop');
  await page.keyboard.press('Enter');
  await expect.poll(() => phase(page)).toMatch(/^Stopped/);
  await expect.poll(() => focused(page)).toBe('BUTTON Continue training');
  // The charts are pictures with a summary, not unnamed Tab stops.
  const loss = page.getByRole('img', { name: /^Training loss/ });
  expect(await loss.getAttribute('aria-label')).toMatch(/step \d+/);
  expect(await page.locator('main svg[tabindex]').count()).toBe(0);
  expect(pageErrors(page)).toEqual([]);
});

it('opens a confusion-matrix cell with arrow keys and Enter; the matrix is one Tab stop', async () => {
  const page = await openApp(browser, '#/evaluate');
  const run = evaluateButton(page, 'en');
  await run.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('eval-summary').waitFor();
  // Evaluate was disabled while it ran (the focus meanwhile on Cancel): the focus is back on it.
  await expect.poll(() => focused(page)).toBe('BUTTON Evaluate all 10,000 test images');
  const matrix = page.getByRole('grid', { name: 'Confusion matrix' });
  const counts = await matrix
    .getByRole('button')
    .evaluateAll((els) => els.map((e) => Number(e.textContent!.replace(/\D/g, ''))));
  expect(counts).toHaveLength(100);
  // The busiest cell of true digit 7.
  const row7 = counts.slice(70, 80);
  const p = row7.indexOf(Math.max(...row7));

  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatch(/^BUTTON \d+ images of 0 predicted as 0$/);
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < p; i++) await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toBe(`BUTTON ${row7[p]} images of 7 predicted as ${p}`);
  await page.keyboard.press('Enter');
  const gallery = page.getByRole('list', { name: new RegExp(`^Images of 7 predicted as ${p}`) });
  await expect.poll(() => gallery.getByRole('img').count()).toBe(Math.min(100, row7[p]));
  // One Tab leaves the matrix, Shift+Tab comes back to the same cell.
  await page.keyboard.press('Tab');
  expect(await focused(page)).not.toMatch(/ images of /);
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toBe(`BUTTON ${row7[p]} images of 7 predicted as ${p}`);
  expect(pageErrors(page)).toEqual([]);
});
