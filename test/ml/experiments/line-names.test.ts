import { expect, it } from 'vitest';
import { TUTORIAL_CONFIG, type TrainConfig } from '../../../src/ml/config';
import { differingSettings, lineNames } from '../../../src/ml/experiments/line-names';

const c = (over: Partial<TrainConfig>): TrainConfig => ({ ...TUTORIAL_CONFIG, ...over });
const word = (setting: string, value: string | number) => `${setting}=${value}`;

it('finds the settings that differ between runs, in a fixed order', () => {
  expect(differingSettings([c({ activation: 'relu' }), c({ activation: 'sigmoid' })])).toEqual([
    'activation',
  ]);
  expect(
    differingSettings([c({ seed: 2, optimizer: 'sgd' }), c({ seed: 1 }), c({ optimizer: 'sgd' })]),
  ).toEqual(['optimizer', 'seed']);
  expect(differingSettings([c({}), c({})])).toEqual([]);
});

it('names each line by what differs', () => {
  const names = lineNames(
    [
      { config: c({ activation: 'relu' }), fallback: 'a' },
      { config: c({ activation: 'sigmoid' }), fallback: 'b' },
    ],
    word,
  );
  expect(names).toEqual(['activation=relu', 'activation=sigmoid']);
  const two = lineNames(
    [
      { config: c({ optimizer: 'adam', learningRate: 0.001 }), fallback: 'a' },
      { config: c({ optimizer: 'sgd', learningRate: 0.01 }), fallback: 'b' },
    ],
    word,
  );
  expect(two).toEqual(['optimizer=adam, learningRate=0.001', 'optimizer=sgd, learningRate=0.01']);
});

it('falls back on the run names when nothing differs, numbering names alike', () => {
  const same = lineNames(
    [
      { config: c({}), fallback: 'run of today' },
      { config: c({}), fallback: 'run of today' },
      { config: null, fallback: 'old run' },
    ],
    word,
  );
  expect(same).toEqual(['run of today', 'run of today #2', 'old run']);
  // A run of unknown settings beside two that differ keeps its own name.
  const mixed = lineNames(
    [
      { config: c({ learningRate: 0.01 }), fallback: 'x' },
      { config: c({ learningRate: 0.001 }), fallback: 'y' },
      { config: null, fallback: 'old run' },
    ],
    word,
  );
  expect(mixed).toEqual(['learningRate=0.01', 'learningRate=0.001', 'old run']);
});
