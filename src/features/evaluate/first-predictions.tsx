import * as tf from '@tensorflow/tfjs';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { formatDigits } from '../../ml/evaluate';
import { MNIST_PIXELS, type MnistSplit } from '../../ml/mnist/dataset';
import { bytesToInput, predictOne } from '../../ml/inference';

const FIRST = 10;

/** The tutorial's printout for the first 10 test images, recomputed whenever the model changes. */
export function FirstPredictions(props: {
  model: tf.LayersModel;
  version: number;
  split: MnistSplit;
}) {
  const { model, version, split } = props;
  const { t, num } = useI18n();
  // `model` is one object whose weights change in place; `version` says when they did.
  const rows = useMemo(() => {
    void version;
    return Array.from({ length: FIRST }, (_, i) =>
      predictOne(
        model,
        bytesToInput(split.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS)),
      ),
    );
  }, [model, version, split]);
  const predicted = rows.map((r) => r.digit);
  return (
    <figure className="tutorial-output">
      <figcaption>{t('evaluate.firstTen')}</figcaption>
      <pre data-testid="first-predictions">
        {`${formatDigits(predicted)} prediction number\n${formatDigits(split.labels.subarray(0, FIRST))} real number`}
      </pre>
      <p
        className="confidences"
        data-testid="first-confidences"
        data-probabilities={rows.map((r) => r.probabilities[r.digit].toFixed(4)).join(' ')}
      >
        {rows.map((r) => `${num(r.probabilities[r.digit] * 100, 1)}%`).join(' · ')}
      </p>
    </figure>
  );
}
