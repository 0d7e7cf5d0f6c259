import 'reflect-metadata';
import { routePolicy } from '@zhiben/auth';
import { loadConfig } from '@zhiben/config';
import { HazardsServiceModule } from './app.module';

describe('hazards-service route policy', () => {
  const policy = routePolicy(HazardsServiceModule.forRoot(loadConfig({})));

  it('declares roles or public on every route, and only health checks are public', () => {
    expect(policy.routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/health', '/ready']));
    expect(policy.undeclared).toEqual([]);
    expect(policy.unexpectedPublic).toEqual([]);
  });
});
