import 'reflect-metadata';
import { auditRoutes, collectControllers } from '@zhiben/auth';
import { loadConfig } from '@zhiben/config';
import { TasksServiceModule } from './app.module';

describe('tasks-service route policy', () => {
  const routes = auditRoutes(collectControllers(TasksServiceModule.forRoot(loadConfig({}))));

  it('finds the routes', () => {
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/inbox', '/health', '/ready']));
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
});
