import { useRef, useState, type KeyboardEvent } from 'react';
import type { Rgb } from '../../components/colormap';
import { cssRgb, mixRgb, textOn, WHITE } from '../../components/contrast';
import { useI18n } from '../../i18n/use-i18n';

const DIAGONAL: Rgb = [0x1d, 0x4e, 0xd8];
const MISTAKE: Rgb = [0xb9, 0x1c, 0x1c];

/** Background for a count: white for 0, deepening blue (diagonal) or red (mistakes) with the count. */
function cellColour(count: number, max: number, diagonal: boolean): Rgb {
  if (count === 0) return WHITE;
  // A square root keeps a few mistakes visible beside a diagonal of a thousand.
  return mixRgb(WHITE, diagonal ? DIAGONAL : MISTAKE, 0.08 + 0.92 * Math.sqrt(count / max));
}

/** Where an arrow, Home or End key moves from (row, col) in a 10×10 grid; null for other keys. */
function moveBy(key: string, row: number, col: number, ctrl: boolean): [number, number] | null {
  const last = 9;
  switch (key) {
    case 'ArrowUp':
      return [Math.max(0, row - 1), col];
    case 'ArrowDown':
      return [Math.min(last, row + 1), col];
    case 'ArrowLeft':
      return [row, Math.max(0, col - 1)];
    case 'ArrowRight':
      return [row, Math.min(last, col + 1)];
    case 'Home':
      return ctrl ? [0, 0] : [row, 0];
    case 'End':
      return ctrl ? [last, last] : [row, last];
    default:
      return null;
  }
}

/**
 * A 10×10 confusion matrix (rows true, columns predicted); each cell is a button opening its images.
 * It is one Tab stop (the WAI-ARIA grid pattern): arrow keys, Home and End move between cells,
 * Enter or Space opens one.
 */
export function ConfusionMatrix(props: {
  matrix: number[][];
  selected: [number, number] | null;
  onSelect: (label: number, predicted: number) => void;
  labelledBy: string;
}) {
  const { matrix, selected, onSelect, labelledBy } = props;
  const { t, num } = useI18n();
  const max = Math.max(1, ...matrix.flat());
  // The one cell in the Tab order: the last one the keyboard or a click reached.
  const [active, setActive] = useState<[number, number]>(selected ?? [0, 0]);
  const cells = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const to = moveBy(e.key, active[0], active[1], e.ctrlKey);
    if (!to) return;
    e.preventDefault();
    setActive(to);
    cells.current[to[0] * 10 + to[1]]?.focus();
  };
  return (
    <div className="confusion-scroll">
      <table
        className="confusion"
        role="grid"
        aria-labelledby={labelledBy}
        aria-describedby="confusion-help"
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr>
            <th scope="col">
              {t('evaluate.trueDigit')} ↓ / {t('evaluate.predictedDigit')} →
            </th>
            {matrix.map((_, p) => (
              <th key={p} scope="col">
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((row, label) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {row.map((n, p) => {
                const background = cellColour(n, max, label === p);
                const isActive = active[0] === label && active[1] === p;
                return (
                  <td key={p}>
                    {/* An empty cell stays focusable (aria-disabled) so the arrow keys can cross it. */}
                    <button
                      ref={(el) => {
                        cells.current[label * 10 + p] = el;
                      }}
                      type="button"
                      tabIndex={isActive ? 0 : -1}
                      aria-pressed={selected?.[0] === label && selected[1] === p}
                      aria-disabled={n === 0 || undefined}
                      aria-label={t('evaluate.cell', { n, label, predicted: p })}
                      style={{
                        background: cssRgb(background),
                        color: n === 0 ? undefined : textOn(background),
                      }}
                      onFocus={() => setActive([label, p])}
                      onClick={() => n > 0 && onSelect(label, p)}
                    >
                      {num(n)}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
