// Keycloak provisioning for the Zhiben suite orchestrator.
//
// Plain Node ESM (Node >= 20), no dependencies beyond Node built-ins.
//
//   ensureKeycloak({ cacheDir, log, mavenRepoUrl }) -> Keycloak home dir (downloaded/extracted once)
//   checkJava()                                      -> { javaHome, javaBin, version } or throws
//   startKeycloak({ home, port, realmFile, db, dataDir, log, adminPassword })
//                                                    -> { process, url, logFile, stop }
//   passwordGrant({ url, realm, clientId, username, password })
//                                                    -> token response + { accessToken }
//   decodeJwt(token)                                 -> JWT payload (no signature check)

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const KEYCLOAK_VERSION = '26.4.7';
export const DEFAULT_MAVEN_REPO_URL = 'https://repo1.maven.org/maven2';
export const REALM = 'zhiben';

const JAVA_HINT =
  'Install it, e.g. `apt-get install openjdk-17-jre-headless`, or set KEYCLOAK_URL to use an existing Keycloak.';

const noop = () => {};

function exists(p) {
  try {
    fs.accessSync(p);
    return true;
  } catch {
    return false;
  }
}

function tarballName(version) {
  return `keycloak-quarkus-dist-${version}.tar.gz`;
}

// ---------------------------------------------------------------------------
// Download + extract
// ---------------------------------------------------------------------------

/**
 * Make sure a Keycloak distribution is available under `cacheDir` and return its home dir
 * (`${cacheDir}/keycloak-${version}`).
 *
 * - An existing home with `bin/kc.sh` is reused as is.
 * - Otherwise the tarball `keycloak-quarkus-dist-${version}.tar.gz` is taken from `cacheDir`
 *   (or its parent dir) if present, else downloaded from Maven Central (or `mavenRepoUrl`,
 *   which the orchestrator fills from the MAVEN_REPO_URL env var) and SHA-1 checked.
 * - Downloads go to a temp file that is renamed into place only when complete; extraction goes
 *   to a temp dir inside `cacheDir` that is renamed to the final home in one step. A crashed run
 *   therefore never leaves something that looks complete, and concurrent runs are safe.
 */
export async function ensureKeycloak({
  cacheDir,
  log = noop,
  mavenRepoUrl,
  version = KEYCLOAK_VERSION,
} = {}) {
  if (!cacheDir) throw new Error('ensureKeycloak: cacheDir is required');
  cacheDir = path.resolve(cacheDir);
  const home = path.join(cacheDir, `keycloak-${version}`);
  if (exists(path.join(home, 'bin', 'kc.sh'))) return home;

  await fsp.mkdir(cacheDir, { recursive: true });
  await removeStaleTemps(cacheDir, version);
  const name = tarballName(version);
  let tarball = [path.join(cacheDir, name), path.join(path.dirname(cacheDir), name)].find(exists);
  let downloaded = false;
  if (tarball) {
    log(`keycloak: using cached ${tarball}`);
  } else {
    tarball = path.join(cacheDir, name);
    await downloadTarball({ version, dest: tarball, mavenRepoUrl, log });
    downloaded = true;
  }

  try {
    await extractTarball({ tarball, cacheDir, home, version, log });
  } catch (err) {
    if (downloaded) throw err;
    // A corrupt cached tarball: drop it (only if it lives in our cacheDir) and download afresh.
    log(`keycloak: cached tarball unusable (${err.message}); downloading again`);
    if (path.dirname(tarball) === cacheDir) await fsp.rm(tarball, { force: true });
    tarball = path.join(cacheDir, name);
    await downloadTarball({ version, dest: tarball, mavenRepoUrl, log });
    await extractTarball({ tarball, cacheDir, home, version, log });
  }
  return home;
}

/** Remove leftovers of runs that were killed mid-download/extraction (older than an hour). */
async function removeStaleTemps(cacheDir, version) {
  const cutoff = Date.now() - 60 * 60 * 1000;
  const prefixes = [`.keycloak-${version}.extract-`, `${tarballName(version)}.partial-`];
  for (const name of await fsp.readdir(cacheDir)) {
    if (!prefixes.some((p) => name.startsWith(p))) continue;
    const p = path.join(cacheDir, name);
    try {
      if ((await fsp.stat(p)).mtimeMs < cutoff) await fsp.rm(p, { recursive: true, force: true });
    } catch {
      /* raced with another run */
    }
  }
}

async function downloadTarball({ version, dest, mavenRepoUrl, log }) {
  const base = (mavenRepoUrl || DEFAULT_MAVEN_REPO_URL).replace(/\/+$/, '');
  const url = `${base}/org/keycloak/keycloak-quarkus-dist/${version}/${tarballName(version)}`;
  log(`keycloak: downloading ${url}`);
  const tmp = `${dest}.partial-${process.pid}-${Date.now()}`;
  try {
    const res = await fetch(url, { redirect: 'follow' });
    if (!res.ok || !res.body) throw new Error(`GET ${url} -> HTTP ${res.status}`);
    const hash = createHash('sha1');
    const body = Readable.fromWeb(res.body);
    body.on('data', (chunk) => hash.update(chunk));
    await pipeline(body, fs.createWriteStream(tmp));
    const actual = hash.digest('hex');

    // Maven Central publishes a .sha1 next to every artifact; verify when it is available.
    let expected;
    try {
      const r = await fetch(`${url}.sha1`);
      if (r.ok) expected = (await r.text()).trim().split(/\s+/)[0].toLowerCase();
    } catch {
      /* checksum is best effort */
    }
    if (expected && expected !== actual) {
      throw new Error(`checksum mismatch for ${url}: expected sha1 ${expected}, got ${actual}`);
    }
    await fsp.rename(tmp, dest);
    log(`keycloak: downloaded ${dest}${expected ? ' (sha1 verified)' : ''}`);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw new Error(`Could not download Keycloak ${version}: ${err.message}`, { cause: err });
  }
}

async function extractTarball({ tarball, cacheDir, home, version, log }) {
  log(`keycloak: extracting ${tarball}`);
  const tmpDir = await fsp.mkdtemp(path.join(cacheDir, `.keycloak-${version}.extract-`));
  try {
    const r = spawnSync('tar', ['-xzf', tarball, '-C', tmpDir], { encoding: 'utf8' });
    if (r.error) throw new Error(`tar failed to run: ${r.error.message}`);
    if (r.status !== 0) throw new Error(`tar exited with ${r.status}: ${(r.stderr || '').trim()}`);
    const extracted = path.join(tmpDir, `keycloak-${version}`);
    if (!exists(path.join(extracted, 'bin', 'kc.sh'))) {
      throw new Error(`${tarball} does not contain keycloak-${version}/bin/kc.sh`);
    }
    try {
      await fsp.rename(extracted, home);
    } catch (err) {
      // Another process finished first: fine as long as its result is complete.
      if (!exists(path.join(home, 'bin', 'kc.sh'))) throw err;
    }
  } finally {
    await fsp.rm(tmpDir, { recursive: true, force: true });
  }
  log(`keycloak: ready at ${home}`);
}

// ---------------------------------------------------------------------------
// Java
// ---------------------------------------------------------------------------

function findOnPath(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}

function javaMajor(javaBin) {
  const r = spawnSync(javaBin, ['-version'], { encoding: 'utf8', timeout: 30_000 });
  if (r.error || r.status !== 0) return undefined;
  const out = `${r.stderr || ''}\n${r.stdout || ''}`;
  const m = out.match(/version "([^"]+)"/);
  if (!m) return undefined;
  const parts = m[1].split(/[.+\-_]/);
  const major = parts[0] === '1' ? Number(parts[1]) : Number(parts[0]); // "1.8.0_x" -> 8
  return Number.isFinite(major) ? major : undefined;
}

/**
 * Find the Java that Keycloak will use: $JAVA_HOME/bin/java, else `java` on PATH (the same order
 * kc.sh uses). Returns `{ javaHome, javaBin, version }` (version = major number) or throws one
 * clear Error if it is missing or older than 17.
 */
export function checkJava() {
  let javaBin;
  let javaHome;
  const envHome = process.env.JAVA_HOME;
  if (envHome && exists(path.join(envHome, 'bin', 'java'))) {
    javaHome = envHome;
    javaBin = path.join(envHome, 'bin', 'java');
  } else {
    javaBin = findOnPath('java');
    if (javaBin) {
      try {
        javaHome = path.dirname(path.dirname(fs.realpathSync(javaBin)));
      } catch {
        javaHome = path.dirname(path.dirname(javaBin));
      }
    }
  }
  if (!javaBin) {
    throw new Error(`Keycloak needs Java 17 or newer (not found). ${JAVA_HINT}`);
  }
  const version = javaMajor(javaBin);
  if (!version) {
    throw new Error(
      `Keycloak needs Java 17 or newer (found ${javaBin}, but \`java -version\` failed). ${JAVA_HINT}`,
    );
  }
  if (version < 17) {
    throw new Error(`Keycloak needs Java 17 or newer (found Java ${version} at ${javaBin}). ${JAVA_HINT}`);
  }
  return { javaHome, javaBin, version };
}

// ---------------------------------------------------------------------------
// Start / stop
// ---------------------------------------------------------------------------

function portInUse(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
    sock.setTimeout(1000, () => {
      sock.destroy();
      resolve(false);
    });
  });
}

async function tail(file, lines = 40) {
  try {
    const text = await fsp.readFile(file, 'utf8');
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Start Keycloak in dev mode (`kc.sh start-dev --import-realm`) and wait until the realm answers.
 *
 * @param {object} o
 * @param {string} o.home           Keycloak home (from ensureKeycloak). The realm file is copied to
 *                                  `<home>/data/import/`; that directory is shared by every run
 *                                  using this home, which is fine because it is always the same realm.
 * @param {number} o.port           HTTP port.
 * @param {string} o.realmFile      Realm export to import (skipped by Keycloak if the realm exists).
 * @param {{url:string, username:string, password:string}} [o.db]
 *                                  PostgreSQL JDBC url (jdbc:postgresql://host:port/db) + credentials.
 *                                  Without it an H2 file database under `<dataDir>/h2` is used.
 * @param {string} o.dataDir        Per-run directory: H2 files and `keycloak.log` live here.
 * @param {string} [o.adminPassword] Bootstrap password of the master-realm `admin` user.
 * @param {string|false} [o.hostname] Value for `--hostname` (e.g. `http://localhost:8080`) which
 *                                  pins the token issuer. Default: not set, the issuer follows the
 *                                  host name of each request (dev-mode behaviour).
 * @param {string[]} [o.extraArgs]  Further kc.sh options.
 * @param {number} [o.timeoutMs=240000]
 * @param {(msg:string)=>void} [o.log]
 */
export async function startKeycloak({
  home,
  port,
  realmFile,
  db,
  dataDir,
  log = noop,
  adminPassword = 'admin',
  hostname,
  extraArgs = [],
  timeoutMs = 240_000,
} = {}) {
  if (!home || !port || !dataDir) throw new Error('startKeycloak: home, port and dataDir are required');
  const { javaHome, version: javaVersion } = checkJava();
  const kcSh = path.join(home, 'bin', 'kc.sh');
  if (!exists(kcSh)) throw new Error(`startKeycloak: ${kcSh} not found`);
  if (await portInUse(port)) {
    throw new Error(`startKeycloak: port ${port} is already in use`);
  }

  dataDir = path.resolve(dataDir);
  await fsp.mkdir(dataDir, { recursive: true });

  if (realmFile) {
    // Copy via temp + rename so a concurrently starting Keycloak never reads a half-written file.
    const importDir = path.join(home, 'data', 'import');
    await fsp.mkdir(importDir, { recursive: true });
    const dest = path.join(importDir, path.basename(realmFile));
    const tmp = `${dest}.tmp-${process.pid}`;
    await fsp.copyFile(realmFile, tmp);
    await fsp.rename(tmp, dest);
  }

  const args = ['start-dev', `--http-port=${port}`, '--import-realm'];
  if (db) {
    args.push('--db=postgres', `--db-url=${db.url}`, `--db-username=${db.username}`);
    if (db.password !== undefined) args.push(`--db-password=${db.password}`);
  } else {
    // dev-file is the start-dev default; pointing db-url at dataDir keeps runs isolated instead of
    // sharing <home>/data/h2. The properties are the ones Keycloak adds to its default H2 url.
    const h2 = path.join(dataDir, 'h2', 'keycloakdb');
    args.push('--db=dev-file', `--db-url=jdbc:h2:file:${h2};NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE`);
  }
  if (hostname) args.push(`--hostname=${hostname}`);
  args.push(...extraArgs);

  // Start from a clean KC_* environment so stray settings of the caller cannot change the db etc.
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('KC_') && !k.startsWith('KEYCLOAK_ADMIN')) env[k] = v;
  }
  env.JAVA_HOME = javaHome;
  env.KC_BOOTSTRAP_ADMIN_USERNAME = 'admin';
  env.KC_BOOTSTRAP_ADMIN_PASSWORD = adminPassword;

  const logFile = path.join(dataDir, 'keycloak.log');
  const fd = fs.openSync(logFile, 'a');
  const redacted = args.map((a) => (a.startsWith('--db-password=') ? '--db-password=***' : a));
  fs.writeSync(fd, `\n=== ${new Date().toISOString()} kc.sh ${redacted.join(' ')} (Java ${javaVersion})\n`);
  log(`keycloak: starting on port ${port} (${db ? 'PostgreSQL' : 'H2'}), log ${logFile}`);

  let child;
  try {
    child = spawn(kcSh, args, { cwd: home, env, detached: true, stdio: ['ignore', fd, fd] });
  } finally {
    fs.closeSync(fd);
  }

  let exitInfo;
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
    child.once('error', (err) => {
      exitInfo = { code: null, signal: null, error: err };
      resolve(exitInfo);
    });
  });

  const killGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      try {
        child.kill(sig);
      } catch {
        /* already gone */
      }
    }
  };

  const stop = async ({ graceMs = 15_000 } = {}) => {
    if (!exitInfo) {
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    // The shell may exit before the JVM; make sure nothing of the group is left behind.
    killGroup('SIGKILL');
  };

  const url = `http://localhost:${port}`;
  const probe = `${url}/realms/${REALM}/.well-known/openid-configuration`;
  const started = Date.now();
  const deadline = started + timeoutMs;
  for (;;) {
    if (exitInfo) {
      const why = exitInfo.error
        ? exitInfo.error.message
        : `exit code ${exitInfo.code}${exitInfo.signal ? `, signal ${exitInfo.signal}` : ''}`;
      throw new Error(
        `Keycloak exited during startup (${why}). Last lines of ${logFile}:\n${await tail(logFile)}`,
      );
    }
    try {
      const res = await fetch(probe, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer().catch(noop);
      if (res.status === 200) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `Keycloak did not answer ${probe} within ${Math.round(timeoutMs / 1000)} s. Last lines of ${logFile}:\n${await tail(logFile)}`,
      );
    }
    await sleep(1000);
  }
  log(`keycloak: up at ${url} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { process: child, pid: child.pid, url, logFile, stop };
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

/**
 * Resource-owner password grant (client `zhiben-cli` by default; dev/test only).
 * Returns the token endpoint's JSON (`access_token`, `id_token`, `refresh_token`, ...) plus
 * `accessToken` as a convenience alias.
 */
export async function passwordGrant({
  url,
  realm = REALM,
  clientId = 'zhiben-cli',
  clientSecret,
  username,
  password,
  scope = 'openid',
}) {
  const endpoint = `${url.replace(/\/+$/, '')}/realms/${encodeURIComponent(realm)}/protocol/openid-connect/token`;
  const form = new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password });
  if (clientSecret) form.set('client_secret', clientSecret);
  if (scope) form.set('scope', scope);
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!res.ok || !body?.access_token) {
    const detail = body ? `${body.error || ''} ${body.error_description || ''}`.trim() : text.slice(0, 300);
    throw new Error(`password grant for ${username} via ${clientId} failed: HTTP ${res.status} ${detail}`);
  }
  return { ...body, accessToken: body.access_token };
}

/** Decode a JWT's payload without verifying it (tests and diagnostics only). */
export function decodeJwt(token) {
  const part = String(token).split('.')[1];
  if (!part) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}
