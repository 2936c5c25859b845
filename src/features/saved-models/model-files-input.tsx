import { useState, type DragEvent } from 'react';
import { useI18n } from '../../i18n/use-i18n';

/** A file input for model.json + .bin files that also accepts dropped files. */
export function ModelFilesInput({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useI18n();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) onFiles(Array.from(e.dataTransfer.files));
  };
  return (
    <div
      className={over ? 'model-drop-zone over' : 'model-drop-zone'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
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
    </div>
  );
}
