import { readFileSync } from 'node:fs';

/** The repository root, from this file's place in it (workflows/tipline/src/testing). */
export const REPO_ROOT = __dirname.replace(/[\\/]workflows[\\/]tipline[\\/]src[\\/]testing$/, '');

/** The tipline workflows' bundle entry (the worker bundles workflows/index.ts, which re-exports it). */
export const TIPLINE_WORKFLOWS_PATH = `${REPO_ROOT}/workflows/tipline/src/index.ts`;

/** Recorded histories replayed by tip-replay.workflow.spec.ts. */
export const HISTORIES_DIR = `${REPO_ROOT}/workflows/tipline/test/histories`;

const paths = (
  JSON.parse(readFileSync(`${REPO_ROOT}/tsconfig.base.json`, 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  }
).compilerOptions.paths;

/** The tsconfig path aliases (`@zhiben/*`) as exact-match webpack aliases, as apps/workflow-worker does. */
export const ZHIBEN_ALIASES: Record<string, string> = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`${alias}$`, `${REPO_ROOT}/${target}`]),
);

/** `bundlerOptions.webpackConfigHook` / `bundleWorkflowCode({ webpackConfigHook })` for tests. */
export function withZhibenAliases<C extends { resolve?: object }>(config: C): C {
  const resolve = (config.resolve ?? {}) as { alias?: Record<string, string> };
  resolve.alias = { ...resolve.alias, ...ZHIBEN_ALIASES };
  (config as { resolve?: object }).resolve = resolve;
  return config;
}
