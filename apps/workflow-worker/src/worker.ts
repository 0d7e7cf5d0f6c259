import {
  NativeConnection,
  Worker,
  bundleWorkflowCode,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { ZhibenConfig } from '@zhiben/config';
import { TASK_QUEUES } from '@zhiben/contracts';
import { JsonLogger } from '@zhiben/platform';
import { connectionOptions, type TemporalOptions } from '@zhiben/temporal-client';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Maps the tsconfig path aliases for webpack, so workflow code can import @zhiben/contracts. */
function aliases(root: string): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([k, [v]]) => [`${k}$`, resolve(root, v)]),
  );
}

export async function bundleWorkflows(root: string): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: join(root, 'workflows/index.ts'),
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = { ...(config.resolve.alias as Record<string, string>), ...aliases(root) };
      return config;
    },
    logger: undefined,
  });
}

export interface WorkflowWorkerHandle {
  worker: Worker;
  run: Promise<void>;
  shutdown(): Promise<void>;
}

/** Starts the workflow worker; the returned run promise settles once the worker has drained. */
export async function startWorkflowWorker(
  config: ZhibenConfig,
  root: string,
  logger: JsonLogger,
): Promise<WorkflowWorkerHandle> {
  const temporal: TemporalOptions = {
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    tls: config.TEMPORAL_TLS,
    tlsCertPath: config.TEMPORAL_TLS_CERT_PATH,
    tlsKeyPath: config.TEMPORAL_TLS_KEY_PATH,
    apiKey: config.TEMPORAL_API_KEY,
  };
  const started = Date.now();
  const workflowBundle = await bundleWorkflows(root);
  logger.write('info', {
    msg: 'workflows bundled',
    ms: Date.now() - started,
    bytes: workflowBundle.code.length,
  });
  const { address, tls } = connectionOptions(temporal);
  const connection = await NativeConnection.connect({ address, tls, apiKey: temporal.apiKey });
  const worker = await Worker.create({
    connection,
    namespace: temporal.namespace,
    taskQueue: TASK_QUEUES.workflows,
    workflowBundle,
    shutdownGraceTime: '10s',
  });
  const run = worker.run().finally(() => connection.close());
  return {
    worker,
    run,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await run.catch(() => undefined);
    },
  };
}
