import KeycloakConnect from 'keycloak-connect';
import { principalFromClaims, type Principal } from './principal';

export interface TokenVerifierOptions {
  keycloakUrl: string;
  realm: string;
  /** The services' client id; access tokens must name it in `aud`. */
  audience: string;
}

export class InvalidTokenError extends Error {}

interface GrantManagerLike {
  createGrant(data: {
    access_token: string;
  }): Promise<{ access_token?: { content: Record<string, unknown> } }>;
}

/**
 * Verifies bearer tokens with keycloak-connect's grant manager: signature against the realm's
 * JWKS (fetched and rotated by keycloak-connect), expiry, token type, issuer and audience.
 */
export class TokenVerifier {
  private readonly grantManager: GrantManagerLike;

  constructor(readonly options: TokenVerifierOptions) {
    const keycloak = new KeycloakConnect({}, {
      realm: options.realm,
      'auth-server-url': options.keycloakUrl.replace(/\/$/, ''),
      resource: options.audience,
      'bearer-only': true,
      'verify-token-audience': true,
      'ssl-required': 'external',
      'confidential-port': 0,
    } as unknown as KeycloakConnect.KeycloakConfig);
    this.grantManager = (keycloak as unknown as { grantManager: GrantManagerLike }).grantManager;
  }

  /** Verified tokens until they expire: a console session sends the same token many times. */
  private readonly cache = new Map<string, { principal: Principal; expMs: number }>();
  private static readonly CACHE_MAX = 10_000;

  async verify(rawToken: string): Promise<Principal> {
    const hit = this.cache.get(rawToken);
    if (hit) {
      if (hit.expMs > Date.now()) return hit.principal;
      this.cache.delete(rawToken);
    }
    const principal = await this.verifyUncached(rawToken);
    return principal;
  }

  private async verifyUncached(rawToken: string): Promise<Principal> {
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(rawToken)) {
      throw new InvalidTokenError('malformed token');
    }
    let grant;
    try {
      grant = await this.grantManager.createGrant({ access_token: rawToken });
    } catch (e) {
      throw new InvalidTokenError(e instanceof Error ? e.message : String(e));
    }
    const content = grant.access_token?.content;
    if (!content) throw new InvalidTokenError('no access token');
    const principal = principalFromClaims(content);
    const exp = typeof content['exp'] === 'number' ? content['exp'] * 1000 : 0;
    if (exp > Date.now()) {
      if (this.cache.size >= TokenVerifier.CACHE_MAX)
        this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(rawToken, { principal, expMs: exp });
    }
    return principal;
  }
}
