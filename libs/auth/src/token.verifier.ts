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

  async verify(rawToken: string): Promise<Principal> {
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
    return principalFromClaims(content);
  }
}
