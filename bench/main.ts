import { directoryListBench } from './directory-list.bench';
import { registerBench, roundTripBench, workerMemoryBench } from './hazards.bench';
import { inboxBench } from './inbox.bench';
import { summary } from './lib/harness';

/** Run by `npm run bench` (scripts/zhiben.mjs bench) against a fresh real stack. */
const BENCHES: Record<string, () => Promise<void>> = {
  'directory-list': directoryListBench,
  inbox: inboxBench,
  register: registerBench,
  'round-trip': roundTripBench,
  'worker-memory': workerMemoryBench,
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, run] of Object.entries(BENCHES)) {
    if (only.length && !only.includes(name)) continue;
    await run();
  }
  process.exitCode = summary();
}

void main();
