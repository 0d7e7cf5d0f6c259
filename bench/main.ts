import { dispatchAggregateBench, reportTimerStormBench } from './campaigns.bench';
import { directoryListBench } from './directory-list.bench';
import { registerBench, roundTripBench, workerMemoryBench } from './hazards.bench';
import { inboxBench } from './inbox.bench';
import { summary } from './lib/harness';

/** Run by `npm run bench` (scripts/zhiben.mjs bench) against a fresh real stack. */
const BENCHES: Record<string, () => Promise<void>> = {
  'directory-list': directoryListBench,
  'dispatch-aggregate': dispatchAggregateBench,
  inbox: inboxBench,
  register: registerBench,
  'report-timer-storm': reportTimerStormBench,
  'round-trip': roundTripBench,
  'worker-memory': workerMemoryBench,
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  if (only.includes('hold')) {
    // `npm run bench -- hold`: keep the bench stack up for profiling until Ctrl-C.
    console.log(`bench stack up (gateway ${process.env['ZHIBEN_BASE_URL']}); Ctrl-C to stop`);
    await new Promise(() => setInterval(() => undefined, 60_000));
  }
  for (const [name, run] of Object.entries(BENCHES)) {
    if (only.length && !only.includes(name)) continue;
    await run();
  }
  process.exitCode = summary();
}

void main();
