import { useState } from 'react';
import { GrayCanvas } from '../../components/gray-canvas';
import { useMnist } from '../../state/mnist';
import { usePanelState } from '../../state/panel-state';
import { useI18n } from '../../i18n/use-i18n';
import { squareImage } from '../../ml/image';
import { bytesToInput } from '../../ml/inference';
import { imageAt } from '../../ml/mnist/dataset';

/** The current network input, and a picker to replace it with a test-set image by index. */
export function InputPicker() {
  const { t } = useI18n();
  const { state } = useMnist();
  const { input, setInput } = usePanelState();
  const [index, setIndex] = useState(input?.index ?? 0);

  const source =
    input?.source === 'dataset'
      ? t('network.source.dataset', { index: input.index ?? '?', label: input.label ?? '?' })
      : input
        ? t(`network.source.${input.source}`)
        : null;
  const count = state.status === 'ready' ? state.data.test.count : 0;
  const use = () => {
    if (state.status !== 'ready') return;
    const split = state.data.test;
    const i = Math.min(Math.max(0, Math.round(index)), split.count - 1);
    setIndex(i);
    setInput({
      pixels: bytesToInput(imageAt(split, i)),
      source: 'dataset',
      index: i,
      label: split.labels[i],
    });
  };

  return (
    <section className="input-picker" aria-label={t('network.input')}>
      <h3>{t('network.input')}</h3>
      {input && source ? (
        <figure>
          <GrayCanvas image={squareImage(input.pixels)} range={[0, 1]} size={112} label={source} />
          <figcaption data-testid="network-input">{t('network.inputOf', { source })}</figcaption>
        </figure>
      ) : (
        <p role="status">{t('network.noInput')}</p>
      )}
      {state.status === 'ready' ? (
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            use();
          }}
        >
          <label>
            {t('network.pick')}{' '}
            <input
              type="number"
              min={0}
              max={count - 1}
              value={index}
              onChange={(e) => setIndex(Number(e.target.value))}
            />
          </label>
          <button type="submit">{t('network.use')}</button>
        </form>
      ) : (
        <p>{t('network.dataLoading')}</p>
      )}
    </section>
  );
}
