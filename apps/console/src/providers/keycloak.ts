import Keycloak from 'keycloak-js';
import type { RuntimeConfig } from '../types';

/** Seconds of remaining validity below which a token is refreshed before an API call. */
const MIN_TOKEN_VALIDITY_SECONDS = 30;

/**
 * The app uses react-admin's hash router, and an OAuth redirect URI must not carry a fragment. So the
 * login round-trip always returns to the bare origin, and the route the user asked for is parked in
 * sessionStorage (a route, nothing sensitive) and restored after the callback.
 */
const RETURN_ROUTE_KEY = 'zhiben.returnRoute';

const appRedirectUri = (): string => `${window.location.origin}${window.location.pathname}`;

/** The realm lists `zh-CN`; newer Keycloak themes call it `zh-Hans`. `ui_locales` takes a list. */
const keycloakUiLocales = (locale: string): string => (locale === 'en' ? 'en' : 'zh-CN zh-Hans');

export const createKeycloak = (config: RuntimeConfig['keycloak']): Keycloak =>
  new Keycloak({ url: config.url, realm: config.realm, clientId: config.clientId });

/**
 * Processes a login callback if the URL carries one; does not force a login by itself. The login is
 * forced by the authProvider's `checkAuth`, so react-admin stays in charge of when auth is required.
 */
export const initKeycloak = async (keycloak: Keycloak): Promise<boolean> => {
  const authenticated = await keycloak.init({
    pkceMethod: 'S256',
    responseMode: 'fragment',
    checkLoginIframe: false,
    redirectUri: appRedirectUri(),
  });
  const returnRoute = sessionStorage.getItem(RETURN_ROUTE_KEY);
  if (authenticated && returnRoute !== null) {
    sessionStorage.removeItem(RETURN_ROUTE_KEY);
    if (returnRoute.startsWith('#/')) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${returnRoute}`);
    }
  }
  return authenticated;
};

/** Redirects to the Keycloak login page; the returned promise never settles because the page unloads. */
export const redirectToLogin = async (keycloak: Keycloak, locale: string): Promise<never> => {
  if (window.location.hash.startsWith('#/') && window.location.hash !== '#/') {
    sessionStorage.setItem(RETURN_ROUTE_KEY, window.location.hash);
  }
  await keycloak.login({ redirectUri: appRedirectUri(), locale: keycloakUiLocales(locale) });
  return new Promise<never>(() => undefined);
};

/** Returns a bearer token valid for at least the next 30 s, refreshing it or re-authenticating as needed. */
export const freshToken = async (keycloak: Keycloak, locale: string): Promise<string> => {
  try {
    await keycloak.updateToken(MIN_TOKEN_VALIDITY_SECONDS);
  } catch {
    // The refresh token expired or the SSO session ended: only a new login helps.
    return redirectToLogin(keycloak, locale);
  }
  if (!keycloak.token) {
    return redirectToLogin(keycloak, locale);
  }
  return keycloak.token;
};

export const realmRoles = (keycloak: Keycloak): string[] => keycloak.tokenParsed?.realm_access?.roles ?? [];
