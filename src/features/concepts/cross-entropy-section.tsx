import { useMemo, useState } from 'react';
import { GrayCanvas } from '../../components/gray-canvas';
import { useMnist } from '../../state/mnist';
import { useModel } from '../../state/model';
import { usePanelState } from '../../state/panel-state';
import { useI18n } from '../../i18n/use-i18n';
import { crossEntropy, softmax } from '../../ml/conv-lab/loss';
import { squareImage } from '../../ml/image';
import { bytesToInput, predictOne, type Prediction } from '../../ml/inference';
import { imageAt } from '../../ml/mnist/dataset';
import { mathNumber } from '../../components/math-number';

/** What the network looks at here: its pixels, true label if known, and a description. */
interface Shown {
  pixels: Float32Array;
  label?: number;
  key: string;
}

const f4 = mathNumber;
// An exponent in scientific notation needs brackets: e^(1.4 × 10⁻⁴), not e^1.4 × 10⁻⁴.
const exponent = (v: number) => {
  const text = mathNumber(v);
  return text.includes('×') ? `(${text})` : text;
};

/** Logits, softmax and the cross-entropy loss of the current model on the current input. */
export function CrossEntropySection() {
  const { t } = useI18n();
  const { input } = usePanelState();
  const { state } = useMnist();
  const { inference, current } = useModel();
  const [useTest, setUseTest] = useState(false);
  const [index, setIndex] = useState(0);
  const [indexText, setIndexText] = useState('0');
  const test = state.status === 'ready' ? state.data.test : null;

  const shown = useMemo<Shown | null>(() => {
    if (input && !useTest)
      return { pixels: input.pixels, label: input.label, key: `in:${input.source}` };
    if (!test) return null;
    return {
      pixels: bytesToInput(imageAt(test, index)),
      label: test.labels[index],
      key: `test:${index}`,
    };
  }, [input, useTest, test, index]);

  // `inference` already holds the weights of `current.version` (the provider writes them first).
  const prediction = useMemo<Prediction | null>(
    () => (shown ? predictOne(inference, shown.pixels) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- new weights arrive in the same model
    [inference, shown, current.version],
  );

  // The chosen true label, reset whenever the input changes to the known label (a test image's),
  // else to the predicted digit: what the drawer most likely meant.
  const [choice, setChoice] = useState<{ key: string; label: number } | null>(null);
  const label =
    choice && shown && choice.key === shown.key
      ? choice.label
      : (shown?.label ?? prediction?.digit ?? 0);

  const maxIndex = test ? test.count - 1 : 9999;
  const probs = prediction ? softmax(prediction.logits) : null;
  const loss = prediction ? crossEntropy(prediction.logits, label) : null;
  const expSum = prediction ? prediction.logits.reduce((s, z) => s + Math.exp(z), 0) : 0;

  return (
    <div className="cross-entropy">
      <div className="toolbar">
        <fieldset className="segmented">
          <legend>{t('ce.source')}</legend>
          <label>
            <input
              type="radio"
              name="ce-source"
              disabled={!input}
              checked={!!input && !useTest}
              onChange={() => setUseTest(false)}
            />
            {input ? t(`ce.source.${input.source}`) : t('ce.source.none')}
          </label>
          <label>
            <input
              type="radio"
              name="ce-source"
              checked={!input || useTest}
              onChange={() => setUseTest(true)}
            />
            {t('ce.source.test')}
          </label>
        </fieldset>
        {(!input || useTest) && (
          <label>
            {t('ce.index', { max: maxIndex })}{' '}
            <input
              aria-label={t('ce.index', { max: maxIndex })}
              type="number"
              min={0}
              max={maxIndex}
              value={indexText}
              aria-invalid={String(index) !== indexText}
              onChange={(e) => {
                setIndexText(e.target.value);
                const n = Number(e.target.value);
                if (e.target.value.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= maxIndex)
                  setIndex(n);
              }}
              style={{ width: '6em' }}
            />
          </label>
        )}
        <label>
          {t('ce.label')}{' '}
          <select
            value={label}
            onChange={(e) => shown && setChoice({ key: shown.key, label: Number(e.target.value) })}
          >
            {Array.from({ length: 10 }, (_, d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      </div>
      {shown && shown.label === undefined && prediction && label === prediction.digit && (
        <p className="hint" data-testid="ce-label-hint">
          {t('ce.labelFromPrediction', { digit: prediction.digit })}
        </p>
      )}
      {!shown && (
        <p role="status">{state.status === 'error' ? t('ce.noData') : t('data.loading')}</p>
      )}
      {!current.trained && (
        <p className="note" data-testid="ce-untrained">
          {t('ce.untrained')}
        </p>
      )}
      {shown && prediction && probs && loss !== null && (
        <div className="ce-layout">
          <GrayCanvas
            image={squareImage(shown.pixels)}
            range={[0, 1]}
            size={112}
            label={t('ce.inputAlt', { label: shown.label ?? '?' })}
          />
          <table className="ce-table">
            <thead>
              <tr>
                <th scope="col">{t('ce.class')}</th>
                <th scope="col">{t('ce.logit')}</th>
                <th scope="col">{t('ce.prob')}</th>
                <th scope="col" aria-hidden />
              </tr>
            </thead>
            <tbody>
              {Array.from(probs, (p, d) => (
                <tr key={d} className={d === label ? 'chosen' : undefined}>
                  <th scope="row">{d}</th>
                  <td>{f4(prediction.logits[d])}</td>
                  <td data-testid="ce-prob" data-value={p}>
                    {f4(p)}
                  </td>
                  <td>
                    <span className="prob-track">
                      <span className="prob-bar" style={{ width: `${p * 100}%` }} />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="formula">
            <p>{t('ce.softmax')}</p>
            <p>
              p[{label}] = e^{exponent(prediction.logits[label])} / {f4(expSum)} ={' '}
              {f4(Math.exp(prediction.logits[label]))} / {f4(expSum)} = {f4(probs[label])}
            </p>
            <p data-testid="ce-loss" data-value={loss}>
              {t('ce.lossIs')} −log p[{label}] = −log({f4(probs[label])}) ={' '}
              <strong>{f4(loss)}</strong>
            </p>
            <p>{t('ce.explain', { ln10: f4(Math.log(10)) })}</p>
          </div>
        </div>
      )}
    </div>
  );
}
