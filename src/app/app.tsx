import { I18nProvider } from '../i18n/i18n-context';
import { BackendProvider } from '../state/backend';
import { MnistProvider } from '../state/mnist';
import { NO_WORKER_BOOT, type OfflineBoot } from '../state/offline-boot';
import { OfflineProvider } from '../state/offline';
import { ModelProvider } from '../state/model';
import { PanelStateProvider } from '../state/panel-state';
import { TrainerProvider } from '../state/trainer';
import { SavedModelsProvider } from '../state/saved-models';
import { ExperimentQueueProvider } from '../state/experiment-queue';
import { useI18n } from '../i18n/use-i18n';
import { LANGUAGES, type Language } from '../i18n/messages';
import { PANELS, type PanelId } from './panels';
import { AppNotices } from './app-notices';
import { OfflineNotices } from './offline-notices';
import { StatusBar } from './status-bar';
import { useEffect, useState } from 'react';
import { rememberRoute, startRoute } from '../state/start-route';
import { useHashLocation } from '../state/url';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

function Shell() {
  const { t, lang, setLang } = useI18n();
  const { route: hashRoute } = useHashLocation();
  // An address without a route opens the guide on a first visit, else the panel last shown.
  const [start] = useState(() => startRoute(PANELS.map((p) => p.id)));
  const panel =
    PANELS.find((p) => p.id === (hashRoute || start)) ?? PANELS.find((p) => p.id === start)!;
  const route: PanelId = panel.id;
  useEffect(() => rememberRoute(route), [route]);
  const View = panel.view;
  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <div className="lang-switch" role="group" aria-label={t('app.language')}>
          {LANGUAGES.map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)}>
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
      </header>
      <nav aria-label={t('nav.label')} className="tabs">
        {PANELS.map((p) => (
          <a key={p.id} href={`#/${p.id}`} aria-current={p.id === route ? 'page' : undefined}>
            {t(p.title)}
          </a>
        ))}
      </nav>
      <AppNotices />
      <OfflineNotices />
      <main>
        <View />
      </main>
      <StatusBar />
    </div>
  );
}

function Starting() {
  const { t } = useI18n();
  return <p role="status">{t('backend.starting')}</p>;
}

function Failed({ message }: { message: string }) {
  const { t } = useI18n();
  return (
    <p role="alert" className="error">
      {t('backend.failed', { message })}
    </p>
  );
}

/**
 * The whole app: providers around the tabbed shell; models are built once a backend is set up.
 * `offline` is what the start-up found about the service worker and isolation.
 */
export function App({ offline = NO_WORKER_BOOT }: { offline?: OfflineBoot }) {
  return (
    <I18nProvider>
      <BackendProvider starting={<Starting />} failed={(m) => <Failed message={m} />}>
        <MnistProvider>
          <OfflineProvider boot={offline}>
            <ModelProvider>
              <TrainerProvider>
                <PanelStateProvider>
                  <SavedModelsProvider>
                    <ExperimentQueueProvider>
                      <Shell />
                    </ExperimentQueueProvider>
                  </SavedModelsProvider>
                </PanelStateProvider>
              </TrainerProvider>
            </ModelProvider>
          </OfflineProvider>
        </MnistProvider>
      </BackendProvider>
    </I18nProvider>
  );
}
