import { ROLES, type Role } from '@zhiben/contracts';

/** The authenticated caller, read from a verified Keycloak access token. */
export interface Principal {
  sub: string;
  username: string;
  name: string;
  roles: Role[];
  /** Org unit code from the `org_unit` claim, e.g. `jiangjin.jiasi`. */
  orgUnitCode: string | null;
  /** 统一社会信用代码 from the `enterprise` claim, for enterprise users. */
  enterpriseCreditCode: string | null;
}

export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const realmAccess = claims['realm_access'] as { roles?: unknown } | undefined;
  const rawRoles = Array.isArray(realmAccess?.roles) ? (realmAccess.roles as unknown[]) : [];
  const roles = rawRoles.filter(
    (r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r),
  );
  const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
  const username = str(claims['preferred_username']) ?? str(claims['sub']) ?? 'unknown';
  return {
    sub: str(claims['sub']) ?? username,
    username,
    name: displayName(claims) ?? username,
    roles,
    orgUnitCode: str(claims['org_unit']),
    enterpriseCreditCode: str(claims['enterprise']),
  };
}

const CJK = /[\u3400-\u9fff]/;

/** Chinese names read family name first (张伟); Keycloak's `name` claim puts the given name first. */
function displayName(claims: Record<string, unknown>): string | null {
  const given = typeof claims['given_name'] === 'string' ? claims['given_name'] : '';
  const family = typeof claims['family_name'] === 'string' ? claims['family_name'] : '';
  if (CJK.test(given + family)) return `${family}${given}` || null;
  return typeof claims['name'] === 'string' && claims['name'] ? claims['name'] : null;
}

export function hasAnyRole(p: Principal, roles: readonly string[]): boolean {
  return roles.some((r) => (p.roles as string[]).includes(r));
}
