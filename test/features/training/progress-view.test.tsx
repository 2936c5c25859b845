// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { liveFigures, runStatus } from '../../../src/features/training/progress-status';
import { ProgressView } from '../../../src/features/training/progress-view';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import type { RunStatus } from '../../../src/features/training/progress-status';

beforeAll(() => localStorage.setItem('digit-lab.lang', 'en'));
afterEach(cleanup);

const progress = {
  epoch: 1,
  epochs: 10,
  stepInEpoch: 200,
  stepsPerEpoch: 1200,
  stepsDone: 1400,
  imagesPerSecond: 1234.5,
  etaSeconds: 1607,
};

describe('the run status', () => {
  it('tells a stopped run from a finished one', () => {
    const end = (reason: 'completed' | 'stopped' | 'diverged') => ({
      reason,
      step: null,
      loss: null,
    });
    expect(runStatus('finished', end('completed'))).toBe('finished');
    expect(runStatus('finished', end('stopped'))).toBe('stopped');
    expect(runStatus('finished', end('diverged'))).toBe('stopped');
    expect(runStatus('finished', null)).toBe('stopped');
    expect(runStatus('paused', null)).toBe('paused');
    expect(runStatus('training', null)).toBe('training');
  });

  it('has a rate and a time left only while training', () => {
    for (const status of ['paused', 'stopped', 'finished', 'idle'] as const) {
      expect(liveFigures(status, progress)).toEqual({ imagesPerSecond: null, etaSeconds: null });
    }
    expect(liveFigures('training', progress)).toEqual({
      imagesPerSecond: 1234.5,
      etaSeconds: 1607,
    });
  });
});

const show = (status: RunStatus, p = progress) =>
  render(
    <I18nProvider>
      <ProgressView progress={p} status={status} />
    </I18nProvider>,
  );

describe('the progress line', () => {
  it('shows the rate and the time left while training', () => {
    show('training');
    expect(screen.getByTestId('progress-total').textContent).toBe('1,400 steps in all');
    expect(screen.getByTestId('progress-rate').textContent).toBe('1,234.5 images/s');
    expect(screen.getByTestId('progress-eta').textContent).toBe('about 26:47 left');
    expect(screen.queryByTestId('progress-state')).toBeNull();
  });

  it.each([
    ['paused', 'Paused'],
    ['stopped', 'Stopped'],
    ['finished', 'Finished'],
  ] as const)('says %s, with no rate or time left', (status, words) => {
    show(status);
    expect(screen.getByTestId('progress-state').textContent).toBe(words);
    expect(screen.queryByTestId('progress-rate')).toBeNull();
    expect(screen.queryByTestId('progress-eta')).toBeNull();
    expect(screen.getByTestId('train-progress').textContent).not.toMatch(/left|images\/s/);
  });

  it('shows nothing before the first step', () => {
    const { container } = show('idle', { ...progress, stepsDone: 0, stepInEpoch: 0, epoch: 0 });
    expect(container.textContent).toBe('');
  });
});
