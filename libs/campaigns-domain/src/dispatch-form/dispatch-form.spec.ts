import { FORM_UNITS, formReportSchemaFor, formValuesSchemaFor, type FormValues } from '@zhiben/contracts';
import {
  DISPATCH_FORM_2023 as form,
  formById,
  isOutsourcingChaotic,
  OUTSOURCING_CHAOS_CRITERIA,
} from './index';

/** A complete, consistent report: every row 0 except a few. */
function zeroValues(overrides: FormValues = {}): FormValues {
  const values: FormValues = {};
  for (const row of form.rows) values[row.id] = row.unit === '是否' ? false : 0;
  return { ...values, ...overrides };
}

/** zod issues as [path, zh, en]. */
function issues(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return (result.error?.issues ?? []).map((i) => {
    const [zh, en] = i.message.split(' / ');
    return [i.path.join('.'), zh, en];
  });
}

describe('月度调度表 of the 2023 campaign (seed 000 attachment)', () => {
  it('has the four sections of the seed, in order', () => {
    expect(form.sections.map((s) => [s.titleZh, s.citation])).toEqual([
      ['总体情况', '000:135-158'],
      ['对企业自查自改进行抽查检查情况', '000:161-204'],
      ['精准严格执法情况', '000:207-250'],
      ['组织领导情况', '000:253-319'],
    ]);
    expect(form.titleZh).toBe('重大事故隐患专项排查整治2023行动进展情况月度调度表');
    expect(form.header).toEqual({
      unitLabelZh: '（部门或企业名称）：__________',
      dateLabelZh: '时间：2023年   月   日',
    });
  });

  it('prints every numbered item: 6, 8, 10 and 8', () => {
    const numbered = form.sections.map((s) =>
      s.lines.flatMap((l) => l.filter((c) => c !== null && c.number !== null).map((c) => c?.number)),
    );
    expect(numbered).toEqual([
      ['1', '2', '3', '4', '5', '6'],
      ['1', '2', '3', '4', '5', '6', '7', '8'],
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
      ['1', '2', '3', '4', '5', '6', '7', '8'],
    ]);
  });

  it('has 42 value rows, each in exactly one printed cell', () => {
    expect(form.rows).toHaveLength(42);
    expect(form.sections.map((s) => form.rows.filter((r) => r.sectionId === s.id).length)).toEqual([
      6, 8, 12, 16,
    ]);
    const inCells = form.sections.flatMap((s) => s.lines.flatMap((l) => l.flatMap((c) => c?.rows ?? [])));
    expect([...inCells].sort()).toEqual(form.rows.map((r) => r.id).sort());
    expect(new Set(inCells).size).toBe(inCells.length);
    for (const r of form.rows) {
      const section = form.sections.find((s) => s.lines.some((l) => l.some((c) => c?.rows.includes(r.id))));
      expect(section?.id).toBe(r.sectionId);
    }
  });

  it('uses the units of the seed: 个, 家, 次, 个次, 家次, 万元, 人 (and 是否)', () => {
    expect(new Set(form.rows.map((r) => r.unit))).toEqual(new Set(FORM_UNITS));
    const unit = (id: string) => form.rows.find((r) => r.id === id)?.unit;
    expect([
      unit('G1'),
      unit('S1'),
      unit('E1'),
      unit('E2'),
      unit('E3a'),
      unit('E3b'),
      unit('E5'),
      unit('L6'),
    ]).toEqual(['个', '家', '个次', '家次', '次', '万元', '人', '是否']);
    // The printed labels carry the unit exactly as the seed prints it.
    const printed = form.sections.flatMap((s) => s.lines.flatMap((l) => l.filter((c) => c !== null)));
    expect(printed.find((c) => c?.rows[0] === 'E3a')?.labelZh).toBe('行政处罚（次，万元）');
    expect(printed.find((c) => c?.rows[0] === 'E8a')?.labelZh).toBe(
      '公布典型执法案例（个），其中危险作业罪案例（个）',
    );
    expect(printed.find((c) => c?.rows[0] === 'L5a')?.labelZh).toBe(
      '举报奖励（万元），其中匿名举报查实奖励（万元）',
    );
  });

  it('splits section 4 items 1–4 by level, with the blank department cell of item 4', () => {
    const leadership = form.sections[3];
    expect(leadership.lines[4]).toEqual([
      { number: null, labelZh: '区级部门负责同志现场督导检查（次）', rows: ['L3.Dd'] },
      null,
    ]);
    const levels = form.rows.filter((r) => r.level).map((r) => `${r.id}:${r.level}`);
    expect(levels).toEqual([
      'L1.D:district',
      'L1.Dd:districtDepartments',
      'L1.T:townsAndPlatforms',
      'L2.D:district',
      'L2.Dd:districtDepartments',
      'L2.T:townsAndPlatforms',
      'L3.D:district',
      'L3.Dd:districtDepartments',
      'L3.T:townsAndPlatforms',
      'L4.D:district',
      'L4.T:townsAndPlatforms',
    ]);
  });

  it('keeps the footnote verbatim, with the four outsourcing criteria', () => {
    expect(form.footnoteZh.startsWith('注：1．调度表内容应围绕专项行动并对照方案具体要求如实填报')).toBe(
      true,
    );
    expect(form.footnoteZh.endsWith('安全生产管理职责不清，未纳入本企业统一管理。')).toBe(true);
    for (const c of OUTSOURCING_CHAOS_CRITERIA) expect(form.footnoteZh).toContain(c.labelZh);
    expect(isOutsourcingChaotic({})).toBe(false);
    expect(isOutsourcingChaotic({ noSafetyAgreement: true })).toBe(true);
    expect(isOutsourcingChaotic({ contractorUnqualified: false, dutiesUnclear: false })).toBe(false);
  });

  it('knows which rows the system can pre-fill', () => {
    const prefill = Object.fromEntries(form.rows.map((r) => [r.id, r.prefill]));
    expect(prefill.G1).toEqual({
      kind: 'hazards',
      grade: 'major',
      sources: ['SelfInspection'],
      measure: 'found',
    });
    expect(prefill.G2).toEqual({
      kind: 'hazards',
      grade: 'major',
      sources: ['SelfInspection'],
      measure: 'rectified',
    });
    expect(prefill.G3).toEqual({
      kind: 'hazards',
      grade: 'major',
      sources: ['EnforcementInspection'],
      measure: 'found',
    });
    expect(prefill.G5).toEqual({ kind: 'listings', measure: 'listed' });
    expect(prefill.G6).toEqual({ kind: 'listings', measure: 'rectified' });
    expect(prefill.E3b).toEqual({ kind: 'enforcement', metric: 'penaltyAmount' });
    expect(prefill.L5a).toEqual({ kind: 'tipline', metric: 'rewardsPaid' });
    expect(prefill.L8).toEqual({ kind: 'manual' });
  });

  it('has constraints only between existing rows, and English labels that fit the "zh / en" messages', () => {
    const ids = new Set(form.rows.map((r) => r.id));
    for (const c of form.constraints) {
      expect(ids.has(c.row) && ids.has(c.max)).toBe(true);
    }
    expect(form.constraints.map((c) => `${c.row}<=${c.max}`)).toEqual([
      'G2<=G1',
      'G4<=G3',
      'G6<=G5',
      'S2<=S1',
      'S3<=S1',
      'S4<=S1',
      'S5<=S1',
      'S6<=S1',
      'S7<=S1',
      'S8<=S1',
      'E4<=E3a',
      'E8b<=E8a',
      'L5b<=L5a',
    ]);
    for (const r of form.rows) expect(r.labelEn).not.toContain(' / ');
    expect(formById(form.id)).toBe(form);
    expect(formById('nope')).toBeUndefined();
  });
});

describe('validation of the dispatch form values', () => {
  const submit = formValuesSchemaFor(form, { complete: true });
  const draft = formValuesSchemaFor(form, { complete: false });

  it('accepts a complete, consistent report', () => {
    const values = zeroValues({
      G1: 5,
      G2: 3,
      G5: 1,
      G6: 1,
      E3a: 2,
      E3b: 1.25,
      E4: 1,
      L5a: 0.2,
      L5b: 0.1,
      L6: true,
    });
    expect(issues(submit.safeParse(values))).toEqual([]);
  });

  it('rejects negative counts, with the row named in both languages', () => {
    expect(issues(submit.safeParse(zeroValues({ G1: -1 })))).toEqual([
      [
        'G1',
        '企业自查发现的重大事故隐患（个）不能为负数',
        'Major hazards found by enterprise self-inspection must not be negative',
      ],
    ]);
    expect(issues(draft.safeParse({ E3b: -0.5 }))[0][1]).toBe('行政处罚（金额）（万元）不能为负数');
  });

  it('rejects a rectified count above the found count', () => {
    expect(issues(submit.safeParse(zeroValues({ G1: 2, G2: 3 })))).toEqual([
      [
        'G2',
        '“企业自查发现重大事故隐患中已完成整改的”（G2）为 3，不能大于“企业自查发现的重大事故隐患”（G1）的 2',
        '"Of the major hazards found by self-inspection: rectification completed" (G2) is 3 and must not exceed "Major hazards found by enterprise self-inspection" (G1), 2',
      ],
    ]);
    expect(issues(submit.safeParse(zeroValues({ G5: 1, G6: 2, S1: 1, S7: 2 }))).map((i) => i[0])).toEqual([
      'G6',
      'S7',
    ]);
    expect(issues(submit.safeParse(zeroValues({ L5a: 0.1, L5b: 0.2 }))).map((i) => i[0])).toEqual(['L5b']);
  });

  it('checks types: whole counts, 万元 with at most 4 decimals, 是否 as a boolean', () => {
    expect(issues(submit.safeParse(zeroValues({ G1: 1.5 })))[0][0]).toBe('G1');
    expect(issues(submit.safeParse(zeroValues({ E3b: 12.3456 })))).toEqual([]);
    expect(issues(submit.safeParse(zeroValues({ E3b: 12.34567 })))[0]).toEqual([
      'E3b',
      '行政处罚（金额）（万元）最多保留 4 位小数',
      'Administrative penalties (amount): at most 4 decimal places',
    ]);
    expect(issues(submit.safeParse(zeroValues({ L6: 1 })))[0][0]).toBe('L6');
    expect(issues(submit.safeParse(zeroValues({ G1: '3' as never })))[0][0]).toBe('G1');
  });

  it('rejects unknown rows', () => {
    const result = submit.safeParse(zeroValues({ X9: 1 }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['X9'] });
  });

  it('lets a draft leave rows empty but requires every row on submission', () => {
    expect(issues(draft.safeParse({ G1: 4, G2: null }))).toEqual([]);
    const missing = issues(submit.safeParse({ ...zeroValues(), G3: null, L6: undefined }));
    expect(missing).toEqual([
      [
        'G3',
        '请填写“执法检查发现的重大事故隐患”（无则填 0）',
        'Fill in "Major hazards found by enforcement inspection" (0 if none)',
      ],
      [
        'L6',
        '请选择“是否在主流媒体播放安全生产专题栏目”（是或否）',
        'Answer "Work-safety programme broadcast in mainstream media" (yes or no)',
      ],
    ]);
  });

  it('requires the leader’s signature on submission', () => {
    const base = {
      scheduleId: 'monthly-dispatch',
      occurrenceKey: '2023-06',
      reportingUnitCode: 'jiangjin.jiasi',
      reportDate: '2023-06-20',
      formId: form.id,
      values: zeroValues({ G1: 1 }),
      prefilledRows: ['G1', 'G2'],
    };
    const submitReport = formReportSchemaFor(form, 'submit');
    expect(issues(submitReport.safeParse(base)).map((i) => i[0])).toEqual(['signature']);
    const signed = { ...base, signature: { signedBy: '张三', title: '镇长', signedOn: '2023-06-21' } };
    expect(issues(submitReport.safeParse(signed))).toEqual([]);
    expect(formReportSchemaFor(form, 'draft').safeParse(base).success).toBe(true);
    expect(issues(submitReport.safeParse({ ...signed, prefilledRows: ['Z1'] })).map((i) => i[0])).toEqual([
      'prefilledRows.0',
    ]);
    expect(issues(submitReport.safeParse({ ...signed, occurrenceKey: '2023-13' })).map((i) => i[0])).toEqual([
      'occurrenceKey',
    ]);
  });
});
