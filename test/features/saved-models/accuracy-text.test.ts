import { describe, expect, it } from 'vitest';
import { accuracyCell, accuracyText } from '../../../src/features/saved-models/accuracy-text';
import type { Translate } from '../../../src/i18n/i18n-context';
import { format, MESSAGES, type Language } from '../../../src/i18n/messages';
import { TUTORIAL_CONFIG } from '../../../src/ml/config';
import { emptyHistory } from '../../../src/ml/history';

const words = (lang: Language) => {
  const t: Translate = (key, params) => format(MESSAGES[lang][key], params);
  const num = (n: number, digits?: number) =>
    n.toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return (fact: Parameters<typeof accuracyText>[2]) => accuracyText(t, num, fact, 10000);
};

describe('the test accuracy of the current model, in words', () => {
  const en = words('en');
  it('names the last whole-test-set measurement of the run and its epoch', () => {
    expect(en({ kind: 'epoch', accuracy: 0.98123, epoch: 3, stepsSince: 0 })).toBe(
      '98.12% (all 10,000 test images, measured after epoch 3)',
    );
    expect(en({ kind: 'epoch', accuracy: 0.98123, epoch: 3, stepsSince: 250 })).toBe(
      '98.12% (all 10,000 test images, measured after epoch 3; these weights trained 250 steps more since)',
    );
  });

  it('names an evaluation or a stored value, and says when none exists yet', () => {
    expect(en({ kind: 'evaluated', accuracy: 0.5 })).toBe(
      '50.00% (all 10,000 test images, measured in Evaluate on these weights)',
    );
    expect(en({ kind: 'stored', accuracy: 0.9 })).toMatch(/^90\.00% \(all 10,000 test images/);
    expect(en(null)).toMatch(/^not measured yet \(each epoch end measures it on all 10,000/);
  });

  it('speaks Chinese too', () => {
    expect(words('zh-CN')({ kind: 'epoch', accuracy: 0.98, epoch: 3, stepsSince: 0 })).toBe(
      '98.00%（全部 10,000 张测试图像，第 3 轮结束时测得）',
    );
  });
});

it('fills a list cell from the stored accuracy, else from the run’s last epoch end', () => {
  const t: Translate = (key, params) => format(MESSAGES.en[key], params);
  const num = (n: number, digits?: number) =>
    n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const history = emptyHistory(TUTORIAL_CONFIG);
  history.accuracy.push({ step: 1199, epoch: 0, accuracy: 0.97, scope: 'full' });
  expect(accuracyCell(t, num, { testAccuracy: 0.99, history, steps: 1200 })).toBe('99.00%');
  expect(accuracyCell(t, num, { testAccuracy: null, history, steps: 1500 })).toBe(
    '97.00% (after epoch 1)',
  );
  expect(accuracyCell(t, num, { testAccuracy: null, history, steps: 900 })).toBe('—');
  expect(accuracyCell(t, num, { testAccuracy: null, history: null, steps: 1500 })).toBe('—');
});
