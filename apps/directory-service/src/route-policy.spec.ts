import 'reflect-metadata';
import { auditRoutes, collectControllers } from '@zhiben/auth';
import { loadConfig } from '@zhiben/config';
import { DirectoryServiceModule } from './app.module';

describe('directory-service route policy', () => {
  const routes = auditRoutes(collectControllers(DirectoryServiceModule.forRoot(loadConfig({}))));

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/enterprises', '/org-units/:id', '/health']),
    );
  });

  it('has no route that declares neither roles nor public', () => {
    expect(routes.filter((r) => r.access === 'undeclared')).toEqual([]);
  });

  it('keeps public routes to health and readiness', () => {
    expect(
      routes
        .filter((r) => r.access === 'public')
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/health', '/ready']);
  });

  it('restricts writes to administrators', () => {
    const writes = routes.filter((r) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method));
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) expect(w.roles).not.toContain('*');
  });
});
