import { api, testConfig, tokenFor } from '@zhiben/testing';
import { Client } from 'pg';
import { reportLatency, sample, stats } from './lib/harness';

/** Enterprise list through gateway + guard + scoping vs the raw scoped SQL, same database, same run. */
export async function directoryListBench(): Promise<void> {
  const token = await tokenFor('official.jiasi');
  const pg = new Client({ connectionString: testConfig().DATABASE_URL });
  await pg.connect();
  try {
    const [{ path }] = (await pg.query(`SELECT path FROM directory.org_units WHERE code = 'jiangjin.jiasi'`))
      .rows;
    const measured = stats(await sample(300, () => api('/api/directory/enterprises?perPage=25', { token })));
    const baseline = stats(
      await sample(300, () =>
        pg.query(
          `SELECT e.*, t.name FROM directory.enterprises e JOIN directory.org_units t ON t.id = e.town_id
            WHERE t.path LIKE $1 ORDER BY e.name, e.id LIMIT 25`,
          [`${path}%`],
        ),
      ),
    );
    reportLatency('directory: enterprise list page (API vs raw SQL)', measured, baseline, {});
  } finally {
    await pg.end();
  }
}
