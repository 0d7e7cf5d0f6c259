import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { RuntimeConfigProvider } from './config/RuntimeConfigContext';
import { loadRuntimeConfig } from './config/runtimeConfig';
import { BootScreen } from './layout/BootScreen';
import { isPublicHash } from './public/publicStatus';
import { createAuthProvider } from './providers/authProvider';
import { createDataProvider } from './providers/dataProvider';
import { createHttpClient } from './providers/httpClient';
import { currentLocale, i18nProvider } from './providers/i18nProvider';
import { createKeycloak, freshToken, initKeycloak } from './providers/keycloak';

/** keycloak-js rejects with `{ error, error_description }` objects, not Errors. */
const describe = (error: unknown): string => {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'error' in error) {
    const { error: code, error_description: description } = error as {
      error: unknown;
      error_description?: unknown;
    };
    return description ? `${String(code)}: ${String(description)}` : String(code);
  }
  return String(error);
};

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

const start = async (): Promise<void> => {
  root.render(<BootScreen state={{ kind: 'loading' }} />);
  try {
    const config = await loadRuntimeConfig();
    const keycloak = createKeycloak(config.keycloak);
    await initKeycloak(keycloak);
    const translate = (key: string, options?: Record<string, unknown>) =>
      i18nProvider.translate(key, options);
    const http = createHttpClient({
      getToken: () => freshToken(keycloak, currentLocale()),
      getLocale: currentLocale,
      translate,
    });
    root.render(
      <StrictMode>
        <RuntimeConfigProvider config={config}>
          <App
            authProvider={createAuthProvider({ keycloak, http, getLocale: currentLocale })}
            dataProvider={createDataProvider({ http, translate })}
          />
        </RuntimeConfigProvider>
      </StrictMode>,
    );
  } catch (error) {
    console.error('Console bootstrap failed', error);
    root.render(<BootScreen state={{ kind: 'failed', detail: describe(error) }} />);
  }
};

/**
 * The public tip form and status page (`#/public/…`) need no login: they render without Keycloak (never
 * initialised, so no redirect and no SSO check) and without react-admin. Crossing between them and the
 * console (the "staff sign-in" link, a typed URL) reloads the page, so each side boots its own way.
 */
const startPublic = async (): Promise<void> => {
  const { PublicApp } = await import('./public/PublicApp');
  root.render(
    <StrictMode>
      <PublicApp />
    </StrictMode>,
  );
};

const publicAtBoot = isPublicHash(window.location.hash);
window.addEventListener('hashchange', () => {
  if (isPublicHash(window.location.hash) !== publicAtBoot) window.location.reload();
});

if (publicAtBoot) {
  startPublic().catch((error: unknown) => {
    console.error('Public pages failed to start', error);
    root.render(<BootScreen state={{ kind: 'failed', detail: describe(error) }} />);
  });
} else {
  void start();
}
