import { useI18n } from '../../i18n/use-i18n';
import type { ActivationName } from '../../ml/config';
import type { TorchImport } from '../../ml/torch/import';
import type { Translate } from '../../i18n/i18n-context';
import { TORCH_FILE_NAME } from './save-to-disk';

/** The success message after opening a PyTorch file: what it was and what was converted. */
export function torchOpenedMessage(t: Translate, file: string, parsed: TorchImport): string {
  const { torch, config } = parsed;
  return [
    t('models.torch.opened', {
      file,
      kind: t(`models.torch.kind.${torch.kind}`),
      format: t(`models.torch.format.${torch.format}`),
    }),
    torch.activationFound
      ? t('models.torch.activationFound', {
          activation: t(`train.activation.${config.activation}`),
        })
      : t('models.torch.reluAssumed'),
    torch.converted.length > 0 &&
      t('models.torch.converted', { dtypes: torch.converted.join(', ') }),
    torch.prefix && t('models.torch.prefix', { prefix: torch.prefix }),
  ]
    .filter(Boolean)
    .join(' ');
}

/** Saving for PyTorch: the download button and the Python lines that load the file. */
export function TorchSection(props: {
  activation: ActivationName;
  busy: boolean;
  onDownload: () => void;
}) {
  const { activation, busy, onDownload } = props;
  const { t } = useI18n();
  const lines = [
    'import torch',
    t('models.torch.pyClass'),
    ...(activation === 'sigmoid' ? [t('models.torch.pySigmoid')] : []),
    'cnn = CNN()',
    `cnn.load_state_dict(torch.load('${TORCH_FILE_NAME}'))`,
    t('models.torch.pyEval'),
  ];
  return (
    <>
      <h3>{t('models.torch.heading')}</h3>
      <p>{t('models.torch.about')}</p>
      <div className="toolbar">
        <button type="button" onClick={onDownload} disabled={busy}>
          {t('models.torch.download')}
        </button>
      </div>
      <figure className="tutorial-output python-lines">
        <figcaption>{t('models.torch.pythonCaption')}</figcaption>
        <pre data-testid="python-lines" tabIndex={0}>
          <code>{lines.join('\n')}</code>
        </pre>
      </figure>
    </>
  );
}
