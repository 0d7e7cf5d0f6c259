import { getConfig } from '@zhiben/config';
import { JsonLogger } from '@zhiben/platform';
import { createServer } from 'node:http';
import { startWorkflowWorker } from './worker';

/**
 * The workflow worker: workflow code only, no I/O of its own. It owns its lifecycle: SIGTERM or
 * SIGINT stop polling, in-flight workflow tasks finish, then the process exits.
 */
async function main(): Promise<void> {
  const config = getConfig();
  const logger = new JsonLogger('workflow-worker', config.LOG_LEVEL);
  const handle = await startWorkflowWorker(config, process.cwd(), logger);

  const health = createServer((req, res) => {
    const state = handle.worker.getState();
    const ok = req.url === '/health' || (req.url === '/ready' && state === 'RUNNING');
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: ok ? 'ok' : 'not-ready', worker: state, pid: process.pid }));
  });
  health.listen(config.WORKER_HEALTH_PORT);
  logger.write('info', { msg: 'workflow worker running', health: config.WORKER_HEALTH_PORT });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.write('info', { msg: 'shutting down', signal });
    void handle.shutdown().then(() => health.close());
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  await handle.run;
  health.close();
  logger.write('info', { msg: 'workflow worker stopped' });
}

main().catch((e: unknown) => {
  process.stderr.write(`workflow-worker failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
