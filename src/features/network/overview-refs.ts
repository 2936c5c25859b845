import type { FeatureLayerName } from '../../ml/features';

/** A column of the overview: the input, a feature layer, or the class scores. */
export type OverviewLayer = 'input' | FeatureLayerName | 'class';

/** One map (or, for 'class', one digit) of the overview. */
export interface MapRef {
  layer: OverviewLayer;
  index: number;
}

/** What a map is computed from: a layer and the maps of it that feed it ('all' for every one). */
export interface Sources {
  layer: OverviewLayer | 'flatten';
  maps: number[] | 'all';
}

/**
 * Where a map's values come from in the tutorial network: each conv1 map reads the input, a pool
 * map its own conv map, each conv2 map all 16 pool1 maps, each class all 1,568 flattened pool2 values.
 */
export function sourcesOf(ref: MapRef): Sources | null {
  switch (ref.layer) {
    case 'input':
      return null;
    case 'conv1':
      return { layer: 'input', maps: [0] };
    case 'pool1':
      return { layer: 'conv1', maps: [ref.index] };
    case 'conv2':
      return { layer: 'pool1', maps: 'all' };
    case 'pool2':
      return { layer: 'conv2', maps: [ref.index] };
    case 'class':
      return { layer: 'pool2', maps: 'all' };
  }
}

/** True when map `index` of `layer` feeds the focused map. */
export function feedsFocus(focus: MapRef | null, layer: OverviewLayer, index: number): boolean {
  const sources = focus && sourcesOf(focus);
  if (!sources || sources.layer !== layer) return false;
  return sources.maps === 'all' || sources.maps.includes(index);
}
