import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { correlationMiddleware } from './correlation';
import { JsonLogger } from './json.logger';
import { ProblemFilter } from './problem.filter';

export interface ServiceOptions {
  name: string;
  module: Type;
  /** Routes live under /api/<context>; health and readiness stay at the root. */
  context: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  bodyLimit?: string;
}

function requestLog(logger: JsonLogger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (req.path === '/health' || req.path === '/ready') return;
      logger.write('info', {
        msg: 'request',
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      });
    });
    next();
  };
}

export function openApiDocument(app: INestApplication, opts: ServiceOptions): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`Zhiben ${opts.context} API`)
    .setDescription(`治本 — ${opts.name}. Errors are RFC 7807 problems with zh-CN and English messages.`)
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Creates a configured, not yet listening, Nest application for a Zhiben service. */
export async function createServiceApp(opts: ServiceOptions): Promise<NestExpressApplication> {
  const logger = new JsonLogger(opts.name, opts.logLevel ?? 'info');
  const app = await NestFactory.create<NestExpressApplication>(opts.module, {
    logger,
    bodyParser: false,
    bufferLogs: false,
  });
  app.use(correlationMiddleware);
  app.use(requestLog(logger));
  app.useBodyParser('json', { limit: opts.bodyLimit ?? '256kb' });
  app.useGlobalFilters(new ProblemFilter());
  app.setGlobalPrefix(`api/${opts.context}`, { exclude: ['health', 'ready'] });
  app.disable('x-powered-by');
  // API answers are per-user and change with every workflow step: no ETag hashing of every body.
  app.set('etag', false);
  app.enableShutdownHooks();
  const document = openApiDocument(app, opts);
  SwaggerModule.setup(`api/${opts.context}/docs`, app, document, {
    jsonDocumentUrl: `api/${opts.context}/openapi.json`,
  });
  return app;
}

/** Entry point of a context service: create, listen, and exit with a clear message on failure. */
export function runService(opts: ServiceOptions & { port: number }): void {
  createServiceApp(opts)
    .then((app) => app.listen(opts.port))
    .catch((e: unknown) => {
      process.stderr.write(`${opts.name} failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(1);
    });
}
