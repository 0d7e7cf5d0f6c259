import { createContextDataSource } from '@zhiben/db';
import { createHazardFiguresActivity, HAZARDS_ENTITIES, HAZARDS_SCHEMA } from '@zhiben/hazards';
import { api, testConfig, tokenFor } from '@zhiben/testing';
import type { DataSource } from 'typeorm';
import { JIASI_CREDIT_CODE, RUN_ID } from './support';

/** hazardFigures (HazardFiguresPort, hazards-service): the dispatch form's pre-fill for one unit's own scope. */
let ds: DataSource;
beforeAll(async () => {
  ds = await createContextDataSource({
    url: testConfig().DATABASE_URL,
    schema: HAZARDS_SCHEMA,
    entities: HAZARDS_ENTITIES,
    migrations: [],
  });
});
afterAll(async () => ds?.destroy());

it('counts a newly registered major self-inspection hazard in its town and enterprise, not elsewhere', async () => {
  const { hazardFigures } = createHazardFiguresActivity(ds);
  const asOf = new Date(Date.now() + 86_400_000).toISOString();
  const req = (unitCode: string) => hazardFigures({ unitCode, asOf, since: null });
  const [town0, ent0, other0] = await Promise.all([
    req('jiangjin.jiasi'),
    req(`ent:${JIASI_CREDIT_CODE}`),
    req('jiangjin.baisha'),
  ]);
  expect(Object.keys(town0).sort()).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6']);
  const res = await api('/api/hazards/hazards', {
    method: 'POST',
    token: await tokenFor('enterprise.jiasi'),
    body: {
      grade: 'major',
      title: `调度表预填 ${RUN_ID}`,
      description: '快速冻结装置作业间内作业人员超过 9 人',
      location: '冷库',
      standard: { catalogueId: 'gongmao-2023', clauseId: '12.2' },
      foundOn: new Date().toISOString().slice(0, 10),
    },
  });
  expect(res.status).toBe(201);
  const [town1, ent1, other1] = await Promise.all([
    req('jiangjin.jiasi'),
    req(`ent:${JIASI_CREDIT_CODE}`),
    req('jiangjin.baisha'),
  ]);
  expect(town1.G1).toBe(town0.G1 + 1);
  expect(ent1.G1).toBe(ent0.G1 + 1);
  expect(town1.G2).toBe(town0.G2);
  expect(other1).toEqual(other0);
  // A period that starts after today counts nothing.
  expect((await hazardFigures({ unitCode: 'jiangjin.jiasi', asOf, since: asOf })).G1).toBe(0);
});
