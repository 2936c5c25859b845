import { useI18n } from '../../i18n/use-i18n';

/** "Delete “name” for good?" with Yes and Cancel, in place of a row's actions. */
export function ConfirmDelete(props: { shown: string; onYes: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const question = t('models.confirmDelete', { name: props.shown });
  return (
    <span role="group" aria-label={question}>
      {question}{' '}
      <button type="button" className="danger" onClick={props.onYes}>
        {t('models.confirmYes')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('models.cancel')}
      </button>
    </span>
  );
}
