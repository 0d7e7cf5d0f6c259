import 'reflect-metadata';
import { Controller, Get, Module, Post } from '@nestjs/common';
import { Authenticated, Public, Roles } from './decorators';
import { auditRoutes, collectControllers } from './route.audit';

@Controller('things')
class ThingsController {
  @Get()
  @Authenticated()
  list() {}

  @Post()
  @Roles('admin')
  create() {}

  @Get('forgotten')
  forgotten() {}
}

@Public()
@Controller()
class OpenController {
  @Get('ping')
  ping() {}
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('auditRoutes', () => {
  it('detects an undeclared handler, so the policy test can fail', () => {
    const routes = auditRoutes(
      collectControllers({ module: class Root {}, imports: [ThingsModule], controllers: [OpenController] }),
    );
    const byHandler = Object.fromEntries(routes.map((r) => [r.handler, r]));
    expect(byHandler['list'].access).toBe('roles');
    expect(byHandler['create'].roles).toEqual(['admin']);
    expect(byHandler['forgotten'].access).toBe('undeclared');
    expect(byHandler['ping'].access).toBe('public');
    expect(byHandler['forgotten'].path).toBe('/things/forgotten');
  });
});
