import { CAMPAIGNS_ENTITIES, CAMPAIGNS_MIGRATIONS, CAMPAIGNS_SCHEMA } from '@zhiben/campaigns';
import { createContextDataSource, migrate, pendingSchemaDrift } from '@zhiben/db';
import { DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS, DIRECTORY_SCHEMA } from '@zhiben/directory';
import { ENFORCEMENT_ENTITIES, ENFORCEMENT_MIGRATIONS, ENFORCEMENT_SCHEMA } from '@zhiben/enforcement';
import { HAZARDS_ENTITIES, HAZARDS_MIGRATIONS, HAZARDS_SCHEMA } from '@zhiben/hazards';
import { TASKS_ENTITIES, TASKS_MIGRATIONS, TASKS_SCHEMA } from '@zhiben/tasks';
import { TIPLINE_ENTITIES, TIPLINE_MIGRATIONS, TIPLINE_SCHEMA } from '@zhiben/tipline';
import { testConfig } from '@zhiben/testing';

/** Fails when an entity changes without a migration (STYLE.md §12). */
describe.each([
  ['directory', DIRECTORY_SCHEMA, DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS],
  ['tasks', TASKS_SCHEMA, TASKS_ENTITIES, TASKS_MIGRATIONS],
  ['hazards', HAZARDS_SCHEMA, HAZARDS_ENTITIES, HAZARDS_MIGRATIONS],
  ['campaigns', CAMPAIGNS_SCHEMA, CAMPAIGNS_ENTITIES, CAMPAIGNS_MIGRATIONS],
  ['enforcement', ENFORCEMENT_SCHEMA, ENFORCEMENT_ENTITIES, ENFORCEMENT_MIGRATIONS],
  ['tipline', TIPLINE_SCHEMA, TIPLINE_ENTITIES, TIPLINE_MIGRATIONS],
])('%s schema', (_name, schema, entities, migrations) => {
  it('is fully migrated, re-running migrations is a no-op, and entities match the migrations', async () => {
    const ds = await createContextDataSource({
      url: testConfig().DATABASE_URL,
      schema,
      entities,
      migrations,
    });
    try {
      expect(await migrate(ds, schema)).toEqual([]);
      expect(await pendingSchemaDrift(ds)).toEqual([]);
      const applied = (await ds.query(`SELECT name FROM "${schema}".typeorm_migrations`)) as {
        name: string;
      }[];
      expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    } finally {
      await ds.destroy();
    }
  });
});
