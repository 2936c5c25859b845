import { useRef, useState } from 'react';
import { DropTarget } from '../../components/drop-target';
import { FilePick } from '../../components/file-pick';
import { decodeImageFile, imageFileMessage } from '../../components/image-file';
import type { GrayImage } from '../../ml/image';
import { photoToInk } from '../../ml/photo';
import { useI18n } from '../../i18n/use-i18n';

/** Decoded images are scaled down to this long side first: plenty for a 20 × 20 result. */
const WORK_SIDE = 560;

/** Why the last file was not used: no ink in it, or the error that refused it. */
type Refusal = 'blank' | { error: unknown };

type Outcome = { refusal: Refusal } | { image: GrayImage; inverted: boolean };

async function decode(file: File): Promise<Outcome> {
  try {
    const { rgba, width, height } = await decodeImageFile(file, file.name, WORK_SIDE);
    const ink = photoToInk(rgba, width, height);
    return ink.status === 'blank' ? { refusal: 'blank' } : ink;
  } catch (err) {
    return { refusal: { error: err } };
  }
}

/** A file picker and drop zone for a photo or scan of a digit; refuses bad files with a message. */
export function UploadImage(props: { onImage: (image: GrayImage, inverted: boolean) => void }) {
  const { onImage } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Only the latest upload may land, whatever order the decodes finish in.
  const latest = useRef(0);

  const take = async (file: File | undefined) => {
    if (!file) return;
    const ticket = ++latest.current;
    const result = await decode(file);
    if (ticket !== latest.current) return;
    if ('refusal' in result) setRefusal(result.refusal);
    else {
      setRefusal(null);
      onImage(result.image, result.inverted);
    }
  };

  return (
    <DropTarget className="upload-zone" onFiles={(files) => void take(files[0])}>
      <FilePick
        label={t('draw.upload')}
        button={t('draw.uploadButton')}
        accept="image/*"
        onFiles={(files) => void take(files[0])}
      />
      <span>{t('draw.drop')}</span>
      {refusal && (
        <p role="alert" className="error">
          {refusal === 'blank' ? t('draw.problem.blank') : imageFileMessage(i18n, refusal.error)}
        </p>
      )}
    </DropTarget>
  );
}
