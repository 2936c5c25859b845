// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PredictionView } from '../../../src/features/draw/prediction-view';
import { I18nProvider } from '../../../src/i18n/i18n-context';

afterEach(cleanup);

describe('the prediction view', () => {
  it('shows the top digit with its confidence and a labelled bar per digit', () => {
    localStorage.setItem('digit-lab.lang', 'en');
    const probabilities = Float32Array.from([
      0.01, 0.02, 0.03, 0.6, 0.04, 0.05, 0.06, 0.07, 0.08, 0.04,
    ]);
    render(
      <I18nProvider>
        <PredictionView prediction={{ logits: new Float32Array(10), probabilities, digit: 3 }} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('top-digit').textContent).toBe('3');
    expect(screen.getByText('60.0% confident')).toBeTruthy();
    const bars = screen.getAllByRole('meter');
    expect(bars).toHaveLength(10);
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual(
      Array.from(probabilities, (p, d) => `Digit ${d}: ${(p * 100).toFixed(1)}%`),
    );
    expect(bars[3].getAttribute('aria-valuenow')).toBe('60');
  });
});
