import type { RunSort, RunSortKey } from '../../ml/experiments/sort-runs';

/** A sortable column header: a button inside a `th` that carries `aria-sort`. */
export function SortHeader(props: {
  column: RunSortKey;
  label: string;
  sort: RunSort;
  onSort: (key: RunSortKey) => void;
}) {
  const active = props.sort.key === props.column;
  const arrow = active ? (props.sort.direction === 'ascending' ? ' ▲' : ' ▼') : '';
  return (
    <th scope="col" aria-sort={active ? props.sort.direction : 'none'}>
      <button type="button" className="sort" onClick={() => props.onSort(props.column)}>
        {props.label}
        <span aria-hidden="true">{arrow}</span>
      </button>
    </th>
  );
}
