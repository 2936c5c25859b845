import type { ReactNode } from 'react';
import { HeatmapCanvas } from '../../components/heatmap-canvas';
import type { LayerMaps } from '../../ml/features';
import { mapAt } from '../../ml/features';
import { feedsFocus, type MapRef, type OverviewLayer } from './overview-refs';

/** A column of the overview: a title, the shape of what it holds, and its contents. */
export function OverviewColumn(props: {
  title: string;
  shape: string;
  highlighted?: boolean;
  children: ReactNode;
}) {
  const { title, shape, highlighted, children } = props;
  return (
    <section
      className={`overview-column${highlighted ? ' is-source' : ''}`}
      aria-label={`${title}: ${shape}`}
    >
      <h4>{title}</h4>
      <p className="overview-shape">{shape}</p>
      {children}
    </section>
  );
}

/** A layer's maps as an even grid of buttons: hover or focus marks the maps they are computed from. */
export function MapGrid(props: {
  layer: OverviewLayer;
  maps: LayerMaps;
  cols: number;
  thumb: number;
  focus: MapRef | null;
  open: MapRef | null;
  label: (index: number) => string;
  onFocus: (ref: MapRef | null) => void;
  onOpen: (ref: MapRef) => void;
}) {
  const { layer, maps, cols, thumb, focus, open, label, onFocus, onOpen } = props;
  return (
    <div
      className="overview-grid"
      data-maps={maps.channels}
      style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, ${thumb}px))` }}
    >
      {Array.from({ length: maps.channels }, (_, i) => {
        const source = feedsFocus(focus, layer, i);
        const focused = focus?.layer === layer && focus.index === i;
        return (
          <button
            key={i}
            type="button"
            className={`overview-map${source ? ' is-source' : ''}${focused ? ' is-focus' : ''}`}
            aria-label={label(i)}
            aria-pressed={open?.layer === layer && open.index === i}
            data-source={source || undefined}
            onMouseEnter={() => onFocus({ layer, index: i })}
            onMouseLeave={() => onFocus(null)}
            onFocus={() => onFocus({ layer, index: i })}
            onBlur={() => onFocus(null)}
            onClick={() => onOpen({ layer, index: i })}
          >
            <HeatmapCanvas
              values={mapAt(maps, i)}
              side={maps.side}
              min={maps.min}
              max={maps.max}
              scale="sequential"
              size={thumb}
              fluid
              label={label(i)}
            />
          </button>
        );
      })}
    </div>
  );
}
