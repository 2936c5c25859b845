import { useI18n } from '../../i18n/use-i18n';

/** Background for a count: white for 0, deepening blue (diagonal) or red (mistakes) with the count. */
function cellColour(count: number, max: number, diagonal: boolean): string {
  if (count === 0) return '#fff';
  // A square root keeps a few mistakes visible beside a diagonal of a thousand.
  const t = Math.sqrt(count / max);
  const hue = diagonal ? 217 : 0;
  return `hsl(${hue} 85% ${Math.round(96 - 50 * t)}%)`;
}

/** A 10×10 confusion matrix (rows true, columns predicted); each cell is a button opening its images. */
export function ConfusionMatrix(props: {
  matrix: number[][];
  selected: [number, number] | null;
  onSelect: (label: number, predicted: number) => void;
}) {
  const { matrix, selected, onSelect } = props;
  const { t, num } = useI18n();
  const max = Math.max(1, ...matrix.flat());
  return (
    <table className="confusion" aria-describedby="confusion-help">
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
              const strong = Math.sqrt(n / max) > 0.6;
              return (
                <td key={p}>
                  <button
                    type="button"
                    aria-pressed={selected?.[0] === label && selected[1] === p}
                    aria-label={t('evaluate.cell', { n, label, predicted: p })}
                    disabled={n === 0}
                    style={{
                      background: cellColour(n, max, label === p),
                      color: strong ? '#fff' : '#111827',
                    }}
                    onClick={() => onSelect(label, p)}
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
  );
}
