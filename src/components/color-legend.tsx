import './color-legend.css';
import { gradientCss, type ColorScale } from './colormap';

/** A horizontal colour bar labelled with the range it spans. */
export function ColorLegend(props: {
  scale: ColorScale;
  min: string;
  max: string;
  /** What the colours mean, e.g. "Activation". */
  label: string;
}) {
  const { scale, min, max, label } = props;
  return (
    <figure className="color-legend" aria-label={`${label}: ${min} … ${max}`}>
      <figcaption>{label}</figcaption>
      <span>{min}</span>
      <span className="color-legend-bar" style={{ background: gradientCss(scale) }} />
      <span>{max}</span>
    </figure>
  );
}
