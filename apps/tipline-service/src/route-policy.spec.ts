import 'reflect-metadata';
import { routePolicy } from '@zhiben/auth';
import { loadConfig } from '@zhiben/config';
import { TiplineServiceModule } from './app.module';

const PUBLIC = ['/public/tips', '/public/photos', '/public/status', '/public/claim', '/public/dispute'];

describe('tipline-service route policy', () => {
  const policy = routePolicy(TiplineServiceModule.forRoot(loadConfig({})), ['/health', '/ready', ...PUBLIC]);
  const route = (method: string, path: string) =>
    policy.routes.find((r) => r.method === method && r.path === path);

  it('declares roles or public on every route; only intake, status, claim and dispute are public', () => {
    expect(policy.undeclared).toEqual([]);
    expect(policy.unexpectedPublic).toEqual([]);
    for (const p of PUBLIC) expect(route('POST', p)?.access).toBe('public');
  });

  it('keeps enterprises out of every tip and the vault; unmasking is for handlers and leaders', () => {
    for (const r of policy.routes.filter(
      (x) => x.access !== 'public' && !['/health', '/ready'].includes(x.path),
    )) {
      expect(r.roles).not.toContain('enterprise');
      expect(r.roles).not.toContain('*');
    }
    expect(route('POST', '/unmask-requests/:id/decision')?.roles).toEqual(['leader']);
    expect(route('GET', '/unmask-requests/:id/identity')?.roles).toEqual(['tip-handler', 'leader']);
    expect(route('POST', '/tips/:id/reward-approval')?.roles).toEqual(['leader']);
  });
});
