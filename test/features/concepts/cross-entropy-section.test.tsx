// @vitest-environment jsdom
import * as tf from '@tensorflow/tfjs';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { CrossEntropySection } from '../../../src/features/concepts/cross-entropy-section';
import { PanelStateContext, type NetworkInput } from '../../../src/state/panel-state';
import { MnistContext } from '../../../src/state/mnist';
import { DEFAULT_MODEL_CONFIG, ModelProvider } from '../../../src/state/model';
import { useModel } from '../../../src/state/model';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import { predictOne } from '../../../src/ml/inference';
import { createModel } from '../../../src/ml/model';
import { readWeights } from '../../../src/ml/weights';
import type { ModelContextValue } from '../../../src/state/model';

beforeAll(async () => {
  await tf.setBackend('cpu');
  localStorage.setItem('digit-lab.lang', 'en');
});
afterEach(cleanup);

const pixels = Float32Array.from({ length: 784 }, (_, i) => ((i * 37) % 101) / 100);
const input: NetworkInput = { pixels, source: 'drawn', label: 3 };

function reference(seed: number) {
  const model = createModel({ ...DEFAULT_MODEL_CONFIG, seed });
  const prediction = predictOne(model, pixels);
  const weights = readWeights(model);
  model.dispose();
  return { prediction, weights };
}

const shownProbs = () => screen.getAllByTestId('ce-prob').map((el) => Number(el.textContent));

it('shows the current model’s probabilities and loss, and follows a model change', async () => {
  let model: ModelContextValue | null = null;
  function Grab() {
    model = useModel();
    return null;
  }
  render(
    <I18nProvider>
      <MnistContext.Provider value={{ state: { status: 'loading' }, retry: () => undefined }}>
        <ModelProvider>
          <PanelStateContext.Provider
            value={{
              input,
              setInput: () => undefined,
              evaluation: null,
              setEvaluation: () => undefined,
            }}
          >
            <Grab />
            <CrossEntropySection />
          </PanelStateContext.Provider>
        </ModelProvider>
      </MnistContext.Provider>
    </I18nProvider>,
  );
  await waitFor(() => expect(screen.getAllByTestId('ce-prob')).toHaveLength(10));
  const untrained = reference(DEFAULT_MODEL_CONFIG.seed).prediction;
  shownProbs().forEach((p, d) => expect(p).toBeCloseTo(untrained.probabilities[d], 3));
  expect(shownProbs().reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  expect((screen.getByLabelText('True label') as HTMLSelectElement).value).toBe('3');
  expect(screen.getByTestId('ce-loss').textContent).toContain(
    (-Math.log(untrained.probabilities[3])).toFixed(4),
  );
  expect(screen.getByTestId('ce-untrained')).toBeTruthy();

  // New weights arrive (as after training): the numbers follow them.
  const next = reference(5);
  act(() => {
    model!.setModel({
      config: DEFAULT_MODEL_CONFIG,
      weights: next.weights,
      trained: true,
      steps: 10,
      epochs: 0,
    });
  });
  await waitFor(() =>
    shownProbs().forEach((p, d) => expect(p).toBeCloseTo(next.prediction.probabilities[d], 3)),
  );
  expect(screen.getByTestId('ce-loss').textContent).toContain(
    (-Math.log(next.prediction.probabilities[3])).toFixed(4),
  );
  expect(screen.queryByTestId('ce-untrained')).toBeNull();
});
