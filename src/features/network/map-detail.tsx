import { useI18n } from '../../i18n/use-i18n';
import { ClassDetail } from './class-detail';
import { ConvDetail } from './conv-detail';
import { PoolDetail } from './pool-detail';
import type { MapRef } from './overview-refs';
import type { OverviewResult } from './overview-view';

/** The computation behind one opened map or class, with a way to close it. */
export function MapDetail(props: { at: MapRef; result: OverviewResult; onClose: () => void }) {
  const { at, result, onClose } = props;
  const { t } = useI18n();
  const title =
    at.layer === 'class'
      ? t('overview.detail.class', { digit: at.index })
      : t('overview.detail.map', { layer: at.layer, n: at.index });
  return (
    <section className="map-detail" aria-label={title}>
      <h4>
        {title}{' '}
        <button type="button" onClick={onClose}>
          {t('network.close')}
        </button>
      </h4>
      {at.layer === 'conv1' || at.layer === 'conv2' ? (
        <ConvDetail layer={at.layer} index={at.index} result={result} />
      ) : at.layer === 'pool1' || at.layer === 'pool2' ? (
        <PoolDetail layer={at.layer} index={at.index} result={result} />
      ) : at.layer === 'class' ? (
        <ClassDetail digit={at.index} result={result} />
      ) : null}
    </section>
  );
}
