import { CancellationScope, patched } from '@temporalio/workflow';

/**
 * Bookkeeping in the background (patch `zhiben.background-bookkeeping`).
 *
 * After a decision, a workflow used to close the decided task, record the timeline event and publish the
 * ledger status one activity after another before it opened the next task, so every approval waited for
 * three activity round trips before the next actor saw anything. Executions that carry this patch marker
 * schedule that bookkeeping without waiting for it: the next task is opened in the same workflow task.
 * The bookkeeping itself stays ordered (one serial chain per workflow), never cancelled, and is awaited
 * before the workflow completes or continues as new (`settleBookkeeping`). Histories recorded before
 * the patch replay on the old, sequential path.
 */
export const BACKGROUND_BOOKKEEPING_PATCH = 'zhiben.background-bookkeeping';

// Module state is per workflow execution (the SDK isolates each workflow's module cache).
const pending = new Set<Promise<void>>();
let failure: { error: unknown } | null = null;
let chain: Promise<void> = Promise.resolve();

/** True when this execution runs its bookkeeping in the background (records the patch marker). */
export function bookkeepingInBackground(): boolean {
  return patched(BACKGROUND_BOOKKEEPING_PATCH);
}

/** Tracks `work` until it settles; its failure fails the workflow at the next check or settle. */
export function track(work: Promise<unknown>): void {
  const p: Promise<void> = work.then(
    () => undefined,
    (error: unknown) => {
      failure ??= { error };
    },
  );
  pending.add(p);
  void p.finally(() => pending.delete(p));
}

/** Runs `fn` after every earlier `inOrder` call has settled, not cancellable, and tracks it. */
export function inOrder(fn: () => Promise<unknown>): Promise<void> {
  const run = chain.then(() => CancellationScope.nonCancellable(fn)).then(() => undefined);
  chain = run.catch(() => undefined);
  track(run);
  return run;
}

/** Throws the first failure of background bookkeeping, if any. */
export function throwIfBookkeepingFailed(): void {
  if (failure) throw failure.error;
}

/** Waits until all background bookkeeping has settled; call before completing or continuing as new. */
export async function settleBookkeeping(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
  throwIfBookkeepingFailed();
}
