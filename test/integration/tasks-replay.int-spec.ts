import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Replays recorded taskProbe histories (reminders, escalation, a validator rejection, 退回, approval,
 * cancellation, expiry) against today's workflow code: a change to workflows/shared/human-task.ts
 * that would break running cases fails here. Re-record with a probe run when a change is deliberate
 * and guarded by patched().
 */

const ROOT = resolve(__dirname, '../..');
const HISTORIES = join(ROOT, 'workflows/tasks-probe/test/histories');

function aliases(): Record<string, string> {
  const { compilerOptions } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([k, [v]]) => [`${k}$`, resolve(ROOT, v)]),
  );
}

/**
 * `temporal workflow show -o json` → History. Like @temporalio/common's historyFromJSON, but with
 * the protobufjs copy that @temporalio/proto uses: npm installed two copies of protobufjs 8, and the
 * SDK's helper mixes them ("type must be a Type").
 */
function loadHistory(file: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fromJson } = require(
    require.resolve('protobufjs/ext/protojson', { paths: [dirname(require.resolve('@temporalio/proto'))] }),
  ) as { fromJson: (type: unknown, json: unknown, opts: object) => unknown };
  const root = patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown };
  return fromJson(
    root.lookupType('temporal.api.history.v1.History'),
    JSON.parse(readFileSync(file, 'utf8')),
    {
      ignoreUnknownFields: true,
    },
  );
}

let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  bundle = await bundleWorkflowCode({
    workflowsPath: join(ROOT, 'workflows/index.ts'),
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = { ...(config.resolve.alias as Record<string, string>), ...aliases() };
      return config;
    },
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never,
  });
}, 120_000);

const files = readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));

it('has recorded histories', () => {
  expect(files.length).toBeGreaterThanOrEqual(3);
});

it.each(files)('replays %s deterministically', async (file) => {
  const history = loadHistory(join(HISTORIES, file));
  await Worker.runReplayHistory({ workflowBundle: bundle }, history, `replay-${file}`);
});
