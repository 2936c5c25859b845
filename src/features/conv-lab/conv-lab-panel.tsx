import '../../components/lesson.css';
import './conv-lab.css';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { convolve, type DisplayMode, type Padding } from '../../ml/conv-lab/conv-ops';
import { ConvControls } from './conv-controls';
import { ConvOutput } from './conv-output';
import { ImagePicker } from './image-picker';
import { KernelAnimation } from './kernel-animation';
import { KernelEditor, parseDraft, presetDraft, type KernelDraft } from './kernel-editor';
import { IMAGE_CAP, loadSample, type LabImage } from './load-image';
import { PoolingSection } from './pooling-section';

/** The tutorial's opening: grayscale a photo, convolve it with a fixed kernel, max-pool it. */
export function ConvLabPanel() {
  const { t } = useI18n();
  const [image, setImage] = useState<LabImage | null>(null);
  const [firstLoad, setFirstLoad] = useState<string | null>(null);
  const [draft, setDraft] = useState<KernelDraft>(() => presetDraft('tutorialEdge'));
  // The last kernel that parsed, so a half-typed cell keeps the previous result on screen.
  const [kernel, setKernel] = useState(() => ({
    size: draft.size,
    values: parseDraft(draft) ?? [],
  }));
  const [stride, setStride] = useState(1);
  const [padding, setPadding] = useState<Padding>('valid');
  const [display, setDisplay] = useState<DisplayMode>('stretch');

  useEffect(() => {
    let live = true;
    loadSample('landscape.png').then(
      (img) => live && setImage((cur) => cur ?? img),
      (err: unknown) => live && setFirstLoad(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, []);

  const onDraft = (d: KernelDraft) => {
    setDraft(d);
    const values = parseDraft(d);
    if (values) setKernel({ size: d.size, values });
  };
  const output = useMemo(
    () =>
      image && convolve(image.gray, { kernel: kernel.values, size: kernel.size, stride, padding }),
    [image, kernel, stride, padding],
  );

  return (
    <section className="panel conv-lab lesson" aria-labelledby="conv-heading">
      <h2 id="conv-heading">{t('conv.heading')}</h2>
      <p>{t('conv.intro')}</p>

      <h3>{t('conv.image.heading')}</h3>
      <ImagePicker onImage={setImage} />
      {image ? (
        <p data-testid="image-info">
          {t('conv.image.info', { name: image.name, w: image.gray.width, h: image.gray.height })}{' '}
          {image.scaled &&
            t('conv.image.scaled', {
              w: image.originalWidth,
              h: image.originalHeight,
              cap: IMAGE_CAP,
            })}
        </p>
      ) : (
        <p role={firstLoad ? 'alert' : 'status'}>
          {firstLoad ? t('upload.failed', { message: firstLoad }) : t('conv.image.loading')}
        </p>
      )}
      <p className="note">{t('conv.image.grayNote')}</p>

      <h3>{t('conv.conv.heading')}</h3>
      <KernelEditor draft={draft} onChange={onDraft} />
      <ConvControls
        stride={stride}
        onStride={setStride}
        padding={padding}
        onPadding={setPadding}
        display={display}
        onDisplay={setDisplay}
      />
      {image && output && (
        <ConvOutput
          input={image.gray}
          output={output}
          size={kernel.size}
          stride={stride}
          padding={padding}
          display={display}
        />
      )}

      <h3>{t('conv.anim.heading')}</h3>
      {image && (
        <KernelAnimation
          image={image.gray}
          kernel={kernel.values}
          size={kernel.size}
          stride={stride}
        />
      )}

      <h3>{t('pool.heading')}</h3>
      {image && output && (
        <PoolingSection image={image.gray} convolved={output} display={display} />
      )}
    </section>
  );
}
