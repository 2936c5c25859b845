import { useI18n } from '../../i18n/use-i18n';

/** Previous / next buttons and a page number field. */
export function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (p: number) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="pager">
      <button type="button" onClick={() => onPage(page - 1)} disabled={page === 0}>
        ‹ {t('dataset.prev')}
      </button>
      <label>
        {t('dataset.page')}{' '}
        <input
          type="number"
          aria-label={t('dataset.page')}
          min={1}
          max={pages}
          value={page + 1}
          onChange={(e) => {
            const p = Math.round(Number(e.target.value)) - 1;
            if (Number.isFinite(p)) onPage(Math.min(pages - 1, Math.max(0, p)));
          }}
        />{' '}
        {t('dataset.pageOf', { pages })}
      </label>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages - 1}>
        {t('dataset.next')} ›
      </button>
    </div>
  );
}
