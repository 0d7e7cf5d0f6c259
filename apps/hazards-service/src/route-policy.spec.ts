import 'reflect-metadata';
import { routePolicy } from '@zhiben/auth';
import { loadConfig } from '@zhiben/config';
import { HazardsServiceModule } from './app.module';

describe('hazards-service route policy', () => {
  const policy = routePolicy(HazardsServiceModule.forRoot(loadConfig({})));
  const route = (method: string, path: string) =>
    policy.routes.find((r) => r.method === method && r.path === path);

  it('declares roles or public on every route, and only health checks are public', () => {
    expect(policy.routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/health', '/ready']));
    expect(policy.undeclared).toEqual([]);
    expect(policy.unexpectedPublic).toEqual([]);
  });

  it('serves the ledger, listings, files, standards and rules', () => {
    expect(policy.routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'POST /hazards',
        'GET /hazards',
        'GET /hazards/:id',
        'GET /hazards/:id/timeline',
        'POST /hazards/:id/plan',
        'POST /hazards/:id/progress',
        'POST /hazards/:id/acceptance-application',
        'POST /hazards/:id/extension-request',
        'POST /hazards/:id/listing-proposal',
        'POST /hazards/:id/files',
        'GET /hazards/:id/files',
        'GET /files/:id',
        'GET /listings',
        'GET /listings/:id',
        'GET /standards',
        'GET /standards/:id/clauses',
        'GET /rules',
        'POST /rules',
      ]),
    );
  });

  it('keeps every write behind named roles; enterprise submissions are the enterprise’s only', () => {
    const writes = policy.routes.filter((r) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method));
    for (const w of writes) expect(w.roles).not.toContain('*');
    for (const step of ['plan', 'progress', 'acceptance-application', 'extension-request']) {
      expect(route('POST', `/hazards/:id/${step}`)?.roles).toEqual(['enterprise']);
    }
    expect(route('POST', '/hazards/:id/listing-proposal')?.roles).not.toContain('enterprise');
    expect(route('POST', '/rules')?.roles).toEqual(['admin', 'sys-admin']);
  });
});
