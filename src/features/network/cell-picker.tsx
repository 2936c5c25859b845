import { useI18n } from '../../i18n/use-i18n';

/** Row and column inputs for a position in a `side × side` map. */
export function CellPicker(props: {
  side: number;
  row: number;
  col: number;
  onChange: (cell: { row: number; col: number }) => void;
}) {
  const { side, row, col, onChange } = props;
  const { t } = useI18n();
  const clamp = (v: number) =>
    Number.isFinite(v) ? Math.min(side - 1, Math.max(0, Math.round(v))) : 0;
  return (
    <div className="toolbar cell-picker">
      <label>
        {t('overview.row')}{' '}
        <input
          type="number"
          min={0}
          max={side - 1}
          value={row}
          onChange={(e) => onChange({ row: clamp(Number(e.target.value)), col })}
        />
      </label>
      <label>
        {t('overview.col')}{' '}
        <input
          type="number"
          min={0}
          max={side - 1}
          value={col}
          onChange={(e) => onChange({ row, col: clamp(Number(e.target.value)) })}
        />
      </label>
    </div>
  );
}
