import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { MESSAGES, type Language } from '../../src/i18n/messages';

/** One axe rule that failed, with how many elements failed it and a few of them. */
export interface Violation {
  id: string;
  impact: string;
  nodes: number;
  targets: string[];
}

/**
 * Runs axe-core on the whole page. Its source is evaluated through the DevTools protocol, which
 * the app's Content-Security-Policy (script-src 'self') does not govern, unlike a script tag.
 */
export async function axeScan(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const result = await run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'none',
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
}

/** The violations a user would hit hard: axe's serious and critical ones. */
export const severe = (violations: Violation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** How many pixels the page is wider than the viewport (0 when nothing overflows sideways). */
export const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));

/**
 * Scrolls to the very bottom and returns how far the lowest visible thing in <main> reaches below
 * the status bar's top edge (≤ 0 when nothing is hidden under the bar). Elements inside a
 * scrolling box count only up to that box's own edge.
 */
export const hiddenUnderStatusBar = (page: Page) =>
  page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    const main = document.querySelector('main')!;
    const bar = document.querySelector('.status-bar')!.getBoundingClientRect();
    let lowest = -Infinity;
    for (const el of main.querySelectorAll('*')) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      let bottom = el.getBoundingClientRect().bottom;
      for (let up = el.parentElement; up && up !== main; up = up.parentElement) {
        if (getComputedStyle(up).overflowY !== 'visible')
          bottom = Math.min(bottom, up.getBoundingClientRect().bottom);
      }
      if (el.getBoundingClientRect().height > 0) lowest = Math.max(lowest, bottom);
    }
    return Math.ceil(lowest - bar.top);
  });

/**
 * Chart legend texts (recharts) whose colour on white stays under WCAG AA's 4.5:1, with their
 * ratios. axe leaves these undecided (the text sits over the chart's SVG), so they are checked here.
 */
export const faintLegendTexts = (page: Page) =>
  page.locator('.recharts-legend-item-text').evaluateAll((els) => {
    const lum = (c: string) => {
      const [r, g, b] = (c.match(/[\d.]+/g) ?? []).map(Number).map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    return els
      .map((el) => {
        // The colour the text is painted in: that of its innermost element.
        const painted = [...el.querySelectorAll('*')].at(-1) ?? el;
        return {
          text: el.textContent ?? '',
          ratio: 1.05 / (lum(getComputedStyle(painted).color) + 0.05),
        };
      })
      .filter((l) => l.ratio < 4.5)
      .map((l) => `${l.text} ${l.ratio.toFixed(2)}:1`);
  });

/** Charts in the Tab order (recharts' keyboard layer): each one is a stop with no name. */
export const chartTabStops = (page: Page) =>
  page.locator('main svg[tabindex]:not([tabindex="-1"])').count();

/** What each panel shows while something it needs is still loading, in `lang`. */
const loadingTexts = (lang: Language) =>
  (
    [
      'data.loading',
      'conv.image.loading',
      'draw.waiting',
      'network.dataLoading',
      'train.phase.loading',
      'my.loading',
    ] as const
  ).map((key) => MESSAGES[lang][key]);

/** Opens a panel through its tab and waits until it has shown its heading and finished loading. */
export async function openPanel(page: Page, route: string, lang: Language): Promise<void> {
  const tab = page.locator(`nav a[href="#/${route}"]`);
  await tab.click();
  // The tab and the panel change in one render: once the tab is current, so is the panel.
  await expect.poll(() => tab.getAttribute('aria-current')).toBe('page');
  await page.locator('main h2').first().waitFor();
  const waiting = loadingTexts(lang);
  await expect
    .poll(async () => {
      const text = await page.locator('main').innerText();
      return waiting.filter((w) => text.includes(w));
    })
    .toEqual([]);
}
