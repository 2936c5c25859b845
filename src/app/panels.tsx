import type { ComponentType } from 'react';
import { ConceptsPanel } from '../features/concepts/concepts-panel';
import { ConvLabPanel } from '../features/conv-lab/conv-lab-panel';
import { DatasetPanel } from '../features/dataset/dataset-panel';
import { ModelPanel } from '../features/model/model-panel';
import { TrainingPanel } from '../features/training/training-panel';
import { EvaluatePanel } from '../features/evaluate/evaluate-panel';
import { SavedModelsPanel } from '../features/saved-models/saved-models-panel';
import { DrawPanel } from '../features/draw/draw-panel';
import { ExperimentsPanel } from '../features/experiments/experiments-panel';
import { NetworkPanel } from '../features/network/network-panel';
import { GuidePanel } from '../features/guide/guide-panel';
import { MyDigitsPanel } from '../features/my-digits/my-digits-panel';
import { useMnist } from '../state/mnist';
import { useI18n } from '../i18n/use-i18n';
import type { MessageKey } from '../i18n/messages';
import type { MnistData } from '../ml/mnist/dataset';

/** Shows a panel once MNIST is loaded, with the loading state or error before that. */
function WithData({ panel: Panel }: { panel: ComponentType<{ data: MnistData }> }) {
  const { state, retry } = useMnist();
  const { t } = useI18n();
  if (state.status === 'loading') return <p role="status">{t('data.loading')}</p>;
  if (state.status === 'error') {
    return (
      <div role="alert" className="error">
        <p>{t('data.failed', { message: state.message })}</p>
        <button type="button" onClick={retry}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return <Panel data={state.data} />;
}

/** A panel of the app: its URL id, its tab title and its view. */
export interface PanelDef {
  id: string;
  title: MessageKey;
  view: ComponentType;
}

/** Every panel, in tab order. */
export const PANELS = [
  { id: 'guide', title: 'panel.guide', view: GuidePanel },
  { id: 'dataset', title: 'panel.dataset', view: () => <WithData panel={DatasetPanel} /> },
  { id: 'model', title: 'panel.model', view: ModelPanel },
  { id: 'train', title: 'panel.train', view: TrainingPanel },
  { id: 'draw', title: 'panel.draw', view: DrawPanel },
  { id: 'my-digits', title: 'panel.myDigits', view: MyDigitsPanel },
  { id: 'network', title: 'panel.network', view: NetworkPanel },
  { id: 'conv-lab', title: 'panel.convLab', view: ConvLabPanel },
  { id: 'concepts', title: 'panel.concepts', view: ConceptsPanel },
  { id: 'evaluate', title: 'panel.evaluate', view: () => <WithData panel={EvaluatePanel} /> },
  { id: 'models', title: 'panel.models', view: SavedModelsPanel },
  { id: 'experiments', title: 'panel.experiments', view: ExperimentsPanel },
] as const satisfies readonly PanelDef[];

/** A panel id. */
export type PanelId = (typeof PANELS)[number]['id'];
