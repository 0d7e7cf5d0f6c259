import { CancellationScope, condition, isCancellation } from '@temporalio/workflow';

/**
 * Routines that run beside a stage's main line (progress reports, the deadline watch and ladder,
 * extension approvals, ladder tasks) and end with it. A failure other than cancellation fails the stage.
 */
export class TaskGroup {
  private readonly running: Promise<void>[] = [];
  private failure: { error: unknown } | null = null;

  spawn(routine: () => Promise<void>): void {
    this.running.push(
      routine().catch((error: unknown) => {
        if (!isCancellation(error)) this.failure ??= { error };
      }),
    );
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  /** Waits until every routine has settled (after the scope was cancelled). */
  async settled(): Promise<void> {
    for (let i = 0; i < this.running.length; i++) await this.running[i];
  }
}

/**
 * Runs `body` in its own cancellation scope with a `TaskGroup`. When the body settles, the scope is
 * cancelled, so every routine stops and its open human tasks close as cancelled, and the routines'
 * cleanup is awaited before the stage moves on.
 */
export async function inStage<T>(body: (group: TaskGroup) => Promise<T>): Promise<T> {
  const group = new TaskGroup();
  const scope = new CancellationScope();
  const result = await scope.run(async () => {
    try {
      return await Promise.race([
        body(group),
        condition(() => group.failed).then(() => {
          group.throwIfFailed();
          return undefined as never;
        }),
      ]);
    } finally {
      scope.cancel();
      await group.settled();
    }
  });
  group.throwIfFailed();
  return result;
}
