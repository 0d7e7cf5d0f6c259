import { api, asUser, baseUrl, testConfig, tokenFor } from '@zhiben/testing';
import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import {
  b64url,
  createRealmClient,
  deleteRealmClient,
  expectProblem,
  jwtHeader,
  jwtPayload,
  masterAdminToken,
  passwordGrant,
  RUN_ID,
} from './support';

/**
 * Authentication and coarse authorisation at the edge: every protected route of every service
 * refuses missing, malformed, expired, tampered, foreign-signed, wrong-audience and wrong-realm
 * tokens with a bilingual 401, and role checks answer 403.
 */

const PROTECTED = ['/api/directory/enterprises', '/api/tasks/inbox'];
const REALM = testConfig().KEYCLOAK_REALM;

function signRs256(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  privateKey: import('node:crypto').KeyObject,
) {
  const signed = `${b64url(header)}.${b64url(payload)}`;
  const signature = createSign('RSA-SHA256').update(signed).sign(privateKey).toString('base64url');
  return `${signed}.${signature}`;
}

describe('authentication (401)', () => {
  let realToken: string;

  beforeAll(async () => {
    realToken = await tokenFor('official.jiasi');
  });

  describe.each(PROTECTED)('%s', (path) => {
    it('a valid token is accepted (control)', async () => {
      const res = await api(path, { token: realToken });
      expect(res.status).toBe(200);
    });

    it('no Authorization header → 401 UNAUTHENTICATED with both messages', async () => {
      const res = await api(path);
      const p = expectProblem(res, 401, 'UNAUTHENTICATED');
      expect(p.messageZh).toBe('未登录或登录已失效');
      expect(p.messageEn).toBe('Authentication required or token invalid');
    });

    it('a non-Bearer scheme → 401', async () => {
      const res = await api(path, {
        headers: { authorization: `Basic ${Buffer.from('admin.jj:zhiben123').toString('base64')}` },
      });
      expectProblem(res, 401, 'UNAUTHENTICATED');
    });

    it('a garbage token → 401', async () => {
      expectProblem(await api(path, { token: 'garbage' }), 401, 'UNAUTHENTICATED');
      expectProblem(await api(path, { token: 'a.b.c' }), 401, 'UNAUTHENTICATED');
    });

    it('a tampered token (org_unit swapped to jiangjin.baisha, signature kept) → 401', async () => {
      const [h, , s] = realToken.split('.');
      const payload = { ...jwtPayload(realToken), org_unit: 'jiangjin.baisha' };
      const res = await api(path, { token: `${h}.${b64url(payload)}.${s}` });
      const p = expectProblem(res, 401, 'UNAUTHENTICATED');
      expect(p.detail).toMatch(/signature/i);
    });

    it('a tampered token (exp moved into the past, signature kept) → 401', async () => {
      const [h, , s] = realToken.split('.');
      const payload = { ...jwtPayload(realToken), exp: Math.floor(Date.now() / 1000) - 60 };
      expectProblem(await api(path, { token: `${h}.${b64url(payload)}.${s}` }), 401, 'UNAUTHENTICATED');
    });

    it('a foreign-signed token (same claims and kid, our own RSA key) → 401', async () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const forged = signRs256(jwtHeader(realToken), jwtPayload(realToken), privateKey);
      const p = expectProblem(await api(path, { token: forged }), 401, 'UNAUTHENTICATED');
      expect(p.detail).toMatch(/signature/i);
    });

    it('a foreign-signed token with an unknown kid → 401', async () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const forged = signRs256(
        { ...jwtHeader(realToken), kid: `forged-${RUN_ID}` },
        jwtPayload(realToken),
        privateKey,
      );
      expectProblem(await api(path, { token: forged }), 401, 'UNAUTHENTICATED');
    });

    it('an unsigned token (alg none) → 401', async () => {
      const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(jwtPayload(realToken))}.`;
      expectProblem(await api(path, { token: unsigned }), 401, 'UNAUTHENTICATED');
    });

    it('an HS256 token keyed with a guessable secret (algorithm confusion) → 401', async () => {
      const header = { ...jwtHeader(realToken), alg: 'HS256' };
      const signed = `${b64url(header)}.${b64url(jwtPayload(realToken))}`;
      const mac = createHmac('sha256', 'zhiben-api-dev-secret').update(signed).digest('base64url');
      expectProblem(await api(path, { token: `${signed}.${mac}` }), 401, 'UNAUTHENTICATED');
    });
  });

  it('a refresh token used as a bearer token → 401', async () => {
    const grant = await passwordGrant(REALM, 'zhiben-cli', 'official.jiasi', 'zhiben123');
    expect(grant.refresh_token).toBeDefined();
    for (const path of PROTECTED) {
      expectProblem(await api(path, { token: grant.refresh_token }), 401, 'UNAUTHENTICATED');
    }
  });

  it('a token from ANOTHER realm (master admin) → 401 wrong issuer', async () => {
    const masterToken = await masterAdminToken();
    expect(jwtPayload(masterToken)['iss']).toMatch(/\/realms\/master$/);
    for (const path of PROTECTED) {
      const p = expectProblem(await api(path, { token: masterToken }), 401, 'UNAUTHENTICATED');
      expect(p.detail).toMatch(/ISS|issuer|signature|public key/i);
    }
  });

  describe('tokens from dedicated Keycloak clients', () => {
    const shortClientId = `it-short-lived-${RUN_ID}`;
    const noAudClientId = `it-no-audience-${RUN_ID}`;
    const created: string[] = [];

    beforeAll(async () => {
      const common = {
        protocol: 'openid-connect',
        publicClient: true,
        directAccessGrantsEnabled: true,
        standardFlowEnabled: false,
        implicitFlowEnabled: false,
        serviceAccountsEnabled: false,
        fullScopeAllowed: true,
      };
      // Short-lived access tokens, otherwise exactly what the services accept (claims + audience).
      created.push(
        await createRealmClient({
          ...common,
          clientId: shortClientId,
          description: 'Integration test (auth.int-spec): 3 s access tokens; deleted after the run',
          attributes: { 'access.token.lifespan': '3' },
          defaultClientScopes: ['basic', 'profile', 'roles', 'zhiben-org', 'zhiben-api-audience'],
        }),
      );
      // Same claims but no zhiben-api audience mapper.
      created.push(
        await createRealmClient({
          ...common,
          clientId: noAudClientId,
          description:
            'Integration test (auth.int-spec): tokens without the zhiben-api audience; deleted after the run',
          defaultClientScopes: ['basic', 'profile', 'roles', 'zhiben-org'],
        }),
      );
    });

    afterAll(async () => {
      for (const id of created) await deleteRealmClient(id);
    });

    it('an EXPIRED Keycloak-signed token → 401 mentioning expiry (and it worked while fresh)', async () => {
      const { access_token: token } = await passwordGrant(
        REALM,
        shortClientId,
        'official.jiasi',
        'zhiben123',
      );
      const claims = jwtPayload(token);
      expect(claims['aud']).toEqual(expect.arrayContaining(['zhiben-api']));
      expect(claims['org_unit']).toBe('jiangjin.jiasi');
      const exp = Number(claims['exp']) * 1000;
      // Control while still valid (3 s lifespan leaves room for a single round trip).
      if (Date.now() < exp - 1000) {
        expect((await api(PROTECTED[0], { token })).status).toBe(200);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, exp - Date.now()) + 1500));
      for (const path of PROTECTED) {
        const p = expectProblem(await api(path, { token }), 401, 'UNAUTHENTICATED');
        expect(p.detail).toMatch(/expired/i);
      }
    });

    it('a token WITHOUT the zhiben-api audience → 401 wrong audience', async () => {
      const { access_token: token } = await passwordGrant(
        REALM,
        noAudClientId,
        'official.jiasi',
        'zhiben123',
      );
      const claims = jwtPayload(token);
      const aud = ([] as unknown[]).concat(claims['aud'] ?? []);
      expect(aud).not.toContain('zhiben-api');
      expect(claims['org_unit']).toBe('jiangjin.jiasi');
      for (const path of PROTECTED) {
        const p = expectProblem(await api(path, { token }), 401, 'UNAUTHENTICATED');
        expect(p.detail).toMatch(/audience/i);
      }
    });
  });
});

describe('authorisation by role (403)', () => {
  it('official.jiasi cannot create an enterprise → 403 FORBIDDEN', async () => {
    const res = await asUser('official.jiasi', '/api/directory/enterprises', {
      method: 'POST',
      body: { name: 'x' },
    });
    const p = expectProblem(res, 403, 'FORBIDDEN');
    expect(p.messageZh).toBe('无权执行此操作');
    expect(p.messageEn).toBe('You are not allowed to do this');
  });

  it('enterprise.jiasi cannot set a calendar override → 403 FORBIDDEN', async () => {
    const res = await asUser('enterprise.jiasi', '/api/directory/calendar/overrides/2026-12-01', {
      method: 'PUT',
      body: { kind: 'holiday', reason: 'should never be stored' },
    });
    expectProblem(res, 403, 'FORBIDDEN');
    const list = await asUser('enterprise.jiasi', '/api/directory/calendar/overrides');
    expect(list.status).toBe(200);
    expect((list.body as { data: Array<{ reason: string | null }> }).data.map((o) => o.reason)).not.toContain(
      'should never be stored',
    );
  });

  it('auditor.jj cannot delete an org unit → 403 FORBIDDEN', async () => {
    const res = await asUser('auditor.jj', '/api/directory/org-units/00000000-0000-4000-8000-000000000000', {
      method: 'DELETE',
    });
    expectProblem(res, 403, 'FORBIDDEN');
  });
});

describe('public endpoints of the gateway', () => {
  it.each(['/health', '/ready'])('GET %s without a token → 200', async (path) => {
    const res = await fetch(`${baseUrl()}${path}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string };
    expect(['ok', 'ready']).toContain(body.status);
  });
});
