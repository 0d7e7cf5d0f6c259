import { Logger } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { connectionOptions, type TemporalOptions } from './temporal.module';

/**
 * Hosts a service's activities on its own task queue. Owns the lifecycle (STYLE.md §6): the run
 * promise is kept and awaited on shutdown, which drains in-flight activities.
 */
export class ActivityWorkerHost {
  private readonly logger = new Logger('ActivityWorker');
  private worker?: Worker;
  private running?: Promise<void>;
  private connection?: NativeConnection;

  constructor(
    private readonly options: TemporalOptions,
    private readonly taskQueue: string,
    private readonly activities: Record<string, (...args: never[]) => Promise<unknown>>,
  ) {}

  async start(): Promise<void> {
    const { address, tls } = connectionOptions(this.options);
    this.connection = await NativeConnection.connect({ address, tls, apiKey: this.options.apiKey });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.options.namespace,
      taskQueue: this.taskQueue,
      activities: this.activities,
      shutdownGraceTime: '10s',
    });
    this.running = this.worker.run().catch((e: unknown) => {
      this.logger.error({ msg: 'activity worker failed', error: String(e) });
      throw e;
    });
    this.logger.log({ msg: 'activity worker started', taskQueue: this.taskQueue });
  }

  async stop(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
