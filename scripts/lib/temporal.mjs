// Temporal dev server provisioning: the binary from PATH, else the cached `go install` build,
// else built here with Go. Plain Node ESM.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Returns the path of a `temporal` CLI able to run `server start-dev`. */
export function ensureTemporalCli({ cacheDir, log, explicitPath }) {
  if (explicitPath) {
    if (!fs.existsSync(explicitPath)) throw new Error(`TEMPORAL_CLI_PATH=${explicitPath} does not exist`);
    return explicitPath;
  }
  const onPath = which('temporal');
  if (onPath) return onPath;
  const binDir = path.join(cacheDir, 'bin');
  const cached = path.join(binDir, 'temporal');
  if (fs.existsSync(cached)) return cached;
  const go = which('go') ?? (fs.existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : null);
  if (!go) {
    throw new Error(
      'The Temporal dev server is not installed and Go is needed to build it. Install Go 1.22+ ' +
        '(e.g. `apt-get install golang-go`), or put the `temporal` CLI on PATH, or set TEMPORAL_ADDRESS ' +
        'to use an existing Temporal server.',
    );
  }
  log(
    `building the Temporal dev server with Go (temporal CLI ${TEMPORAL_CLI_VERSION}, one-off, a few minutes)…`,
  );
  fs.mkdirSync(binDir, { recursive: true });
  const r = spawnSync(go, ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
    env: { ...process.env, GOBIN: binDir, CGO_ENABLED: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0 || !fs.existsSync(cached)) {
    throw new Error(
      '`go install` of the Temporal CLI failed (see above). Set TEMPORAL_ADDRESS to use an existing server.',
    );
  }
  return cached;
}

async function healthy(cli, address) {
  const r = spawnSync(cli, ['operator', 'cluster', 'health', '--address', address], {
    encoding: 'utf8',
    timeout: 5000,
  });
  return r.status === 0 && /SERVING/.test(r.stdout);
}

/** Starts `temporal server start-dev` with a SQLite file under dataDir and the web UI on. */
export async function startTemporal({ cli, dataDir, port, uiPort, log, timeoutMs = 120_000 }) {
  fs.mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, 'temporal.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    cli,
    [
      'server',
      'start-dev',
      '--db-filename',
      path.join(dataDir, 'temporal.db'),
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--ui-port',
      String(uiPort),
      '--log-level',
      'warn',
      // WAL with synchronous=NORMAL survives process crashes (not power loss) and multiplies the
      // dev server's write throughput; production uses the Temporal cluster's own persistence.
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
      '--dynamic-config-value',
      'frontend.enableUpdateWorkflowExecution=true',
      '--dynamic-config-value',
      'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
    ],
    { stdio: ['ignore', out, out], detached: true },
  );
  const address = `127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child.on('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) {
      throw new Error(`Temporal dev server exited (${exited}); see ${logFile}:\n${tail(logFile)}`);
    }
    if (await healthy(cli, address)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!(await healthy(cli, address))) throw new Error(`Temporal did not become healthy; see ${logFile}`);
  log?.(`Temporal dev server on ${address} (web UI http://localhost:${uiPort})`);
  return {
    address,
    uiUrl: `http://localhost:${uiPort}`,
    stop: () => stopProcessGroup(child),
  };
}

export function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export async function stopProcessGroup(child, graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, graceMs);
  await done;
  clearTimeout(timer);
}
