import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { readPixels } from '../../components/image-file';
import { IMAGE_CAP, toLabImage, type LabImage } from './load-image';

/** Starts the camera on request and hands over one frame; explains denial or absence. */
export function WebcamCapture(props: {
  onImage: (image: LabImage) => void;
  onProblem: (message: string | null) => void;
}) {
  const { onImage, onProblem } = props;
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);

  useEffect(() => {
    if (video.current && stream) {
      video.current.srcObject = stream;
      void video.current.play().catch(() => undefined);
    }
    return () => stream?.getTracks().forEach((tr) => tr.stop());
  }, [stream]);

  const start = async () => {
    if (!navigator.mediaDevices?.getUserMedia) {
      onProblem(t('conv.webcam.unsupported'));
      return;
    }
    try {
      setStream(await navigator.mediaDevices.getUserMedia({ video: true }));
      onProblem(null);
    } catch (err) {
      const name = err instanceof DOMException ? err.name : '';
      onProblem(
        name === 'NotAllowedError' || name === 'SecurityError'
          ? t('conv.webcam.denied')
          : name === 'NotFoundError' || name === 'OverconstrainedError'
            ? t('conv.webcam.none')
            : t('conv.webcam.failed', {
                message: err instanceof Error ? err.message : String(err),
              }),
      );
    }
  };
  const capture = () => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const frame = readPixels(v, v.videoWidth, v.videoHeight, IMAGE_CAP);
    onImage(toLabImage(frame, t('conv.webcam.frame')));
    setStream(null);
  };

  if (!stream) {
    return (
      <button type="button" onClick={() => void start()}>
        {t('conv.webcam.start')}
      </button>
    );
  }
  return (
    <span className="webcam">
      <video ref={video} muted playsInline aria-label={t('conv.webcam.preview')} />
      <button type="button" onClick={capture}>
        {t('conv.webcam.capture')}
      </button>
      <button type="button" onClick={() => setStream(null)}>
        {t('conv.webcam.stop')}
      </button>
    </span>
  );
}
