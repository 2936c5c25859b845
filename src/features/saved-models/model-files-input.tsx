import { useI18n } from '../../i18n/use-i18n';

/** A file input for model files of either format; the whole panel also takes them dropped. */
export function ModelFilesInput({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useI18n();
  return (
    <div className="model-drop-zone">
      <label>
        {t('models.upload')}{' '}
        <input
          type="file"
          multiple
          accept=".json,.bin,.pkl,.pt,.pth,application/json,application/octet-stream"
          onChange={(e) => {
            if (e.target.files?.length) onFiles(Array.from(e.target.files));
            e.target.value = '';
          }}
        />
      </label>
      <p>{t('models.drop')}</p>
    </div>
  );
}
