import { FilePick } from '../../components/file-pick';
import { useI18n } from '../../i18n/use-i18n';

/** A file input for model files of either format; the whole panel also takes them dropped. */
export function ModelFilesInput({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useI18n();
  return (
    <div className="model-drop-zone">
      <FilePick
        label={t('models.upload')}
        button={t('common.chooseFiles')}
        multiple
        accept=".json,.bin,.pkl,.pt,.pth,application/json,application/octet-stream"
        onFiles={onFiles}
      >
        <span>{t('models.upload')}</span>
      </FilePick>
      <p>{t('models.drop')}</p>
    </div>
  );
}
