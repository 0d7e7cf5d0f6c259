import type { RuntimeConfig } from '../types';

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Narrows untrusted JSON to a RuntimeConfig, naming the first field that is missing or malformed. */
export const parseRuntimeConfig = (json: unknown): RuntimeConfig => {
  const root = (json ?? {}) as Record<string, unknown>;
  const keycloak = (root.keycloak ?? {}) as Record<string, unknown>;
  for (const field of ['url', 'realm', 'clientId'] as const) {
    if (!isNonEmptyString(keycloak[field])) {
      throw new Error(`/config.json: keycloak.${field} must be a non-empty string`);
    }
  }
  return {
    keycloak: {
      url: keycloak.url as string,
      realm: keycloak.realm as string,
      clientId: keycloak.clientId as string,
    },
    version: isNonEmptyString(root.version) ? root.version : 'dev',
  };
};

/**
 * The console is built once and configured per deployment: the gateway serves `/config.json`
 * (public, no token) with the Keycloak coordinates, so the bundle carries no environment.
 */
export const loadRuntimeConfig = async (): Promise<RuntimeConfig> => {
  const response = await fetch('/config.json', {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) {
    throw new Error(`/config.json: HTTP ${response.status}`);
  }
  return parseRuntimeConfig(await response.json());
};
