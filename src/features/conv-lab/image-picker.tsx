import { useState } from 'react';
import { DropTarget } from '../../components/drop-target';
import { FilePick } from '../../components/file-pick';
import { imageFileMessage } from '../../components/image-file';
import { useI18n } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/messages';
import { IMAGE_CAP, loadImageFile, loadSample, type LabImage } from './load-image';
import { WebcamCapture } from './webcam-capture';

/** The bundled samples (public/samples, CC0). */
const SAMPLES: { file: string; label: MessageKey }[] = [
  { file: 'landscape.png', label: 'conv.sample.landscape' },
  { file: 'digit-3.png', label: 'conv.sample.digit' },
];

/** Picks the lab's image: a sample, an uploaded or dropped file, or a webcam frame. */
export function ImagePicker({ onImage }: { onImage: (image: LabImage) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (task: () => Promise<LabImage>) => {
    setBusy(true);
    try {
      onImage(await task());
      setProblem(null);
    } catch (err) {
      setProblem(imageFileMessage(i18n, err));
    } finally {
      setBusy(false);
    }
  };
  const loadFile = (file: File | undefined) => {
    if (file) void load(() => loadImageFile(file, file.name));
  };

  return (
    <div className="conv-picker">
      <div className="toolbar">
        <span>{t('conv.image.samples')}</span>
        {SAMPLES.map((s) => (
          <button
            key={s.file}
            type="button"
            disabled={busy}
            onClick={() => void load(() => loadSample(s.file))}
          >
            {t(s.label)}
          </button>
        ))}
        <FilePick
          label={t('conv.image.upload')}
          button={t('common.chooseFile')}
          accept="image/*"
          disabled={busy}
          onFiles={(files) => loadFile(files[0])}
        >
          <span>{t('conv.image.upload')}</span>
        </FilePick>
        <WebcamCapture onImage={onImage} onProblem={setProblem} />
      </div>
      <DropTarget className="drop-zone" onFiles={(files) => loadFile(files[0])}>
        {t('conv.image.drop', { cap: IMAGE_CAP })}
      </DropTarget>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </div>
  );
}
