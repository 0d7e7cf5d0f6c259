import 'reflect-metadata';
import { routePolicy } from '@zhiben/auth';
import { loadConfig } from '@zhiben/config';
import { CampaignsServiceModule } from './app.module';

describe('campaigns-service route policy', () => {
  const policy = routePolicy(CampaignsServiceModule.forRoot(loadConfig({})));
  const route = (method: string, path: string) =>
    policy.routes.find((r) => r.method === method && r.path === path);

  it('declares roles or public on every route, and only health checks are public', () => {
    expect(policy.routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/health', '/ready']));
    expect(policy.undeclared).toEqual([]);
    expect(policy.unexpectedPublic).toEqual([]);
  });

  it('serves templates, campaigns, task lists, duties, reports and the dispatch table', () => {
    expect(policy.routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'GET /templates',
        'GET /templates/:id',
        'POST /templates/:id/versions',
        'POST /campaigns',
        'GET /campaigns',
        'GET /campaigns/:id',
        'PATCH /campaigns/:id',
        'POST /campaigns/:id/submit',
        'POST /campaigns/:id/events/:eventKey',
        'POST /campaigns/:id/migrate',
        'POST /campaigns/:id/derive',
        'GET /campaigns/:id/timeline',
        'GET /campaigns/:id/task-items',
        'POST /campaigns/:id/task-items/:itemId/progress',
        'POST /campaigns/:id/duties/:dutyId/records',
        'GET /campaigns/:id/duties/compliance',
        'GET /campaigns/:id/reports',
        'GET /campaigns/:id/dispatch',
        'GET /campaigns/:id/dispatch.xlsx',
        'GET /reports/:reportId',
        'PUT /reports/:reportId/values',
        'POST /reports/:reportId/submit',
      ]),
    );
  });

  it('keeps plan administration with admins and every write behind named roles', () => {
    const writes = policy.routes.filter((r) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method));
    for (const w of writes) expect(w.roles).not.toContain('*');
    for (const p of [
      '/campaigns',
      '/campaigns/:id/submit',
      '/campaigns/:id/migrate',
      '/campaigns/:id/derive',
    ]) {
      expect(route('POST', p)?.roles).toEqual(['admin']);
    }
    expect(route('POST', '/templates/:id/versions')?.roles).toEqual(['admin']);
    expect(route('POST', '/campaigns/:id/events/:eventKey')?.roles).toEqual(['admin', 'leader']);
  });
});
