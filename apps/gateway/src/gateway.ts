import { Controller, Get, Module, type DynamicModule, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ZhibenConfig } from '@zhiben/config';
import {
  correlationMiddleware,
  CORRELATION_HEADER,
  currentCorrelationId,
  JsonLogger,
} from '@zhiben/platform';
import express, { type Request, type Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { existsSync } from 'node:fs';
import { Agent } from 'node:http';
import { join, resolve } from 'node:path';

/** Upstream per context; later contexts add a line here and a variable in libs/config. */
export function routes(config: ZhibenConfig): Record<string, string> {
  return {
    directory: config.directoryUrl,
    tasks: config.tasksUrl,
    hazards: config.hazardsUrl,
    campaigns: config.campaignsUrl,
    enforcement: config.enforcementUrl,
    tipline: config.tiplineUrl,
  };
}

function gatewayModule(config: ZhibenConfig): DynamicModule {
  @Controller()
  class GatewayController {
    /** Public: what the console needs to start a PKCE login. */
    @Get('config.json')
    consoleConfig() {
      return {
        keycloak: {
          url: config.keycloakPublicUrl,
          realm: config.KEYCLOAK_REALM,
          clientId: config.KEYCLOAK_CONSOLE_CLIENT_ID,
        },
        version: '0.1.0',
      };
    }

    @Get('health')
    health() {
      return { status: 'ok' };
    }

    /** Ready when every upstream service is ready. */
    @Get('ready')
    async ready(@Res({ passthrough: true }) res: Response) {
      const checks: Record<string, string> = {};
      await Promise.all(
        Object.entries(routes(config)).map(async ([name, url]) => {
          try {
            const r = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(3000) });
            checks[name] = r.ok ? 'up' : `down: ${r.status}`;
          } catch (e) {
            checks[name] = `down: ${e instanceof Error ? e.message : String(e)}`;
          }
        }),
      );
      const ok = Object.values(checks).every((v) => v === 'up');
      res.status(ok ? 200 : 503);
      return { status: ok ? 'ready' : 'not-ready', checks };
    }
  }
  @Module({ controllers: [GatewayController] })
  class GatewayModule {}
  return { module: GatewayModule };
}

const NOT_SPA = new Set(['/config.json', '/health', '/ready']);

export async function createGateway(config: ZhibenConfig, root: string): Promise<NestExpressApplication> {
  const logger = new JsonLogger('gateway', config.LOG_LEVEL);
  const app = await NestFactory.create<NestExpressApplication>(gatewayModule(config), {
    logger,
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.use(correlationMiddleware);
  for (const [context, target] of Object.entries(routes(config))) {
    app.use(
      createProxyMiddleware({
        pathFilter: `/api/${context}`,
        target,
        changeOrigin: true,
        xfwd: true,
        // Reuse upstream connections: a new TCP connection per proxied request costs more than the request.
        agent: new Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 }),
        proxyTimeout: 60_000,
        on: {
          proxyReq: (proxyReq) => {
            const id = currentCorrelationId();
            if (id) proxyReq.setHeader(CORRELATION_HEADER, id);
          },
          error: (err, _req, res) => {
            logger.write('error', { msg: 'upstream unavailable', context, error: err.message });
            const r = res as Response;
            if (!r.headersSent) {
              r.status(503).type('application/problem+json').json({
                type: 'urn:zhiben:error:UNAVAILABLE',
                title: 'Service unavailable',
                status: 503,
                code: 'UNAVAILABLE',
                messageZh: '服务暂不可用，请稍后重试',
                messageEn: 'Service unavailable, try again shortly',
                correlationId: currentCorrelationId(),
              });
            }
          },
        },
      }),
    );
  }
  const dist = resolve(root, config.CONSOLE_DIST);
  if (existsSync(join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    // SPA fallback for client-side routes; API and health paths never fall through to it.
    app.use((req: Request, res: Response, next: () => void) => {
      if (req.method !== 'GET' || req.path.startsWith('/api/') || NOT_SPA.has(req.path)) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(join(dist, 'index.html'));
    });
  } else {
    logger.write('warn', { msg: 'console not built; serving API only', dist });
  }
  app.enableShutdownHooks();
  return app;
}
