import { useState } from 'react';
import { GrayCanvas } from '../../components/gray-canvas';
import { squareImage } from '../../ml/image';
import type { MyDigit } from '../../ml/my-digits/set';
import { useI18n } from '../../i18n/use-i18n';
import { DigitSelect } from './digit-select';
import type { MyDigitsStore } from './use-my-digits';

/** Tiles shown at once for one digit; the rest behind "Show all", so 2,000 images stay light. */
const FIRST_TILES = 48;

/** The collected images grouped by label, with counts; each tile can be relabelled or deleted. */
export function DigitGrid(props: { store: MyDigitsStore; digits: MyDigit[]; counts: number[] }) {
  const { store, digits, counts } = props;
  const { t, num } = useI18n();
  const [digit, setDigit] = useState<number | null>(null);
  const [all, setAll] = useState(false);
  const shown = digit === null ? digits : digits.filter((d) => d.label === digit);
  // Newest first: the digit just drawn is the one to check.
  const tiles = (all ? shown : shown.slice(-FIRST_TILES)).slice().reverse();
  return (
    <section aria-labelledby="my-grid-heading">
      <h3 id="my-grid-heading">{t('my.grid', { n: num(digits.length) })}</h3>
      <div className="my-counts" role="group" aria-label={t('my.counts')}>
        <button type="button" aria-pressed={digit === null} onClick={() => setDigit(null)}>
          {t('my.allDigits', { n: num(digits.length) })}
        </button>
        {counts.map((n, d) => (
          <button
            key={d}
            type="button"
            aria-pressed={digit === d}
            data-testid={`my-count-${d}`}
            onClick={() => setDigit(d)}
          >
            {t('my.countOf', { digit: num(d), n: num(n) })}
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="hint">{t('my.none')}</p>
      ) : (
        <>
          {shown.length > tiles.length && (
            <p className="hint">
              {t('my.newest', { shown: num(tiles.length), n: num(shown.length) })}{' '}
              <button type="button" onClick={() => setAll(true)}>
                {t('my.showAll')}
              </button>
            </p>
          )}
          <ul className="my-tiles">
            {tiles.map((d) => (
              <li key={d.id} className="my-tile" data-testid="my-tile">
                <GrayCanvas
                  image={squareImage(d.pixels)}
                  range={[0, 255]}
                  size={56}
                  label={t('my.tile', { digit: num(d.label) })}
                />
                <DigitSelect
                  id={`my-relabel-${d.id}`}
                  label={t('my.relabel', { digit: num(d.label) })}
                  value={d.label}
                  onChange={(label) => void store.relabel(d.id, label)}
                  hideLabel
                />
                <button
                  type="button"
                  aria-label={t('my.delete', { digit: num(d.label) })}
                  onClick={() => void store.remove([d.id])}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
