import '../../components/lesson.css';
import './concepts.css';
import { useI18n } from '../../i18n/use-i18n';
import { ActivationCharts } from './activation-charts';
import { CrossEntropySection } from './cross-entropy-section';

/** The tutorial's §2.1 and §2.2: activation functions and the cross-entropy loss. */
export function ConceptsPanel() {
  const { t } = useI18n();
  return (
    <section className="panel concepts lesson" aria-labelledby="concepts-heading">
      <h2 id="concepts-heading">{t('act.panelHeading')}</h2>
      <h3>{t('act.heading')}</h3>
      <p>{t('act.intro')}</p>
      <ActivationCharts />
      <h3>{t('ce.heading')}</h3>
      <p>{t('ce.intro')}</p>
      <CrossEntropySection />
    </section>
  );
}
