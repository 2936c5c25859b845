import { useMemo, useState } from 'react';
import { classCounts, indicesOf, type MnistData, type SplitName } from '../../ml/mnist/dataset';
import { useI18n } from '../../i18n/use-i18n';
import { ClassChart } from './class-chart';
import { ImageDetail } from './image-detail';
import { ImageGrid } from './image-grid';
import { Pager } from './pager';

const PAGE_SIZE = 100;

/** Browse MNIST: split, digit filter, pages of images, one image in detail, class counts. */
export function DatasetPanel({ data }: { data: MnistData }) {
  const { t, num } = useI18n();
  const [splitName, setSplitName] = useState<SplitName>('train');
  const [digit, setDigit] = useState<number | null>(null);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<number | null>(0);
  const split = data[splitName];
  const indices = useMemo(() => indicesOf(split, digit), [split, digit]);
  const counts = useMemo(() => classCounts(split), [split]);
  const pages = Math.max(1, Math.ceil(indices.length / PAGE_SIZE));
  const shown = indices.subarray(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  const chooseSplit = (name: SplitName) => {
    setSplitName(name);
    setPage(0);
    setSelected(0);
  };
  const chooseDigit = (d: number | null) => {
    setDigit(d);
    setPage(0);
    setSelected(null);
  };

  return (
    <section className="panel" aria-labelledby="dataset-heading">
      <h2 id="dataset-heading">{t('dataset.heading')}</h2>
      <p>{t('dataset.intro')}</p>
      <p className="counts" data-testid="dataset-counts">
        {t('dataset.counts', { train: num(data.train.count), test: num(data.test.count) })}
      </p>
      <div className="toolbar">
        <fieldset className="segmented">
          <legend>{t('dataset.split')}</legend>
          {(['train', 'test'] as const).map((name) => (
            <label key={name}>
              <input
                type="radio"
                name="split"
                checked={splitName === name}
                onChange={() => chooseSplit(name)}
              />
              {t(`dataset.split.${name}`, { n: num(data[name].count) })}
            </label>
          ))}
        </fieldset>
        <label>
          {t('dataset.filter')}{' '}
          <select
            aria-label={t('dataset.filter')}
            value={digit ?? 'all'}
            onChange={(e) => chooseDigit(e.target.value === 'all' ? null : Number(e.target.value))}
          >
            <option value="all">{t('dataset.filter.all')}</option>
            {counts.map((_, d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="dataset-layout">
        <div>
          <Pager page={page} pages={pages} onPage={setPage} />
          <p aria-live="polite">
            {t('dataset.showing', {
              from: num(page * PAGE_SIZE + (shown.length ? 1 : 0)),
              to: num(page * PAGE_SIZE + shown.length),
              total: num(indices.length),
            })}
          </p>
          <ImageGrid split={split} indices={shown} selected={selected} onSelect={setSelected} />
        </div>
        <div>
          {selected === null ? (
            <p>{t('dataset.pickOne')}</p>
          ) : (
            <ImageDetail split={split} splitName={splitName} index={selected} />
          )}
          <ClassChart counts={counts} />
        </div>
      </div>
    </section>
  );
}
