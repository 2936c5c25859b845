import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { AUTOSAVE_NAME, type SavedModelMeta } from '../../ml/storage/saved-models';
import { ConfirmDelete } from './confirm-delete';
import { accuracyCell } from './accuracy-text';

/** The saved models with Load, Rename and Delete (Delete asks first). */
export function SavedList(props: {
  entries: SavedModelMeta[];
  busy: boolean;
  onLoad: (name: string) => void;
  onRename: (from: string, to: string) => void;
  onDelete: (name: string) => void;
}) {
  const { entries, busy, onLoad, onRename, onDelete } = props;
  const { t, num, lang } = useI18n();
  const [renaming, setRenaming] = useState<{ name: string; value: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const date = (ms: number) =>
    new Date(ms).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <table className="saved-list">
      <caption>{t('models.list')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('models.col.name')}</th>
          <th scope="col">{t('models.col.date')}</th>
          <th scope="col">{t('models.col.epochs')}</th>
          <th scope="col">{t('models.col.accuracy')}</th>
          <th scope="col">{t('models.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((m) => {
          const isAuto = m.name === AUTOSAVE_NAME;
          const shown = isAuto ? t('models.autosaveName') : m.name;
          return (
            <tr key={m.name}>
              <th scope="row">{isAuto ? <em>{shown}</em> : shown}</th>
              <td>{date(m.savedAt)}</td>
              <td>{num(m.epochs)}</td>
              <td>{accuracyCell(t, num, m)}</td>
              <td className="actions">
                {renaming?.name === m.name ? (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      onRename(m.name, renaming.value);
                      setRenaming(null);
                    }}
                  >
                    <input
                      aria-label={t('models.newName', { name: shown })}
                      value={renaming.value}
                      autoFocus
                      onChange={(e) => setRenaming({ name: m.name, value: e.target.value })}
                    />
                    <button type="submit">{t('models.rename')}</button>
                    <button type="button" onClick={() => setRenaming(null)}>
                      {t('models.cancel')}
                    </button>
                  </form>
                ) : confirming === m.name ? (
                  <ConfirmDelete
                    shown={shown}
                    onYes={() => {
                      setConfirming(null);
                      onDelete(m.name);
                    }}
                    onCancel={() => setConfirming(null)}
                  />
                ) : (
                  <>
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={t('models.loadNamed', { name: shown })}
                      onClick={() => onLoad(m.name)}
                    >
                      {t('models.load')}
                    </button>
                    {!isAuto && (
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={t('models.renameNamed', { name: shown })}
                        onClick={() => setRenaming({ name: m.name, value: m.name })}
                      >
                        {t('models.rename')}
                      </button>
                    )}
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={t('models.deleteNamed', { name: shown })}
                      onClick={() => setConfirming(m.name)}
                    >
                      {t('models.delete')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
