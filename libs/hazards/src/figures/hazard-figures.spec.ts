import { DISPATCH_FORM_2023 } from '@zhiben/campaigns-domain';
import { COUNTED_LISTING_STATUSES, figureSpecs, figuresSql } from './hazard-figures';

describe('hazard figures (dispatch-form pre-fill)', () => {
  it('answers exactly the rows that declare a hazards or listings source', () => {
    const specs = figureSpecs([DISPATCH_FORM_2023]);
    expect(specs.map((s) => s.rowId)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6']);
    expect(specs[0].prefill).toEqual({
      kind: 'hazards',
      grade: 'major',
      sources: ['SelfInspection'],
      measure: 'found',
    });
    expect(specs[5].prefill).toEqual({ kind: 'listings', measure: 'rectified' });
  });

  it('rejects a row id declared with two different sources', () => {
    const other = {
      ...DISPATCH_FORM_2023,
      id: 'other',
      rows: DISPATCH_FORM_2023.rows.map((r) =>
        r.id === 'G1' ? { ...r, prefill: { kind: 'listings' as const, measure: 'listed' as const } } : r,
      ),
    };
    expect(() => figureSpecs([DISPATCH_FORM_2023, other])).toThrow(/G1/);
  });

  it('builds one statement over the unit’s own scope with a column per row', () => {
    const sql = figuresSql(figureSpecs([DISPATCH_FORM_2023]));
    expect(sql.match(/AS "c\d+"/g)).toHaveLength(6);
    expect(sql).toContain('h.town_code = $1 OR h.supervising_dept_code = $1');
    expect(sql).not.toMatch(/org_path/);
    expect(COUNTED_LISTING_STATUSES).not.toContain('proposed');
    expect(COUNTED_LISTING_STATUSES).toContain('delisted');
  });
});
