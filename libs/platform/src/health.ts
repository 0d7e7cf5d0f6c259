import { Controller, Get, Inject, Module, type DynamicModule, type Provider, Res } from '@nestjs/common';
import { SetMetadata } from '@nestjs/common';
import type { Response } from 'express';

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

// Same key as @zhiben/auth's @Public(); duplicated here because platform sits below auth.
const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata('zhiben:auth:public', true);

async function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

@PublicRoute()
@Controller()
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  /** Liveness: the process serves HTTP. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: every dependency this service needs answers. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    const results: Record<string, string> = {};
    let ok = true;
    await Promise.all(
      this.checks.map(async (c) => {
        try {
          await withTimeout(c.check(), 3000);
          results[c.name] = 'up';
        } catch (e) {
          ok = false;
          results[c.name] = `down: ${e instanceof Error ? e.message : String(e)}`;
        }
      }),
    );
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ready' : 'not-ready', checks: results };
  }
}

@Module({})
export class HealthModule {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  static forRoot(checks: { inject: any[]; useFactory: (...args: any[]) => ReadinessCheck[] }): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [{ provide: READINESS_CHECKS, ...checks } as Provider],
    };
  }
}
