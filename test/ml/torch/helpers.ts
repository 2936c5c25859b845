// Shared by the PyTorch tests: the committed fixtures (made by scripts/torch/make-fixtures.py with
// real PyTorch) and a runner for the scripts that evaluate a file with real PyTorch.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { mnistDataDir } from '../../../scripts/vite-plugin-mnist';
import { ModelFileError, type ModelFileProblem } from '../../../src/ml/model-file-error';

/** Folder of the PyTorch fixtures. */
export const FIXTURES = 'test/fixtures/torch';

/** A fixture's bytes. */
export const fixture = (name: string) => new Uint8Array(readFileSync(`${FIXTURES}/${name}`));

/** What PyTorch printed for the tutorial-trained fixture (cnn2.pkl): wrong count and predictions. */
export interface TorchExpected {
  torch: string;
  wrong: number;
  predictions: string;
  float16: { wrong: number; predictions: string };
}

/** The expectations make-fixtures.py wrote beside cnn2.pkl. */
export const expected = (): TorchExpected =>
  JSON.parse(readFileSync(`${FIXTURES}/cnn2.expected.json`, 'utf8')) as TorchExpected;

/** Debian's Python, which has PyTorch (the python3 first on PATH may not). */
export const PYTHON = process.env.TORCH_PYTHON ?? '/usr/bin/python3';

/** Evaluates a state_dict file with real PyTorch (scripts/torch/evaluate.py). */
export function torchEvaluate(
  file: string,
  sigmoid = false,
): { torch: string; wrong: number; predictions: string } {
  const args = ['scripts/torch/evaluate.py', file, '--data', mnistDataDir()];
  const run = spawnSync(PYTHON, sigmoid ? [...args, '--sigmoid'] : args, { encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(
      `PyTorch could not evaluate ${file} (needs python3-torch: apt-get install -y python3-torch):\n${run.stderr}`,
    );
  }
  return JSON.parse(run.stdout) as { torch: string; wrong: number; predictions: string };
}

/** Counts equal digits of two prediction strings (or digit arrays) of the same length. */
export function agreement(a: ArrayLike<number | string>, b: ArrayLike<number | string>): number {
  expect(a.length).toBe(b.length);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (Number(a[i]) === Number(b[i])) same++;
  return same;
}

/** The problem `f` throws, failing the test if it throws anything else or nothing. */
export function problemOf(f: () => unknown): ModelFileProblem {
  try {
    f();
  } catch (err) {
    if (err instanceof ModelFileError) return err.problem;
    throw err;
  }
  throw new Error('expected a ModelFileError');
}
