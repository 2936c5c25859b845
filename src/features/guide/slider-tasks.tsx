import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { relu, sigmoid, sigmoidDerivative } from '../../ml/conv-lab/activations';
import type { TaskProps } from './task-props';

/** Move x and read ReLU, sigmoid and sigmoid's slope; done once x sits where the slope is steepest. */
export function ActivationTask({ onDone }: TaskProps) {
  const { t, num } = useI18n();
  const [x, setX] = useState(3);
  return (
    <div className="guide-widget">
      <label>
        {t('guide.act.x')}{' '}
        <input
          type="range"
          min={-6}
          max={6}
          step={0.1}
          value={x}
          aria-valuetext={num(x, 1)}
          onChange={(e) => {
            const v = Number(e.target.value);
            setX(v);
            if (Math.abs(v) <= 0.25) onDone();
          }}
        />{' '}
        <output>{num(x, 1)}</output>
      </label>
      <p data-testid="act-values">
        {t('guide.act.values', {
          relu: num(relu(x), 2),
          sigmoid: num(sigmoid(x), 3),
          slope: num(sigmoidDerivative(x), 3),
        })}
      </p>
    </div>
  );
}

/** Move the probability of the true class and read the cross-entropy; done once it is below 0.1. */
export function LossTask({ onDone }: TaskProps) {
  const { t, num } = useI18n();
  const [p, setP] = useState(0.2);
  const loss = -Math.log(p);
  return (
    <div className="guide-widget">
      <label>
        {t('guide.loss.p')}{' '}
        <input
          type="range"
          min={0.01}
          max={0.99}
          step={0.01}
          value={p}
          aria-valuetext={`${num(p * 100, 0)}%`}
          onChange={(e) => {
            const v = Number(e.target.value);
            setP(v);
            if (-Math.log(v) < 0.1) onDone();
          }}
        />{' '}
        <output>{num(p * 100, 0)}%</output>
      </label>
      <p data-testid="loss-value">{t('guide.loss.value', { loss: num(loss, 3) })}</p>
    </div>
  );
}
