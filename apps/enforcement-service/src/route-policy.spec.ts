import 'reflect-metadata';
import { routePolicy } from '@zhiben/auth';
import { loadConfig } from '@zhiben/config';
import { EnforcementServiceModule } from './app.module';

describe('enforcement-service route policy', () => {
  const policy = routePolicy(EnforcementServiceModule.forRoot(loadConfig({})));
  const route = (method: string, path: string) =>
    policy.routes.find((r) => r.method === method && r.path === path);

  it('declares roles or public on every route, and only health checks are public', () => {
    expect(policy.routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/health', '/ready']));
    expect(policy.undeclared).toEqual([]);
    expect(policy.unexpectedPublic).toEqual([]);
  });

  it('serves plans, inspections, cases, referrals, the board, rules and files', () => {
    expect(policy.routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'POST /plans',
        'GET /plans',
        'GET /plans/:id',
        'POST /plans/:id/draw',
        'POST /inspections',
        'GET /inspections',
        'GET /inspections/:id',
        'POST /inspections/:id/record',
        'POST /inspections/:id/hazards',
        'POST /inspections/:id/sign',
        'POST /inspections/:id/photos',
        'GET /inspections/:id/timeline',
        'POST /cases',
        'GET /cases',
        'GET /cases/:id',
        'GET /cases/:id/timeline',
        'POST /cases/:id/actions',
        'POST /cases/:id/reinspection-application',
        'POST /cases/:id/steps/:step',
        'POST /cases/:id/files',
        'POST /referrals',
        'GET /referrals',
        'GET /referrals/board',
        'GET /referrals/:id',
        'GET /referrals/:id/timeline',
        'POST /referrals/:id/documents/:kind',
        'POST /referrals/:id/submit',
        'POST /referrals/:id/steps/:step',
        'GET /rules',
        'PUT /rules',
        'GET /files/:id',
      ]),
    );
  });

  it('names roles on every route; enterprises never reach plans or referrals', () => {
    for (const r of policy.routes.filter((x) => !['/health', '/ready'].includes(x.path))) {
      expect(r.roles).not.toContain('*');
      expect(r.roles.length).toBeGreaterThan(0);
      if (r.path.startsWith('/referrals') || r.path.startsWith('/plans') || r.path.startsWith('/rules')) {
        expect(r.roles).not.toContain('enterprise');
      }
    }
    expect(route('POST', '/cases/:id/reinspection-application')?.roles).toEqual(['enterprise']);
    expect(route('PUT', '/rules')?.roles).toEqual(['admin', 'sys-admin']);
    expect(route('GET', '/cases/:id')?.roles).toContain('enterprise');
  });
});
