import 'reflect-metadata';
import { routePolicy } from '@zhiben/auth';
import { loadConfig } from '@zhiben/config';
import { DirectoryServiceModule } from './app.module';

describe('directory-service route policy', () => {
  const policy = routePolicy(DirectoryServiceModule.forRoot(loadConfig({})));

  it('declares roles or public on every route, and only health checks are public', () => {
    expect(policy.routes.length).toBeGreaterThan(10);
    expect(policy.routes.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/enterprises', '/org-units/:id']),
    );
    expect(policy.undeclared).toEqual([]);
    expect(policy.unexpectedPublic).toEqual([]);
  });

  it('restricts writes to named roles', () => {
    const writes = policy.routes.filter((r) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method));
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) expect(w.roles).not.toContain('*');
  });
});
