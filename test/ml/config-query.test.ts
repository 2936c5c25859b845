import { describe, expect, it } from 'vitest';
import { TUTORIAL_CONFIG } from '../../src/ml/config';
import {
  changedFields,
  draftOf,
  parseConfigQuery,
  serializeConfigQuery,
  trainLink,
  validateDraft,
} from '../../src/ml/config-query';

describe('the training config in the URL', () => {
  it('defaults to the tutorial and round-trips through the query', () => {
    expect(validateDraft(parseConfigQuery(''))).toEqual({ ok: true, config: TUTORIAL_CONFIG });
    const config = {
      ...TUTORIAL_CONFIG,
      epochs: 2,
      learningRate: 0.01,
      optimizer: 'sgd' as const,
      seed: 42,
    };
    const query = serializeConfigQuery(draftOf(config));
    expect(query).toBe('epochs=2&batch=50&lr=0.01&opt=sgd&act=relu&init=pytorch&seed=42');
    expect(validateDraft(parseConfigQuery(`?${query}`))).toEqual({ ok: true, config });
  });

  it('reads a partial link and keeps the tutorial values for the rest', () => {
    const result = validateDraft(parseConfigQuery('epochs=1&act=sigmoid&init=glorot'));
    expect(result).toEqual({
      ok: true,
      config: { ...TUTORIAL_CONFIG, epochs: 1, activation: 'sigmoid', init: 'glorot' },
    });
  });

  it('rejects bad numbers and unknown choices, naming each field', () => {
    const result = validateDraft(
      parseConfigQuery('epochs=0&batch=2.5&lr=abc&opt=lbfgs&init=xavier&seed=-1'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.field, p.value])).toEqual([
      ['epochs', '0'],
      ['batchSize', '2.5'],
      ['learningRate', 'abc'],
      ['optimizer', 'lbfgs'],
      ['init', 'xavier'],
      ['seed', '-1'],
    ]);
    expect(result.problems[3]).toMatchObject({
      kind: 'choice',
      choices: ['adam', 'sgd', 'rmsprop'],
    });
    expect(validateDraft({ ...draftOf(TUTORIAL_CONFIG), epochs: '' }).ok).toBe(false);
  });
});

describe('links to the Train panel', () => {
  it('carry only the settings given, under the keys the panel reads', () => {
    const link = trainLink({ activation: 'sigmoid' });
    expect(link).toBe('#/train?act=sigmoid');
    const query = link.slice(link.indexOf('?'));
    expect(validateDraft(parseConfigQuery(query))).toEqual({
      ok: true,
      config: { ...TUTORIAL_CONFIG, activation: 'sigmoid' },
    });
    expect(trainLink({})).toBe('#/train');
  });

  it('name the settings where two drafts differ, in form order', () => {
    const a = draftOf(TUTORIAL_CONFIG);
    expect(changedFields(a, a)).toEqual([]);
    expect(changedFields(a, { ...a, seed: '7', activation: 'sigmoid' })).toEqual([
      'activation',
      'seed',
    ]);
  });
});
