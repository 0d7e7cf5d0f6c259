import { type DynamicModule, Global, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import { readFileSync } from 'node:fs';

export interface TemporalOptions {
  address: string;
  namespace: string;
  tls?: boolean;
  tlsCertPath?: string;
  tlsKeyPath?: string;
  apiKey?: string;
}

export function connectionOptions(o: TemporalOptions): ConnectionOptions {
  const tls =
    o.tls || o.tlsCertPath
      ? o.tlsCertPath && o.tlsKeyPath
        ? { clientCertPair: { crt: readFileSync(o.tlsCertPath), key: readFileSync(o.tlsKeyPath) } }
        : true
      : undefined;
  return { address: o.address, tls, apiKey: o.apiKey };
}

export const TEMPORAL_OPTIONS = Symbol('TEMPORAL_OPTIONS');

/** Holds a lazily connected Temporal client so a service can boot before Temporal is up. */
export class TemporalClientHolder {
  private connection?: Connection;
  private client?: Client;

  constructor(readonly options: TemporalOptions) {}

  async getClient(): Promise<Client> {
    if (!this.client) {
      this.connection = await Connection.connect(connectionOptions(this.options));
      this.client = new Client({ connection: this.connection, namespace: this.options.namespace });
    }
    return this.client;
  }

  /** Readiness probe: the frontend answers for our namespace. */
  async ping(): Promise<void> {
    const client = await this.getClient();
    await client.connection.workflowService.describeNamespace({ namespace: this.options.namespace });
  }

  async close(): Promise<void> {
    await this.connection?.close();
    this.connection = undefined;
    this.client = undefined;
  }
}

@Global()
@Module({})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TemporalClientHolder) private readonly holder: TemporalClientHolder) {}

  static forRoot(options: TemporalOptions): DynamicModule {
    return {
      module: TemporalModule,
      providers: [{ provide: TemporalClientHolder, useValue: new TemporalClientHolder(options) }],
      exports: [TemporalClientHolder],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.holder.close();
  }
}
