import { useState } from 'react';
import { downloadBlob } from '../../components/download';
import { FilePick } from '../../components/file-pick';
import { writeIdxImages, writeIdxLabels } from '../../ml/mnist/idx-write';
import { MNIST_SIDE } from '../../ml/mnist/dataset';
import { roomLeft, toSplit, type MyDigit } from '../../ml/my-digits/set';
import { useI18n } from '../../i18n/use-i18n';
import type { ReadImages } from './read-images';
import { RefusalList } from './refusal-list';
import { ImportError, importFiles, MAX_IMPORT_BYTES, zipOfPngs } from './transfer';
import type { MyDigitsStore } from './use-my-digits';

/** File names of the IDX export, MNIST's own names with a `my-` prefix. */
export const IDX_NAMES = {
  images: 'my-digits-images-idx3-ubyte',
  labels: 'my-digits-labels-idx1-ubyte',
} as const;

/** Export the personal set as IDX files or a zip of PNGs, and import either back, checked. */
export function TransferSection({ store, digits }: { store: MyDigitsStore; digits: MyDigit[] }) {
  const { t, num } = useI18n();
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<ReadImages | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const empty = digits.length === 0;

  const idx = (which: 'images' | 'labels') => {
    const split = toSplit(digits);
    const bytes =
      which === 'images'
        ? writeIdxImages(split.images, MNIST_SIDE, MNIST_SIDE)
        : writeIdxLabels(split.labels);
    downloadBlob(
      new Blob([bytes.slice().buffer], { type: 'application/octet-stream' }),
      IDX_NAMES[which],
    );
  };
  const zip = async () => {
    setBusy(true);
    try {
      downloadBlob(await zipOfPngs(digits), 'my-digits-png.zip');
    } finally {
      setBusy(false);
    }
  };

  const words = (err: unknown): string => {
    if (!(err instanceof ImportError)) return t('my.importFailed', { message: String(err) });
    const p = err.problem;
    switch (p.kind) {
      case 'tooBig':
        return t('my.importTooBig', { name: p.name, mb: num(MAX_IMPORT_BYTES / 1024 / 1024) });
      case 'pair':
        return t('my.importPair');
      case 'idx':
        return t('my.importIdx', { detail: p.detail });
      case 'zip':
        return t('my.importZip', { detail: p.detail });
      case 'noImages':
        return t('my.importNoImages');
    }
  };

  const take = async (files: File[]) => {
    setBusy(true);
    setProblem(null);
    setImported(null);
    try {
      const read = await importFiles(files, roomLeft(digits.length));
      if (read.digits.length === 0 || (await store.add(read.digits))) setImported(read);
    } catch (err) {
      setProblem(words(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="my-transfer-heading">
      <h3 id="my-transfer-heading">{t('my.transfer')}</h3>
      <p>{t('my.transferIntro')}</p>
      <div className="controls">
        <button type="button" disabled={empty} onClick={() => idx('images')}>
          {t('my.exportImages')}
        </button>
        <button type="button" disabled={empty} onClick={() => idx('labels')}>
          {t('my.exportLabels')}
        </button>
        <button type="button" disabled={empty || busy} onClick={() => void zip()}>
          {t('my.exportZip')}
        </button>
      </div>
      <FilePick
        label={t('my.import')}
        button={t('my.importButton')}
        accept=".zip,.gz,application/zip,application/octet-stream,*/*"
        multiple
        disabled={busy}
        onFiles={(files) => void take(files)}
      />
      <p className="hint">{t('my.importHint')}</p>
      {problem && (
        <p role="alert" className="error" data-testid="my-import-error">
          {problem}
        </p>
      )}
      {imported && (
        <div role="status" data-testid="my-imported">
          <p>{t('my.imported', { n: num(imported.digits.length) })}</p>
          <RefusalList refused={imported.refused} />
        </div>
      )}
    </section>
  );
}
