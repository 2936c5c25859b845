import { DropTarget } from '../../components/drop-target';
import { useI18n } from '../../i18n/use-i18n';

/** A file input for model.json + .bin files that also accepts dropped files. */
export function ModelFilesInput({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useI18n();
  return (
    <DropTarget className="model-drop-zone" onFiles={onFiles}>
      <label>
        {t('models.upload')}{' '}
        <input
          type="file"
          multiple
          accept=".json,.bin,application/json,application/octet-stream"
          onChange={(e) => {
            if (e.target.files?.length) onFiles(Array.from(e.target.files));
            e.target.value = '';
          }}
        />
      </label>
      <p>{t('models.drop')}</p>
    </DropTarget>
  );
}
