import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useI18n } from '../../i18n/use-i18n';
import { activationCurves, type CurveName } from '../../ml/conv-lab/activations';
import { trainLink } from '../../ml/config-query';

const POINTS = activationCurves(-6, 6, 121);

/** One activation and its derivative on x ∈ [−6, 6]. */
function CurveChart({ name }: { name: CurveName }) {
  const { t } = useI18n();
  const deriv = name === 'relu' ? 'reluDerivative' : 'sigmoidDerivative';
  const title = t(`act.${name}`);
  return (
    <figure className="act-chart" aria-label={title}>
      <figcaption>
        <strong>{title}</strong> — <code>{t(`act.${name}.formula`)}</code>
      </figcaption>
      <div
        style={{ width: '100%', height: 240 }}
        role="img"
        aria-label={t('act.chartSummary', { name: title, formula: t(`act.${name}.formula`) })}
      >
        <ResponsiveContainer>
          {/* No keyboard layer: it made the chart an unnamed Tab stop; the label describes it. */}
          <LineChart
            data={POINTS}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" type="number" domain={[-6, 6]} ticks={[-6, -4, -2, 0, 2, 4, 6]} />
            <YAxis domain={name === 'relu' ? [0, 6] : [0, 1]} />
            <Tooltip
              formatter={(v) => Number(v).toFixed(3)}
              labelFormatter={(x) => `x = ${Number(x).toFixed(1)}`}
            />
            <Legend />
            <Line
              dataKey={name}
              name={title}
              stroke="#2563eb"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
            <Line
              dataKey={deriv}
              name={t('act.derivative')}
              stroke="#dc2626"
              strokeDasharray="5 3"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** ReLU and sigmoid with their derivatives, pros and cons, and links to train with each. */
export function ActivationCharts() {
  const { t } = useI18n();
  return (
    <div>
      <div className="act-layout">
        {(['relu', 'sigmoid'] as const).map((name) => (
          <div key={name}>
            <CurveChart name={name} />
            <ul className="pros-cons">
              <li>
                <strong>{t('act.pros')}</strong> {t(`act.${name}.pros`)}
              </li>
              <li>
                <strong>{t('act.cons')}</strong> {t(`act.${name}.cons`)}
              </li>
            </ul>
            <a href={trainLink({ activation: name })}>{t(`act.${name}.train`)}</a>
          </div>
        ))}
      </div>
      <p>{t('act.compare')}</p>
      <p>
        <a href="#/experiments?preset=relu-vs-sigmoid">{t('act.compareLink')}</a>
      </p>
    </div>
  );
}
