import { Client, Connection } from '@temporalio/client';
import { TASK_QUEUES } from '@zhiben/contracts';
import { api, asUser, testConfig } from '@zhiben/testing';
import { randomUUID } from 'node:crypto';

describe('platform', () => {
  const config = testConfig();

  it.each([
    ['directory-service', config.DIRECTORY_PORT],
    ['tasks-service', config.TASKS_PORT],
    ['hazards-service', config.HAZARDS_PORT],
    ['campaigns-service', config.CAMPAIGNS_PORT],
    ['enforcement-service', config.ENFORCEMENT_PORT],
    ['tipline-service', config.TIPLINE_PORT],
  ])('%s reports liveness and readiness of its database and Temporal', async (_name, port) => {
    const health = await fetch(`http://localhost:${port}/health`);
    expect(health.status).toBe(200);
    const ready = (await (await fetch(`http://localhost:${port}/ready`)).json()) as {
      status: string;
      checks: Record<string, string>;
    };
    expect(ready).toEqual({ status: 'ready', checks: { database: 'up', temporal: 'up' } });
  });

  it('the gateway is ready only when its upstreams are', async () => {
    const res = await api<{ status: string; checks: Record<string, string> }>('/ready');
    expect(res.status).toBe(200);
    expect(res.body.checks).toEqual({
      directory: 'up',
      tasks: 'up',
      hazards: 'up',
      campaigns: 'up',
      enforcement: 'up',
      tipline: 'up',
    });
  });

  it('serves the console configuration publicly', async () => {
    const res = await api<{ keycloak: { realm: string; clientId: string } }>('/config.json');
    expect(res.status).toBe(200);
    expect(res.body.keycloak).toMatchObject({ realm: 'zhiben', clientId: 'zhiben-console' });
  });

  it('publishes OpenAPI documents for each context', async () => {
    for (const ctx of ['directory', 'tasks', 'hazards', 'campaigns']) {
      const res = await api<{ openapi: string; paths: Record<string, unknown> }>(`/api/${ctx}/openapi.json`);
      expect(res.status).toBe(200);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(Object.keys(res.body.paths).length).toBeGreaterThan(0);
    }
  });

  it('carries the caller’s correlation id through the gateway into problems', async () => {
    const id = `test-${randomUUID()}`;
    const res = await api<{ correlationId: string }>('/api/directory/enterprises', {
      headers: { 'x-correlation-id': id },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-correlation-id')).toBe(id);
    expect(res.body.correlationId).toBe(id);
  });

  it('an unknown API route is a bilingual 404 problem', async () => {
    const res = await asUser<{ code: string; messageZh: string }>('official.jiasi', '/api/directory/nope');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(res.body.messageZh).toBe('记录不存在');
  });

  it('runs a workflow on the workflow worker that calls a directory activity', async () => {
    const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
    try {
      const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
      const workflowId = `smoke-${randomUUID()}`;
      const result = await client.workflow.execute('platformPing', {
        taskQueue: TASK_QUEUES.workflows,
        workflowId,
        args: [{ orgUnitCode: 'jiangjin.jiasi' }],
        workflowExecutionTimeout: '60s',
      });
      expect(result).toEqual({
        workflowId,
        orgUnit: { code: 'jiangjin.jiasi', name: '贾嗣镇', kind: 'town' },
      });
    } finally {
      await connection.close();
    }
  });
});
