import type Keycloak from 'keycloak-js';
import type { AuthProvider, UserIdentity } from 'react-admin';
import type { Me } from '../types';
import type { HttpClient } from './httpClient';
import type { ConsoleLocale } from './i18nProvider';
import { realmRoles, redirectToLogin } from './keycloak';

/** What the app bar and dashboard show about the signed-in user. */
export interface ConsoleIdentity extends UserIdentity {
  username: string;
  orgUnit: Me['orgUnit'];
  enterprise: Me['enterprise'];
}

export const ADMIN_ROLE = 'admin';

/**
 * Everyone signed in may read (the API narrows what each sees); changing the directory is for
 * administrators; hazards are registered by enterprises and officials and then change only through
 * their workflow, never by edit or delete (the server checks all of this too).
 */
const READ_ACTIONS = new Set(['list', 'show', 'export']);
const READ_ONLY_RESOURCES = new Set(['sectors', 'listings']);
const CREATE_ROLES: Record<string, readonly string[]> = {
  hazards: ['enterprise', 'official', 'inspector'],
  // Enforcement: the API checks the department and jurisdiction; these hide buttons nobody may use.
  'inspection-plans': ['inspector', 'official', 'leader'],
  inspections: ['inspector'],
  'penalty-cases': ['inspector', 'official', 'leader'],
  referrals: ['inspector', 'official', 'leader'],
};

const HAN = /[\u3400-\u9fff]/;

/**
 * Keycloak's `name` claim joins given and family name with a space ("伟 张"); a Chinese name reads family
 * name first with no space ("张伟"). Other names keep Keycloak's form.
 */
export const displayName = (claims: Record<string, unknown>): string | undefined => {
  const given = claims.given_name;
  const family = claims.family_name;
  if (typeof given === 'string' && typeof family === 'string' && HAN.test(`${family}${given}`)) {
    return `${family}${given}`;
  }
  return typeof claims.name === 'string' && claims.name !== '' ? claims.name : undefined;
};

export interface AuthProviderDeps {
  keycloak: Keycloak;
  http: HttpClient;
  getLocale: () => ConsoleLocale;
}

export const createAuthProvider = ({ keycloak, http, getLocale }: AuthProviderDeps): AuthProvider => {
  let me: Promise<Me | null> | null = null;
  // The directory knows the user's org unit; if it is unreachable the console still works from the token.
  const loadMe = (): Promise<Me | null> => {
    me ??= http.request<Me>('/api/directory/me').catch(() => {
      me = null;
      return null;
    });
    return me;
  };

  return {
    async login() {
      await redirectToLogin(keycloak, getLocale());
    },

    async logout() {
      me = null;
      if (keycloak.authenticated) {
        await keycloak.logout({ redirectUri: `${window.location.origin}${window.location.pathname}` });
      }
      // Keycloak's end-session page takes over; react-admin must not navigate meanwhile.
      return false;
    },

    async checkAuth() {
      if (keycloak.authenticated && keycloak.token) return;
      await redirectToLogin(keycloak, getLocale());
    },

    async checkError(error: { status?: number }) {
      // 401: the token is no longer accepted, so start over. 403 is a business answer (for example
      // "outside your jurisdiction"): keep the session and let the page show the message.
      if (error?.status === 401) {
        throw error;
      }
    },

    async getIdentity(): Promise<ConsoleIdentity> {
      const token: Record<string, unknown> = { ...keycloak.tokenParsed, ...keycloak.idTokenParsed };
      const profile = await loadMe();
      const username = profile?.username ?? (token.preferred_username as string | undefined) ?? '';
      return {
        id: (token.sub as string | undefined) ?? username,
        fullName: displayName(token) ?? profile?.name ?? username,
        username,
        orgUnit: profile?.orgUnit ?? null,
        enterprise: profile?.enterprise ?? null,
      };
    },

    async getPermissions() {
      return realmRoles(keycloak);
    },

    async canAccess({ action, resource }) {
      if (READ_ACTIONS.has(action)) return true;
      if (READ_ONLY_RESOURCES.has(resource)) return false;
      const roles = realmRoles(keycloak);
      const creators = CREATE_ROLES[resource];
      if (creators) return action === 'create' && roles.some((role) => creators.includes(role));
      return roles.includes(ADMIN_ROLE);
    },
  };
};
