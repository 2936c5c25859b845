import { useState } from 'react';
import { useModel } from '../../state/model';
import { useSavedModels } from '../../state/saved-models';
import { useTrainer } from '../../state/trainer';
import { useI18n } from '../../i18n/use-i18n';
import { useFileDrop } from '../../components/drop-target';
import { layersModelFiles } from '../../ml/model-files';
import { torchStateDictFile } from '../../ml/torch/export';
import { saveToDisk, saveTorchToDisk, TORCH_FILE_NAME } from './save-to-disk';
import { modelFromState } from '../../ml/model-state';
import { errorText } from '../../i18n/error-text';
import { ModelFileError } from '../../ml/model-file-error';
import { errorMessage } from './messages';
import { ModelFilesInput } from './model-files-input';
import { readModelUpload } from './read-upload';
import { hasWeights } from '../../ml/storage/runs';
import { RunList } from './run-list';
import { accuracyText } from './accuracy-text';
import { useMnist } from '../../state/mnist';
import { MNIST_TEST_IMAGES } from '../../ml/mnist/dataset';
import { SavedList } from './saved-list';
import { TorchSection, torchOpenedMessage } from './torch-section';

type Message = { kind: 'ok' | 'error'; text: string };

/** Save, load, rename, delete, download and upload models; shows the startup restore. */
export function SavedModelsPanel() {
  const { t, num, lang } = useI18n();
  const { current } = useModel();
  const saved = useSavedModels();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const { phase } = useTrainer();
  const mnist = useMnist().state;
  const testImages = mnist.status === 'ready' ? mnist.data.test.count : MNIST_TEST_IMAGES;
  // Loading over a live run would race the run's last weights; the run is saved on Stop anyway.
  const running = phase === 'training' || phase === 'paused';
  const date = (ms: number) =>
    new Date(ms).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });

  const act = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage({ kind: 'ok', text: await action() });
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(t, err) });
    } finally {
      setBusy(false);
    }
  };
  const download = () =>
    act(async () => {
      const model = modelFromState(current, saved.trainConfig);
      try {
        saveToDisk(await layersModelFiles(model, 'digit-lab-cnn'), 'digit-lab-cnn.json');
      } finally {
        model.dispose();
      }
      return t('models.downloaded');
    });
  const downloadTorch = () =>
    act(async () => {
      saveTorchToDisk(torchStateDictFile(current.weights));
      return t('models.torch.downloaded', { file: TORCH_FILE_NAME });
    });
  // Either format, from the file input or dropped anywhere on the panel.
  const upload = (files: File[]) =>
    act(async () => {
      if (running) throw new Error(t('models.stopFirst'));
      const read = await readModelUpload(files);
      saved.applyUploaded(read.parsed);
      if (read.kind === 'torch') return torchOpenedMessage(t, read.file, read.parsed);
      return t('models.uploaded', {
        files: files.map((f) => f.name).join(', '),
        activation: read.parsed.config.activation,
        epochs: num(read.parsed.metadata.epochs ?? 0),
      });
    });
  const drop = useFileDrop((files) => void upload(files));

  const { startup, autosave } = saved;
  // Older runs keep only their curves (listed under Experiments); these can still be loaded.
  const withWeights = saved.runs?.filter(hasWeights) ?? null;
  return (
    <section
      className={drop.over ? 'panel models-drop over' : 'panel models-drop'}
      aria-labelledby="models-heading"
      {...drop.handlers}
    >
      <h2 id="models-heading">{t('models.heading')}</h2>
      <p>{t('models.intro')}</p>
      {startup.status === 'restored' && saved.startupCurrent && (
        <div className="notice" role="note" data-testid="restored">
          <p>
            {t(
              startup.source === 'own'
                ? 'models.restoredOwn'
                : startup.source === 'latest'
                  ? 'models.restoredLatest'
                  : 'models.restored',
              {
                date: date(startup.record.savedAt),
                epochs: num(startup.record.epochs),
                steps: num(startup.record.steps),
              },
            )}{' '}
            {startup.record.history && t('models.curvesBack')}
          </p>
          {startup.liveElsewhere && <p>{t('models.liveElsewhere')}</p>}
          <p>{t('models.optimizerNote')}</p>
        </div>
      )}
      {startup.status === 'failed' && (
        <p role="alert" className="error">
          {t('models.restoreFailed', {
            reason:
              startup.error instanceof ModelFileError
                ? t(`models.file.${startup.error.problem.code}`, startup.error.problem.params)
                : errorText(t, startup.error),
          })}
        </p>
      )}
      <p className="hint">
        {t('models.autosaveAbout')}{' '}
        {autosave.savedAt && t('models.autosaved', { date: date(autosave.savedAt) })}
      </p>
      {autosave.error && (
        <p role="alert" className="error" data-testid="autosave-error">
          {t('models.autosaveFailed', { message: errorText(t, autosave.error) })}
        </p>
      )}
      <h3>{t('models.current')}</h3>
      <p data-testid="current-model">
        {t('models.currentFacts', {
          trained: current.trained ? t('models.trained') : t('models.untrained'),
          epochs: num(current.epochs),
          steps: num(current.steps),
          accuracy: accuracyText(t, num, saved.accuracyFact, testImages),
        })}
      </p>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            const meta = await saved.saveAs(name);
            setName('');
            return t('models.saved', { name: meta.name });
          });
        }}
      >
        <label>
          {t('models.saveAs')}{' '}
          <input
            placeholder={t('models.name')}
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {t('models.save')}
        </button>
      </form>
      <div
        role={message?.kind === 'error' ? 'alert' : 'status'}
        className={message?.kind === 'error' ? 'error message' : 'message'}
        data-testid="models-message"
      >
        {message?.text}
      </div>
      {saved.listError !== null && !saved.storageBlocked && (
        <p role="alert" className="error">
          {t('models.listFailed', { message: errorText(t, saved.listError) })}
        </p>
      )}
      {saved.entries && saved.entries.length > 0 ? (
        <SavedList
          entries={saved.entries}
          busy={busy || running}
          onLoad={(n) =>
            void act(async () => {
              await saved.load(n);
              return t('models.loaded', { name: n });
            })
          }
          onRename={(from, to) =>
            void act(async () => {
              const meta = await saved.rename(from, to);
              return t('models.renamed', { from, to: meta.name });
            })
          }
          onDelete={(n) =>
            void act(async () => {
              await saved.remove(n);
              return t('models.deleted', { name: n });
            })
          }
        />
      ) : (
        saved.entries && <p>{t('models.empty')}</p>
      )}
      {withWeights && withWeights.length > 0 ? (
        <RunList
          runs={withWeights}
          tabRunId={saved.tabRunId}
          busy={busy || running}
          onLoad={(run, shown) =>
            void act(async () => {
              await saved.loadRun(run.id);
              return t('models.runLoaded', { name: shown });
            })
          }
          onDelete={(run, shown) =>
            void act(async () => {
              await saved.removeRun(run.id);
              return t('models.runDeleted', { name: shown });
            })
          }
        />
      ) : (
        withWeights && <p>{t('models.runsEmpty')}</p>
      )}
      {running && (
        <p role="note" className="note">
          {t('models.stopFirst')}
        </p>
      )}
      <h3>{t('models.files')}</h3>
      <div className="toolbar">
        <button type="button" onClick={() => void download()} disabled={busy}>
          {t('models.download')}
        </button>
      </div>
      <ModelFilesInput onFiles={(files) => void upload(files)} />
      <TorchSection
        activation={current.config.activation}
        busy={busy}
        onDownload={() => void downloadTorch()}
      />
    </section>
  );
}
