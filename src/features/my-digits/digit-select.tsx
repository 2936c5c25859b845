import { useI18n } from '../../i18n/use-i18n';

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** A drop-down of the digits 0–9, with a visible label or (on every tile of a grid) a named one. */
export function DigitSelect(props: {
  label: string;
  value: number;
  onChange: (digit: number) => void;
  id: string;
  /** Name the select without a visible label (a grid tile). */
  hideLabel?: boolean;
}) {
  const { num } = useI18n();
  const select = (
    <select
      id={props.id}
      value={props.value}
      aria-label={props.hideLabel ? props.label : undefined}
      onChange={(e) => props.onChange(Number(e.target.value))}
    >
      {DIGITS.map((d) => (
        <option key={d} value={d}>
          {num(d)}
        </option>
      ))}
    </select>
  );
  if (props.hideLabel) return select;
  return (
    <span className="digit-select">
      <label htmlFor={props.id}>{props.label}</label> {select}
    </span>
  );
}
