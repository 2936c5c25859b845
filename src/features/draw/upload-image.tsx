import { useRef, useState } from 'react';
import { DropTarget } from '../../components/drop-target';
import {
  checkUploadFile,
  checkUploadSize,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_SIDE,
  photoToInk,
  type UploadProblem,
} from '../../ml/photo';
import type { GrayImage } from '../../ml/image';
import { useI18n } from '../../i18n/use-i18n';

/** Decoded images are scaled down to this long side first: plenty for a 20 × 20 result. */
const WORK_SIDE = 560;

type Decoded = { problem: UploadProblem } | { image: GrayImage; inverted: boolean };

async function decode(file: File): Promise<Decoded> {
  const early = checkUploadFile(file);
  if (early) return { problem: early };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { problem: 'notImage' };
  }
  try {
    const tooBig = checkUploadSize(bitmap.width, bitmap.height);
    if (tooBig) return { problem: tooBig };
    const scale = Math.min(1, WORK_SIDE / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * scale));
    const h = Math.max(1, Math.round(bitmap.height * scale));
    const ctx = new OffscreenCanvas(w, h).getContext('2d');
    if (!ctx) return { problem: 'notImage' };
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, w, h);
    const ink = photoToInk(ctx.getImageData(0, 0, w, h).data, w, h);
    return ink.status === 'blank' ? { problem: 'blank' } : ink;
  } finally {
    bitmap.close();
  }
}

/** A file picker and drop zone for a photo or scan of a digit; refuses bad files with a message. */
export function UploadImage(props: { onImage: (image: GrayImage, inverted: boolean) => void }) {
  const { onImage } = props;
  const { t } = useI18n();
  const [problem, setProblem] = useState<UploadProblem | null>(null);
  // Only the latest upload may land, whatever order the decodes finish in.
  const latest = useRef(0);

  const take = async (file: File | undefined) => {
    if (!file) return;
    const ticket = ++latest.current;
    const result: Decoded = await decode(file).catch(() => ({ problem: 'notImage' as const }));
    if (ticket !== latest.current) return;
    if ('problem' in result) setProblem(result.problem);
    else {
      setProblem(null);
      onImage(result.image, result.inverted);
    }
  };

  return (
    <DropTarget className="upload-zone" onFiles={(files) => void take(files[0])}>
      <label>
        {t('draw.upload')}{' '}
        <input
          type="file"
          accept="image/*"
          onChange={(e) => {
            void take(e.target.files?.[0]);
            e.target.value = ''; // picking the same file again should still fire
          }}
        />
      </label>
      <span>{t('draw.drop')}</span>
      {problem && (
        <p role="alert" className="error">
          {t(`draw.problem.${problem}`, {
            mb: MAX_UPLOAD_BYTES / 1024 / 1024,
            side: MAX_UPLOAD_SIDE,
          })}
        </p>
      )}
    </DropTarget>
  );
}
