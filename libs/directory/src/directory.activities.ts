import type { DataSource } from 'typeorm';
import { OrgUnitEntity } from './org-units/org-unit.entity';

/** Activities the directory hosts on its task queue (all I/O; workflows see only these types). */
export function createDirectoryActivities(ds: DataSource) {
  return {
    async describeOrgUnit(input: {
      code: string;
    }): Promise<{ code: string; name: string; kind: string } | null> {
      const u = await ds.getRepository(OrgUnitEntity).findOneBy({ code: input.code });
      return u ? { code: u.code, name: u.name, kind: u.kind } : null;
    },
  };
}

export type DirectoryActivities = ReturnType<typeof createDirectoryActivities>;
