// @vitest-environment jsdom
import * as tf from '@tensorflow/tfjs';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
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

const shownProbs = () =>
  screen.getAllByTestId('ce-prob').map((el) => Number(el.getAttribute('data-value')));

let model: ModelContextValue | null = null;
function Grab() {
  model = useModel();
  return null;
}

function renderSection(input: NetworkInput) {
  render(
    <I18nProvider>
      <MnistContext.Provider
        value={{ state: { status: 'loading', download: null }, retry: () => undefined }}
      >
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
}

it('shows the current model’s probabilities and loss, and follows a model change', async () => {
  renderSection(input);
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

it('starts an unlabelled digit at the predicted label, and writes tiny numbers so they read true', async () => {
  renderSection({ pixels, source: 'drawn' });
  await waitFor(() => expect(screen.getAllByTestId('ce-prob')).toHaveLength(10));
  const untrained = reference(DEFAULT_MODEL_CONFIG.seed).prediction;
  const select = screen.getByLabelText('True label') as HTMLSelectElement;
  expect(select.value).toBe(String(untrained.digit));
  expect(screen.getByTestId('ce-label-hint').textContent).toContain(`(${untrained.digit})`);

  // A model sure of 7: its output bias for 7 raised by 40.
  const sure = reference(DEFAULT_MODEL_CONFIG.seed).weights.map((w) => ({
    ...w,
    data: w.data.slice(),
  }));
  sure[sure.length - 1].data[7] += 40;
  act(() => {
    model!.setModel({
      config: DEFAULT_MODEL_CONFIG,
      weights: sure,
      trained: true,
      steps: 1,
      epochs: 1,
    });
  });
  await waitFor(() => expect(select.value).toBe('7'));
  expect(Number(screen.getByTestId('ce-loss').getAttribute('data-value'))).toBeLessThan(1e-3);

  // The user says it was a 0: the probability of 0 is tiny, and written so, not as 0.0000.
  fireEvent.change(select, { target: { value: '0' } });
  const p0 = shownProbs()[0];
  expect(p0).toBeGreaterThan(0);
  expect(p0).toBeLessThan(1e-12);
  const loss = screen.getByTestId('ce-loss').textContent ?? '';
  expect(loss).toMatch(/−log\(\d\.\d × 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+\) = \d+\.\d{4}$/);
  expect(loss).not.toContain('0.0000');
  expect(screen.getAllByTestId('ce-prob')[0].textContent).toMatch(/× 10⁻/);
  expect(Number(screen.getByTestId('ce-loss').getAttribute('data-value'))).toBeCloseTo(
    -Math.log(p0),
    3,
  );
  expect(screen.queryByTestId('ce-label-hint')).toBeNull();
});
