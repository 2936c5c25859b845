import { useCallback, useMemo, useRef, useState } from 'react';
import { DrawPad } from '../../components/draw-pad';
import { DropTarget } from '../../components/drop-target';
import { FilePick } from '../../components/file-pick';
import { GrayCanvas } from '../../components/gray-canvas';
import type { GrayImage } from '../../ml/image';
import { newDigitId, nextPrompt, toBytes } from '../../ml/my-digits/set';
import { labelFromPath } from '../../ml/my-digits/zip-names';
import { preprocess } from '../../ml/preprocess';
import type { Stroke } from '../../state/panel-state';
import { useI18n } from '../../i18n/use-i18n';
import { DigitSelect } from './digit-select';
import { readImages, type ReadImages } from './read-images';
import { RefusalList } from './refusal-list';
import type { MyDigitsStore } from './use-my-digits';

/**
 * Asks for the digit the set has fewest of, takes it drawn on the Draw panel's pad (or uploaded,
 * one file or many) and stores it after the same MNIST preprocessing the Draw panel shows.
 */
export function CollectSection({ store, counts }: { store: MyDigitsStore; counts: number[] }) {
  const { t } = useI18n();
  const prompt = nextPrompt(counts);
  // The label follows the prompt until the user picks another one for this drawing.
  const [picked, setPicked] = useState<number | null>(null);
  const label = picked ?? prompt;
  const strokes = useRef<Stroke[]>([]);
  const [padKey, setPadKey] = useState(0);
  const [ink, setInk] = useState<GrayImage | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [uploaded, setUploaded] = useState<ReadImages | null>(null);
  const [busy, setBusy] = useState(false);

  const final = useMemo(() => {
    const r = ink && preprocess(ink);
    return r?.status === 'ok' ? r.final : null;
  }, [ink]);
  const onInk = useCallback((image: GrayImage) => setInk(image), []);

  const save = async () => {
    if (!final) return;
    const now = Date.now();
    const ok = await store.add([
      { id: newDigitId(now), label, pixels: toBytes(final), source: 'drawn', addedAt: now },
    ]);
    if (!ok) return;
    setSaved(label);
    setUploaded(null);
    setPicked(null);
    strokes.current = [];
    setInk(null);
    setPadKey((k) => k + 1); // a fresh, empty pad for the next digit
  };

  const upload = async (files: File[]) => {
    setBusy(true);
    try {
      const read = await readImages(
        files.map((f) => ({ blob: f, name: f.name })),
        (name) => labelFromPath(name) ?? label,
        'uploaded',
      );
      if (read.digits.length === 0 || (await store.add(read.digits))) {
        setUploaded(read);
        setSaved(null);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="my-collect-heading" className="my-collect">
      <h3 id="my-collect-heading">{t('my.collect')}</h3>
      <p className="my-prompt" aria-live="polite" data-testid="my-prompt">
        {t('my.prompt', { digit: String(prompt) })}
      </p>
      <div className="my-collect-layout">
        <DrawPad key={padKey} onInk={onInk} strokes={strokes} />
        <div className="my-collect-side">
          <DigitSelect
            label={t('my.thisIs')}
            value={label}
            onChange={(d) => setPicked(d)}
            id="my-label"
          />
          {final ? (
            <GrayCanvas
              image={{ width: 28, height: 28, data: final }}
              range={[0, 1]}
              size={84}
              label={t('my.preview')}
            />
          ) : (
            <p className="hint">{t('my.drawFirst')}</p>
          )}
          <button type="button" className="primary" disabled={!final} onClick={() => void save()}>
            {t('my.save', { digit: String(label) })}
          </button>
          {saved !== null && (
            <p role="status" data-testid="my-saved">
              {t('my.saved', { digit: String(saved) })}
            </p>
          )}
        </div>
      </div>
      <DropTarget className="upload-zone" onFiles={(files) => void upload(files)}>
        <FilePick
          label={t('my.upload')}
          button={t('my.uploadButton')}
          accept="image/*"
          multiple
          disabled={busy}
          onFiles={(files) => void upload(files)}
        />
        <span>{t('my.uploadHint', { digit: String(label) })}</span>
      </DropTarget>
      {uploaded && (
        <div role="status" data-testid="my-uploaded">
          <p>{t('my.uploaded', { n: uploaded.digits.length })}</p>
          <RefusalList refused={uploaded.refused} />
        </div>
      )}
    </section>
  );
}
