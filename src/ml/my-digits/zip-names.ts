import { MAX_DIGIT } from '../mnist/idx';

/** Name of the CSV inside an exported zip that lists each PNG with its label. */
export const LABELS_CSV = 'labels.csv';

/** Path of image `index` (0-based) with `label` in an exported zip: one folder per digit. */
export function pngPath(label: number, index: number): string {
  return `${label}/${label}-${String(index + 1).padStart(4, '0')}.png`;
}

/** The labels.csv text for `paths` and their labels, with a header line. */
export function labelsCsv(rows: readonly { path: string; label: number }[]): string {
  return ['file,label', ...rows.map((r) => `${r.path},${r.label}`)].join('\n') + '\n';
}

const isDigit = (text: string) => /^[0-9]$/.test(text) && Number(text) <= MAX_DIGIT;

/** Labels by path from a labels.csv; lines that are not `path,digit` are left out. */
export function parseLabelsCsv(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const comma = line.lastIndexOf(',');
    if (comma <= 0) continue;
    const label = line.slice(comma + 1).trim();
    if (isDigit(label)) out.set(line.slice(0, comma).trim(), Number(label));
  }
  return out;
}

/**
 * The label a file's path names, or null: a folder named with one digit (`7/a.png`), or a file
 * name that starts with one digit and then a separator (`7-0001.png`, `7_me.jpg`, `7.png`).
 */
export function labelFromPath(path: string): number | null {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const folder = parts.at(-2);
  if (folder !== undefined && isDigit(folder)) return Number(folder);
  const match = /^([0-9])(?:[^0-9]|$)/.exec(parts.at(-1) ?? '');
  return match ? Number(match[1]) : null;
}
