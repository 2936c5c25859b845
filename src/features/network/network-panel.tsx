import './network.css';
import './overview.css';
import { useEffect, useMemo } from 'react';
import { UntrainedNotice } from '../../components/untrained-notice';
import { useMnist } from '../../state/mnist';
import { usePanelState } from '../../state/panel-state';
import { useI18n } from '../../i18n/use-i18n';
import { bytesToInput } from '../../ml/inference';
import { imageAt } from '../../ml/mnist/dataset';
import { FeatureMapsView } from './feature-maps-view';
import { InputPicker } from './input-picker';
import { KernelView } from './kernel-view';
import { OverviewView } from './overview-view';

/** The whole network for the current input, then its feature maps and the kernels behind them. */
export function NetworkPanel() {
  const { t } = useI18n();
  const { input, setInput } = usePanelState();
  const { state } = useMnist();

  // With nothing drawn yet, start from the first test image so there is something to look at.
  useEffect(() => {
    if (input || state.status !== 'ready') return;
    const split = state.data.test;
    setInput({
      pixels: bytesToInput(imageAt(split, 0)),
      source: 'dataset',
      index: 0,
      label: split.labels[0],
    });
  }, [input, state, setInput]);

  // The kernels do not depend on the input: without this, every new input would repaint all 528.
  const kernels = useMemo(() => <KernelView />, []);

  return (
    <section className="panel" aria-labelledby="network-heading">
      <h2 id="network-heading">{t('network.heading')}</h2>
      <p>{t('network.intro')}</p>
      <UntrainedNotice />
      <InputPicker />
      {input && <OverviewView pixels={input.pixels} />}
      {input && <FeatureMapsView pixels={input.pixels} />}
      {kernels}
    </section>
  );
}
