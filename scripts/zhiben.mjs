#!/usr/bin/env node
// Zhiben suite orchestrator: `start` brings up the whole suite on embedded defaults, `test`
// provisions a fresh stack and runs every test tier against it. Idempotent; heavy downloads and
// builds are cached under ~/.cache/zhiben. Each infrastructure part is skipped when its
// configuration variable points at an external one (DATABASE_URL, TEMPORAL_ADDRESS, KEYCLOAK_URL).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = process.env.ZHIBEN_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'zhiben');
const mode = process.argv[2] ?? 'start';
const passThrough = process.argv.slice(3);

const t0 = Date.now();
const log = (msg) => process.stdout.write(`[zhiben ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
const die = (msg) => {
  process.stderr.write(`\n✖ ${msg}\n\n`);
  process.exit(1);
};

function loadDotEnv() {
  const file = path.join(ROOT, '.env');
  if (!fs.existsSync(file)) return;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (m && process.env[m[1]] === undefined) process.env[m[1]] = m[2].replace(/^["']|["']$/g, '');
  }
}

function checkNode() {
  const [maj, min] = process.versions.node.split('.').map(Number);
  if (maj < 20 || (maj === 20 && min < 19))
    die(`Node.js 20.19 or newer is required (found ${process.versions.node}).`);
}

/** npm ci when node_modules is missing or older than the lockfile. */
function ensureDependencies() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  log('installing npm dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) die('npm ci failed (see above).');
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function buildConsole(force) {
  if (process.env.ZHIBEN_SKIP_CONSOLE_BUILD === '1') return;
  const out = path.join(ROOT, 'dist/apps/console/index.html');
  const src = path.join(ROOT, 'apps/console');
  if (!force && fs.existsSync(out) && fs.statSync(out).mtimeMs >= newestMtime(src)) return;
  log('building the console (vite)…');
  const r = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'apps/console/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) die('console build failed (see above).');
}

const SERVICES = [
  {
    name: 'directory-service',
    entry: 'apps/directory-service/src/main.ts',
    port: 'DIRECTORY_PORT',
    ready: '/ready',
  },
  { name: 'tasks-service', entry: 'apps/tasks-service/src/main.ts', port: 'TASKS_PORT', ready: '/ready' },
  {
    name: 'hazards-service',
    entry: 'apps/hazards-service/src/main.ts',
    port: 'HAZARDS_PORT',
    ready: '/ready',
  },
  {
    name: 'campaigns-service',
    entry: 'apps/campaigns-service/src/main.ts',
    port: 'CAMPAIGNS_PORT',
    ready: '/ready',
  },
  {
    name: 'enforcement-service',
    entry: 'apps/enforcement-service/src/main.ts',
    port: 'ENFORCEMENT_PORT',
    ready: '/ready',
  },
  {
    name: 'tipline-service',
    entry: 'apps/tipline-service/src/main.ts',
    port: 'TIPLINE_PORT',
    ready: '/ready',
  },
  {
    name: 'workflow-worker',
    entry: 'apps/workflow-worker/src/main.ts',
    port: 'WORKER_HEALTH_PORT',
    ready: '/ready',
  },
  { name: 'gateway', entry: 'apps/gateway/src/main.ts', port: 'GATEWAY_PORT', ready: '/ready' },
];

function startService(svc, env, logDir) {
  const file = path.join(logDir, `${svc.name}.log`);
  const out = fs.openSync(file, 'a');
  const child = spawn(process.execPath, ['--enable-source-maps', '-r', '@swc-node/register', svc.entry], {
    cwd: ROOT,
    env: { ...env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
    stdio: ['ignore', out, out],
    detached: true,
  });
  child.logFile = file;
  child.svc = svc;
  return child;
}

function portInUse(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(true));
    srv.once('listening', () => srv.close(() => resolve(false)));
    srv.listen(port, '0.0.0.0');
  });
}

async function waitReady(url, child, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      const tailText = fs.readFileSync(child.logFile, 'utf8').split('\n').slice(-25).join('\n');
      throw new Error(`${child.svc.name} exited with ${child.exitCode}; log ${child.logFile}:\n${tailText}`);
    }
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${url}`);
}

async function stopChild(child, graceMs = 15_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const t = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, graceMs);
  await done;
  clearTimeout(t);
}

/** Brings up infrastructure and services; returns the environment and a stop function. */
async function up({ dataDir, ports, fresh }) {
  const stops = [];
  const stopAll = async () => {
    for (const s of stops.reverse()) {
      try {
        await s();
      } catch (e) {
        log(`stop: ${e.message}`);
      }
    }
  };
  try {
    if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    const logDir = path.join(dataDir, 'logs');
    fs.mkdirSync(logDir, { recursive: true });
    // The local suite is a demo/test environment: sys-admins may scale workflow clocks there.
    const env = { ZHIBEN_ALLOW_TIME_SCALE: 'true', ...process.env, ZHIBEN_DATA_DIR: dataDir };
    for (const [k, v] of Object.entries(ports)) env[k] ??= String(v);
    // Tests stand in for an ingress in front of the gateway: each test client names its own address in
    // X-Forwarded-For, so tipline-service's per-address throttling can be exercised per test.
    if (fresh) env.TIPLINE_TRUSTED_PROXIES ??= '2';

    const busy = [];
    for (const [k, v] of Object.entries(ports))
      if (await portInUse(Number(env[k] ?? v))) busy.push(`${k}=${env[k] ?? v}`);
    if (busy.length) {
      throw new Error(
        `ports already in use: ${busy.join(', ')} — is another Zhiben ${fresh ? 'test run' : 'suite'} still running? ` +
          'Stop it, or set the port variables to free ones.',
      );
    }

    // Check prerequisites before starting anything, so a missing one costs no time.
    const { checkJava, ensureKeycloak, startKeycloak } = await import('./lib/keycloak.mjs');
    const { ensureTemporalCli, startTemporal } = await import('./lib/temporal.mjs');
    let temporalCli;
    if (!env.TEMPORAL_ADDRESS)
      temporalCli = ensureTemporalCli({ cacheDir: CACHE, log, explicitPath: env.TEMPORAL_CLI_PATH });
    if (!env.KEYCLOAK_URL) {
      try {
        checkJava();
      } catch (e) {
        die(e.message);
      }
    }

    // PostgreSQL
    let kcDb;
    if (!env.DATABASE_URL) {
      const { startEmbeddedPostgres } = await import('./lib/postgres.mjs');
      const pg = await startEmbeddedPostgres({
        dataDir,
        port: Number(env.PG_PORT),
        password: 'zhiben',
        databases: ['zhiben', 'keycloak'],
        log,
      });
      stops.push(() => pg.stop());
      env.DATABASE_URL = pg.url('zhiben');
      kcDb = {
        url: `jdbc:postgresql://127.0.0.1:${env.PG_PORT}/keycloak`,
        username: 'postgres',
        password: 'zhiben',
      };
    }

    // Temporal and Keycloak start in parallel: both take a while.
    const pending = [];
    if (!env.TEMPORAL_ADDRESS) {
      pending.push(
        startTemporal({
          cli: temporalCli,
          dataDir,
          port: Number(env.TEMPORAL_PORT),
          uiPort: Number(env.TEMPORAL_UI_PORT),
          log,
        }).then((t) => {
          stops.push(t.stop);
          env.TEMPORAL_ADDRESS = t.address;
          env.ZHIBEN_TEMPORAL_UI = t.uiUrl;
        }),
      );
    }
    if (!env.KEYCLOAK_URL) {
      pending.push(
        (async () => {
          const home = await ensureKeycloak({ cacheDir: CACHE, log, mavenRepoUrl: env.MAVEN_REPO_URL });
          log('starting Keycloak (dev mode; the first start of a new cache takes about a minute)…');
          const kc = await startKeycloak({
            home,
            port: Number(env.KEYCLOAK_PORT),
            realmFile: path.join(ROOT, 'deploy/keycloak/zhiben-realm.json'),
            db: kcDb,
            dataDir: path.join(dataDir, 'keycloak'),
            log,
            adminPassword: env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
            // Pin the issuer: tokens fetched via 127.0.0.1 or localhost must carry the same `iss`.
            hostname: `http://localhost:${env.KEYCLOAK_PORT}`,
          });
          stops.push(kc.stop);
          env.KEYCLOAK_URL = `http://localhost:${env.KEYCLOAK_PORT}`;
          log(
            `Keycloak on ${env.KEYCLOAK_URL} (admin console: admin / ${env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin'})`,
          );
        })(),
      );
    }
    const settled = await Promise.allSettled(pending);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;

    // Services: directory first (it migrates and seeds), the rest in parallel.
    const children = [];
    let stopping = false;
    stops.push(async () => {
      stopping = true;
      for (const c of [...children].reverse()) await stopChild(c);
    });
    // Supervise: a service that dies unexpectedly (crash, OOM, kill -9) is started again, as an
    // orchestrator in production would; Temporal resumes its work where it stopped.
    const supervise = (child) => {
      child.once('exit', (code, signal) => {
        if (stopping) return;
        log(`${child.svc.name} exited (${signal ?? code}); restarting`);
        setTimeout(() => {
          if (stopping) return;
          const next = startService(child.svc, env, logDir);
          children[children.indexOf(child)] = next;
          supervise(next);
        }, 1000);
      });
    };
    const byName = Object.fromEntries(SERVICES.map((s) => [s.name, s]));
    const startAndWait = async (name) => {
      const svc = byName[name];
      const child = startService(svc, env, logDir);
      children.push(child);
      await waitReady(`http://localhost:${env[svc.port]}${svc.ready}`, child);
      supervise(child);
      log(`${name} ready on :${env[svc.port]}`);
    };
    await startAndWait('directory-service');
    await Promise.all(
      [
        'tasks-service',
        'hazards-service',
        'campaigns-service',
        'enforcement-service',
        'tipline-service',
        'workflow-worker',
      ]
        .filter((n) => fs.existsSync(path.join(ROOT, byName[n].entry)))
        .map((n) => startAndWait(n)),
    );
    await startAndWait('gateway');
    return { env, stop: stopAll, logDir };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

const DEMO_USERS = [
  ['admin.jj', '区安委办 管理员 admin'],
  ['leader.jj', '区领导 leader'],
  ['ops.jj', '督办 ops'],
  ['official.jiasi', '贾嗣镇 official'],
  ['leader.jiasi', '贾嗣镇 leader'],
  ['admin.jiasi', '贾嗣镇 admin'],
  ['official.baisha', '白沙镇 official'],
  ['inspector.yingji', '区应急管理局 inspector'],
  ['inspector2.yingji', '区应急管理局 inspector'],
  ['leader.yingji', '区应急管理局 leader (head)'],
  ['official.yingji', '区应急管理局 official (legal review, 行刑衔接 liaison)'],
  ['official.zhujian', '区住房城乡建委 official'],
  ['enterprise.jiasi', '重庆贾嗣精工机械有限公司 enterprise'],
  ['enterprise.baisha', '重庆白沙酒业有限公司 enterprise'],
  ['auditor.jj', 'auditor'],
  ['tiphandler.jj', 'tip-handler'],
  ['sysadmin / secadmin / auditadmin', '三权分立 administrators'],
];

const START_PORTS = {
  PG_PORT: 5433,
  TEMPORAL_PORT: 7233,
  TEMPORAL_UI_PORT: 8233,
  KEYCLOAK_PORT: 8080,
  GATEWAY_PORT: 3000,
  DIRECTORY_PORT: 3101,
  TASKS_PORT: 3102,
  HAZARDS_PORT: 3103,
  CAMPAIGNS_PORT: 3104,
  ENFORCEMENT_PORT: 3105,
  TIPLINE_PORT: 3106,
  WORKER_HEALTH_PORT: 3190,
};

// Tests use their own ports and a fresh data dir, so they can run beside `npm start`;
// ZHIBEN_TEST_PORT_OFFSET (with ZHIBEN_TEST_DATA_DIR) lets two test runs share a machine.
const TEST_PORT_OFFSET = Number(process.env.ZHIBEN_TEST_PORT_OFFSET ?? 0);
const TEST_PORTS_BASE = {
  PG_PORT: 15433,
  TEMPORAL_PORT: 17233,
  TEMPORAL_UI_PORT: 18233,
  KEYCLOAK_PORT: 18080,
  GATEWAY_PORT: 13000,
  DIRECTORY_PORT: 13101,
  TASKS_PORT: 13102,
  HAZARDS_PORT: 13103,
  CAMPAIGNS_PORT: 13104,
  ENFORCEMENT_PORT: 13105,
  TIPLINE_PORT: 13106,
  WORKER_HEALTH_PORT: 13190,
};
const TEST_PORTS = Object.fromEntries(
  Object.entries(TEST_PORTS_BASE).map(([k, v]) => [k, v + TEST_PORT_OFFSET]),
);

// Benchmarks get their own ports too.
const BENCH_PORTS = {
  PG_PORT: 26433,
  TEMPORAL_PORT: 26233,
  TEMPORAL_UI_PORT: 26234,
  KEYCLOAK_PORT: 26080,
  GATEWAY_PORT: 26000,
  DIRECTORY_PORT: 26101,
  TASKS_PORT: 26102,
  HAZARDS_PORT: 26103,
  CAMPAIGNS_PORT: 26104,
  ENFORCEMENT_PORT: 26105,
  TIPLINE_PORT: 26106,
  WORKER_HEALTH_PORT: 26190,
};

async function start() {
  const dataDir = path.resolve(ROOT, process.env.ZHIBEN_DATA_DIR ?? '.data');
  buildConsole(false);
  const { env, stop } = await up({ dataDir, ports: START_PORTS, fresh: false });
  const url = `http://localhost:${env.GATEWAY_PORT}`;
  process.stdout.write(
    `\n治本 Zhiben is ready in ${((Date.now() - t0) / 1000).toFixed(1)} s\n\n` +
      `  Console      ${url}\n` +
      `  API docs     ${url}/api/directory/docs · ${url}/api/tasks/docs\n` +
      `  Temporal UI  ${env.ZHIBEN_TEMPORAL_UI ?? '(external)'}\n` +
      `  Keycloak     ${env.KEYCLOAK_URL}\n` +
      `  Logs         ${path.join(dataDir, 'logs')}\n\n` +
      `  Demo accounts (password zhiben123):\n` +
      DEMO_USERS.map(([u, d]) => `    ${u.padEnd(34)} ${d}`).join('\n') +
      `\n\nPress Ctrl-C to stop.\n`,
  );
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await stop();
    log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

async function test() {
  const dataDir = path.resolve(ROOT, process.env.ZHIBEN_TEST_DATA_DIR ?? '.data/test');
  buildConsole(true);
  const { env, stop, logDir } = await up({ dataDir, ports: TEST_PORTS, fresh: true });
  // Interrupted runs still tear the stack down (children are detached process groups).
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    log('interrupted; stopping the stack…');
    void stop().then(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  log(`stack ready; running the test suites (logs in ${logDir})`);
  const jest = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--runInBand', '--ci', ...passThrough],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...env,
        ZHIBEN_BASE_URL: `http://localhost:${env.GATEWAY_PORT}`,
        ZHIBEN_LOG_DIR: logDir,
        ZHIBEN_ROOT: ROOT,
      },
    },
  );
  const status = await new Promise((resolve) => jest.on('exit', (code) => resolve(code ?? 1)));
  if (interrupted) return;
  await stop();
  log(`tests ${status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(status);
}

async function bench() {
  const dataDir = path.resolve(ROOT, process.env.ZHIBEN_BENCH_DATA_DIR ?? '.data/bench');
  process.env.ZHIBEN_SKIP_CONSOLE_BUILD = '1';
  const { env, stop } = await up({ dataDir, ports: BENCH_PORTS, fresh: !process.env.ZHIBEN_BENCH_REUSE });
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    void stop().then(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  log('stack ready; running benchmarks');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'bench/main.ts', ...passThrough], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...env,
      ZHIBEN_BASE_URL: `http://localhost:${env.GATEWAY_PORT}`,
      SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'),
    },
  });
  const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  if (interrupted) return;
  await stop();
  process.exit(status);
}

loadDotEnv();
checkNode();
ensureDependencies();
const run = { start, test, bench }[mode];
if (!run) die(`unknown command "${mode}"; use start, test or bench`);
run().catch((e) => die(e instanceof Error ? (e.stack ?? e.message) : `failed: ${String(e)}`));
