import { AMOUNT_DECIMALS, type FormDefinition, type FormValues, formValueType } from '@zhiben/contracts';

/**
 * Aggregation of form reports (月度调度表) up the org hierarchy (村 → 镇 → 区), with drill-down to each
 * unit's contribution. Pure: a list of units and a list of reports in, a tree out.
 *
 * Rules:
 * - **Each report is counted once, at its own unit.** A node's total is its own report plus the totals of
 *   its children. A report therefore states the unit's own figures only; the system pre-fills hazard
 *   counts with the unit's own scope for this reason (a town that pre-filled its whole subtree would be
 *   counted twice once its villages report too).
 * - Counts and 万元 are summed (万元 in exact 1/10 000 steps, i.e. whole yuan, so 0.1 + 0.2 is 0.3);
 *   a yes/no row (是否) totals the number of units that answered 是. Empty cells count as 0.
 * - Only reports of units inside the root's subtree count; the tree keeps only branches with a report or
 *   an expected reporter, and lists the expected reporters that have not reported (`missing`).
 */

export interface OrgUnitRef {
  code: string;
  parentCode: string | null;
  name?: string;
}

export interface UnitReport {
  unitCode: string;
  values: FormValues;
}

/** Row id → total. */
export type RowTotals = Record<string, number>;

export interface AggregateNode {
  code: string;
  name?: string;
  /** The unit's own report (normalised to numbers), or null when it filed none. */
  own: RowTotals | null;
  /** `own` plus the children's totals. */
  total: RowTotals;
  /** Units of this subtree whose reports are counted. */
  reportingUnits: number;
  /** Expected reporters of this subtree without a report, in tree order. */
  missing: string[];
  children: AggregateNode[];
}

export interface AggregateOptions {
  rootCode: string;
  /** Units expected to report (the campaign's participants); drives `missing`. */
  expected?: readonly string[];
}

export class AggregationError extends Error {
  readonly code = 'INVALID_AGGREGATION_INPUT' as const;
  constructor(message: string) {
    super(message);
    this.name = 'AggregationError';
  }
}

const SCALE = 10 ** AMOUNT_DECIMALS;

export function aggregateReports(
  definition: FormDefinition,
  units: readonly OrgUnitRef[],
  reports: readonly UnitReport[],
  options: AggregateOptions,
): AggregateNode {
  const byCode = new Map<string, OrgUnitRef>();
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (byCode.has(u.code)) throw new AggregationError(`Unit ${u.code} is listed twice`);
    byCode.set(u.code, u);
  }
  for (const u of units) {
    if (u.parentCode === null) continue;
    if (!byCode.has(u.parentCode))
      throw new AggregationError(`Unit ${u.code} has an unknown parent ${u.parentCode}`);
    const list = children.get(u.parentCode) ?? [];
    list.push(u.code);
    children.set(u.parentCode, list);
  }
  if (!byCode.has(options.rootCode)) throw new AggregationError(`Unknown root unit ${options.rootCode}`);

  const rows = definition.rows;
  const known = new Set(rows.map((r) => r.id));
  const own = new Map<string, RowTotals>();
  for (const r of reports) {
    if (!byCode.has(r.unitCode)) throw new AggregationError(`Report of unknown unit ${r.unitCode}`);
    if (own.has(r.unitCode)) throw new AggregationError(`Unit ${r.unitCode} has two reports`);
    for (const key of Object.keys(r.values)) {
      if (!known.has(key)) throw new AggregationError(`Report of ${r.unitCode} has unknown row ${key}`);
    }
    // Amounts are kept in 1/10 000 units while summing and scaled back at the end.
    const scaled: RowTotals = {};
    for (const row of rows) scaled[row.id] = toScaled(formValueType(row.unit), r.values[row.id]);
    own.set(r.unitCode, scaled);
  }
  const expected = new Set(options.expected ?? []);
  for (const code of expected) {
    if (!byCode.has(code)) throw new AggregationError(`Unknown expected unit ${code}`);
  }

  const visiting = new Set<string>();
  const build = (code: string): AggregateNode => {
    if (visiting.has(code)) throw new AggregationError(`The unit tree has a cycle at ${code}`);
    visiting.add(code);
    // Branches without a report or an expected reporter are left out of the drill-down.
    const kids = (children.get(code) ?? [])
      .map(build)
      .filter((k) => k.reportingUnits > 0 || k.missing.length > 0);
    visiting.delete(code);
    const mine = own.get(code) ?? null;
    const total: RowTotals = {};
    for (const row of rows) {
      total[row.id] = (mine?.[row.id] ?? 0) + kids.reduce((sum, k) => sum + k.total[row.id], 0);
    }
    const name = byCode.get(code)?.name;
    return {
      code,
      ...(name === undefined ? {} : { name }),
      own: mine,
      total,
      reportingUnits: (mine ? 1 : 0) + kids.reduce((n, k) => n + k.reportingUnits, 0),
      missing: [...(mine === null && expected.has(code) ? [code] : []), ...kids.flatMap((k) => k.missing)],
      children: kids,
    };
  };
  const root = build(options.rootCode);
  return unscale(root, definition);
}

/** Drill-down of one row: each reporting unit of the subtree with its own figure, in tree order. */
export function rowContributions(node: AggregateNode, rowId: string): { unitCode: string; value: number }[] {
  const out: { unitCode: string; value: number }[] = [];
  const walk = (n: AggregateNode) => {
    if (n.own) out.push({ unitCode: n.code, value: n.own[rowId] ?? 0 });
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

/** The node of a unit inside an aggregate (to drill down from the district to a town). */
export function findNode(node: AggregateNode, code: string): AggregateNode | undefined {
  if (node.code === code) return node;
  for (const c of node.children) {
    const found = findNode(c, code);
    if (found) return found;
  }
  return undefined;
}

function toScaled(
  type: ReturnType<typeof formValueType>,
  value: number | boolean | null | undefined,
): number {
  if (value === null || value === undefined) return 0;
  switch (type) {
    case 'boolean':
      if (typeof value !== 'boolean')
        throw new AggregationError(`Expected a yes/no value, got ${String(value)}`);
      return value ? 1 : 0;
    case 'count':
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        throw new AggregationError(`Expected a non-negative whole number, got ${String(value)}`);
      }
      return value;
    case 'amount':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new AggregationError(`Expected a non-negative amount, got ${String(value)}`);
      }
      return Math.round(value * SCALE);
    default: {
      const unknown: never = type;
      throw new AggregationError(`Unknown value type ${String(unknown)}`);
    }
  }
}

function unscale(node: AggregateNode, definition: FormDefinition): AggregateNode {
  const amounts = definition.rows.filter((r) => formValueType(r.unit) === 'amount').map((r) => r.id);
  const fix = (t: RowTotals): RowTotals => {
    const out = { ...t };
    for (const id of amounts) out[id] = t[id] / SCALE;
    return out;
  };
  const walk = (n: AggregateNode): AggregateNode => ({
    ...n,
    own: n.own ? fix(n.own) : null,
    total: fix(n.total),
    children: n.children.map(walk),
  });
  return walk(node);
}
