import type { FormIssue } from './formIssues';
import type { InspectionDrawInput, InspectorInput } from './types';

/**
 * The 双随机 draw's inspector pool as typed: one inspector a line, `username name [certificate no.]`
 * (spaces, tabs or commas between). Blank lines are skipped; a line without a name is returned as bad.
 */
export const parseInspectorPool = (text: string): { pool: InspectorInput[]; bad: number[] } => {
  const pool: InspectorInput[] = [];
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const parts = line
      .split(/[\s,，、]+/)
      .map((part) => part.trim())
      .filter(Boolean);
    if (parts.length === 0) return;
    if (parts.length < 2 || !/^[A-Za-z0-9._@-]{1,100}$/.test(parts[0])) {
      bad.push(index + 1);
      return;
    }
    const [username, name, certificateNo] = parts;
    pool.push({ username, name, ...(certificateNo ? { certificateNo } : {}) });
  });
  return { pool, bad };
};

export interface DrawValues {
  enterpriseCount?: number | null;
  inspectorPool?: string;
  inspectorsPerInspection?: number | null;
  seed?: string;
}

/** The draw needs a count, a pool of at least as many inspectors as each inspection takes (≥ 2). */
export const checkDraw = (values: DrawValues): FormIssue[] => {
  const issues: FormIssue[] = [];
  const count = values.enterpriseCount;
  if (!count || !Number.isInteger(count) || count < 1)
    issues.push({ path: 'enterpriseCount', key: 'ra.validation.required' });
  const per = values.inspectorsPerInspection ?? 2;
  if (!Number.isInteger(per) || per < 2)
    issues.push({
      path: 'inspectorsPerInspection',
      key: 'zhiben.enforcement.validation.twoInspectors',
      args: { min: 2 },
    });
  const { pool, bad } = parseInspectorPool(values.inspectorPool ?? '');
  if (bad.length > 0)
    issues.push({
      path: 'inspectorPool',
      key: 'zhiben.enforcement.plan.poolLineInvalid',
      args: { lines: bad.join(', ') },
    });
  else if (new Set(pool.map((i) => i.username)).size < Math.max(2, per))
    issues.push({
      path: 'inspectorPool',
      key: 'zhiben.enforcement.validation.twoInspectors',
      args: { min: Math.max(2, per) },
    });
  if (values.seed?.trim() && !/^[A-Za-z0-9_-]{4,64}$/.test(values.seed.trim()))
    issues.push({ path: 'seed', key: 'zhiben.enforcement.plan.seedInvalid' });
  return issues;
};

export const toDraw = (values: DrawValues): InspectionDrawInput => ({
  enterpriseCount: values.enterpriseCount ?? 1,
  inspectorPool: parseInspectorPool(values.inspectorPool ?? '').pool,
  inspectorsPerInspection: values.inspectorsPerInspection ?? 2,
  ...(values.seed?.trim() ? { seed: values.seed.trim() } : {}),
});
