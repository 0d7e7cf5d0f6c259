/**
 * Replays the recorded tip histories (test/histories, written by tip-verification.workflow.spec.ts with
 * ZHIBEN_RECORD_HISTORIES=1) against today's workflow code. A change that would break running tips fails
 * here: guard it with patched(), keep the old branch, and record new histories beside the old ones.
 */
import {
  DefaultLogger,
  Runtime,
  Worker,
  bundleWorkflowCode,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { readFileSync, readdirSync } from 'node:fs';
import { historyFromJson } from './testing/history-json';
import { HISTORIES_DIR, TIPLINE_WORKFLOWS_PATH, withZhibenAliases } from './testing/workflow-bundle';

jest.setTimeout(90_000);

const files = readdirSync(HISTORIES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Another suite in this process installed it first.
  }
  bundle = await bundleWorkflowCode({
    workflowsPath: TIPLINE_WORKFLOWS_PATH,
    webpackConfigHook: withZhibenAliases,
    logger: new DefaultLogger('WARN'),
  });
});

it('has the recorded scenarios', () => {
  expect(files).toEqual(
    expect.arrayContaining([
      'tip-paid.json',
      'tip-verification-breached.json',
      'tip-extension-lapsed.json',
      'tip-not-in-scope.json',
      'tip-forwarded.json',
      'tip-dispute-recheck.json',
    ]),
  );
});

it('replays every recorded history deterministically', async () => {
  const histories = files.map((file) => ({
    workflowId: file.replace(/\.json$/, ''),
    history: historyFromJson(readFileSync(`${HISTORIES_DIR}/${file}`, 'utf8')),
  }));
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories)) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
});
