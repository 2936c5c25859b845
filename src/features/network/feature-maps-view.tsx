import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { ColorLegend } from '../../components/color-legend';
import { HeatmapCanvas } from '../../components/heatmap-canvas';
import { useModel } from '../../state/model';
import { useI18n } from '../../i18n/use-i18n';
import {
  computeFeatureMaps,
  createFeatureModel,
  FEATURE_LAYERS,
  mapAt,
  type FeatureLayerName,
  type FeatureMaps,
} from '../../ml/features';
import { EnlargedMap } from './enlarged-map';

/** Thumbnail size of one map in CSS pixels, per layer. */
const THUMB: Record<FeatureLayerName, number> = { conv1: 84, pool1: 56, conv2: 56, pool2: 42 };

/** conv1, pool1, conv2 and pool2 activations for one input, as clickable heatmaps. */
export function FeatureMapsView({ pixels }: { pixels: Float32Array }) {
  const { t, num } = useI18n();
  const { inference, current } = useModel();
  const [maps, setMaps] = useState<{ maps: FeatureMaps; ms: number } | null>(null);
  const [open, setOpen] = useState<{ layer: FeatureLayerName; index: number } | null>(null);
  // Shares the inference model's layers, so it always sees the current weights.
  const featureModel = useMemo(() => createFeatureModel(inference), [inference]);

  useEffect(() => {
    let live = true;
    // Next frame: the panel paints first, and bursts of weight updates collapse into one compute.
    const frame = requestAnimationFrame(() => {
      const start = performance.now();
      computeFeatureMaps(featureModel, pixels).then(
        (m) => {
          if (live) setMaps({ maps: m, ms: performance.now() - start });
        },
        (err: unknown) => console.warn('feature maps failed', err),
      );
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, [featureModel, pixels, current.version]);

  if (!maps) return <p role="status">{t('network.computing')}</p>;
  const act = current.config.activation;
  return (
    <section aria-labelledby="maps-heading">
      <h3 id="maps-heading">{t('network.maps')}</h3>
      <p className="timing" data-testid="maps-ms">
        {t('network.timing', { ms: num(maps.ms, 1) })}
      </p>
      {FEATURE_LAYERS.map(({ name, channels, side }) => {
        const layer = maps.maps[name];
        const title = t(`network.layer.${name}`, { act });
        return (
          <section key={name} className="map-layer" aria-label={title}>
            <h4>{title}</h4>
            <ColorLegend
              scale="sequential"
              label={t('network.activation')}
              min={num(layer.min, 2)}
              max={num(layer.max, 2)}
            />
            <div
              className="map-grid"
              data-maps={channels}
              style={{ '--thumb': `${THUMB[name] + 4}px` } as CSSProperties}
            >
              {Array.from({ length: channels }, (_, i) => {
                const label = t('network.map', { layer: name, n: i });
                return (
                  <button
                    key={i}
                    type="button"
                    className="map-thumb"
                    aria-pressed={open?.layer === name && open.index === i}
                    aria-label={label}
                    onClick={() => setOpen({ layer: name, index: i })}
                  >
                    <HeatmapCanvas
                      values={mapAt(layer, i)}
                      side={side}
                      min={layer.min}
                      max={layer.max}
                      scale="sequential"
                      size={THUMB[name]}
                      fluid
                      label={label}
                    />
                  </button>
                );
              })}
            </div>
            {open?.layer === name && (
              <EnlargedMap
                layer={name}
                index={open.index}
                maps={layer}
                onClose={() => setOpen(null)}
              />
            )}
          </section>
        );
      })}
    </section>
  );
}
