import type { LoggerService } from '@nestjs/common';
import { requestContext } from './correlation';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Structured JSON logs, one object per line, carrying the correlation id of the request
 * being served. Never pass personal data (reporter identity, ID numbers) to the logger.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly service: string,
    private readonly minLevel: Level = 'info',
    private readonly sink: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {}

  write(level: Level, message: unknown, context?: string, extra?: Record<string, unknown>): void {
    if (ORDER[level] < ORDER[this.minLevel]) return;
    const store = requestContext.getStore();
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      context,
      correlationId: store?.correlationId,
      user: store?.username,
      ...(typeof message === 'object' && message !== null ? (message as object) : { msg: String(message) }),
      ...extra,
    };
    this.sink(JSON.stringify(entry));
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', message, context, trace ? { trace } : undefined);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
}
