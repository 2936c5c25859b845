import { useId } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import type { Overview } from '../../ml/explain/overview';
import type { MapRef } from './overview-refs';

/** The ten class scores (linear layer) and their softmax probabilities, each opening its reasons. */
export function ClassColumn(props: {
  overview: Overview;
  focus: MapRef | null;
  open: MapRef | null;
  onFocus: (ref: MapRef | null) => void;
  onOpen: (ref: MapRef) => void;
}) {
  const { overview, focus, open, onFocus, onOpen } = props;
  const { t, num } = useI18n();
  const pct = (p: number) => `${num(p * 100, 1)}%`;
  const id = useId();
  return (
    <ol className="overview-classes" aria-label={t('overview.scores')}>
      {Array.from(overview.probabilities, (p, d) => {
        const ref = { layer: 'class', index: d } as const;
        const score = num(overview.logits[d], 2);
        return (
          <li key={d} className={d === overview.digit ? 'top' : undefined}>
            <button
              type="button"
              aria-pressed={open?.layer === 'class' && open.index === d}
              aria-describedby={`${id}-${d}`}
              className={focus?.layer === 'class' && focus.index === d ? 'is-focus' : undefined}
              onMouseEnter={() => onFocus(ref)}
              onMouseLeave={() => onFocus(null)}
              onFocus={() => onFocus(ref)}
              onBlur={() => onFocus(null)}
              onClick={() => onOpen(ref)}
            >
              <span className="class-digit">{d}</span>{' '}
              <span className="class-score" data-testid="class-score">
                {score}
              </span>{' '}
              <span className="class-bar" aria-hidden="true">
                <span style={{ width: `${p * 100}%` }} />
              </span>{' '}
              <span className="class-p" data-testid="class-p">
                {pct(p)}
              </span>
              <span id={`${id}-${d}`} hidden>
                {t('overview.class', { digit: d, score, p: pct(p) })}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
