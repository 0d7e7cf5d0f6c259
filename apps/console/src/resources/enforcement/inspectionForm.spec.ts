import { describe, expect, it } from '@jest/globals';
import { issuesToErrors } from './formIssues';
import {
  checkInspectionRecord,
  checklistFromClauses,
  toInspectionRecord,
  type InspectionRecordValues,
} from './inspectionForm';

const today = '2026-03-02';
const now = Date.parse('2026-03-02T06:00:00Z');

const valid = (): InspectionRecordValues => ({
  inspectedAt: '2026-03-02T10:30',
  inspectors: [
    { username: 'inspector.yingji', name: '李执法', certificateNo: '50011600123', signed: true },
    { username: 'official.jiasi', name: '王明', signed: true },
  ],
  checklist: [
    {
      catalogueId: 'gongmao-2023',
      clauseId: '3.1',
      item: '第三条（一） 粉尘爆炸',
      result: 'violation',
      note: '',
    },
    { catalogueId: 'gongmao-2023', clauseId: '3.2', item: '第三条（二）', result: 'compliant' },
  ],
  findings: [
    {
      description: '除尘系统未设泄爆装置',
      grade: 'major',
      catalogueId: 'gongmao-2023',
      clauseId: '3.1',
      photos: ['file-1'],
      rectifyBy: '2026-03-20',
      stopOrdered: true,
    },
  ],
  principalDutiesChecked: true,
  responsiblePersonsChecked: true,
});

const paths = (values: InspectionRecordValues) =>
  checkInspectionRecord(values, today, now).map((i) => i.path);

describe('the inspection record form', () => {
  it('accepts a complete, signed record', () => {
    expect(checkInspectionRecord(valid(), today, now)).toEqual([]);
  });

  it('needs at least two distinct inspectors, each signed', () => {
    const one = { ...valid(), inspectors: [valid().inspectors![0]] };
    expect(checkInspectionRecord(one, today, now)).toContainEqual({
      path: 'inspectors',
      key: 'zhiben.enforcement.validation.twoInspectors',
      args: { min: 2 },
    });
    const twice = { ...valid(), inspectors: [valid().inspectors![0], { ...valid().inspectors![0] }] };
    expect(paths(twice)).toContain('inspectors.1.username');
    const unsigned = {
      ...valid(),
      inspectors: [valid().inspectors![0], { ...valid().inspectors![1], signed: false }],
    };
    expect(paths(unsigned)).toEqual(['inspectors.1.signed']);
  });

  it('needs every checklist line judged, and a finding for a violation', () => {
    const unjudged = valid();
    unjudged.checklist![1].result = '';
    expect(paths(unjudged)).toEqual(['checklist.1.result']);
    const noFindings = { ...valid(), findings: [] };
    expect(checkInspectionRecord(noFindings, today, now)).toContainEqual({
      path: 'findings',
      key: 'zhiben.enforcement.validation.findingsNeeded',
      args: { count: 1 },
    });
    expect(paths({ ...valid(), checklist: [] })).toContain('checklist');
  });

  it('orders rectification by a future deadline unless removed on the spot', () => {
    const values = valid();
    values.findings![0].rectifyBy = '';
    expect(checkInspectionRecord(values, today, now)).toContainEqual({
      path: 'findings.0.rectifyBy',
      key: 'zhiben.enforcement.validation.deadlineRequired',
    });
    values.findings![0].rectifyBy = today;
    expect(paths(values)).toEqual(['findings.0.rectifyBy']);
    values.findings![0].removedOnSpot = true;
    expect(paths(values)).toEqual([]);
  });

  it('stops work on site only for a major hazard, which must cite its clause', () => {
    const general = valid();
    general.findings![0].grade = 'general';
    expect(paths(general)).toEqual(['findings.0.stopOrdered']);
    const uncited = valid();
    uncited.findings![0].clauseId = null;
    expect(paths(uncited)).toEqual(['findings.0.clauseId']);
  });

  it('needs both 两个必查 ticked and a time that is not in the future', () => {
    expect(paths({ ...valid(), principalDutiesChecked: false, responsiblePersonsChecked: false })).toEqual([
      'principalDutiesChecked',
      'responsiblePersonsChecked',
    ]);
    expect(paths({ ...valid(), inspectedAt: '2026-03-03T10:00' })).toEqual(['inspectedAt']);
  });

  it('turns issues into react-admin’s nested errors, the list’s own message first', () => {
    const errors = issuesToErrors([
      { path: 'inspectors', key: 'two' },
      { path: 'inspectors.0.name', key: 'required' },
      { path: 'findings.1.rectifyBy', key: 'deadline' },
    ]);
    expect(errors).toEqual({
      inspectors: { message: 'two', args: {} },
      findings: [undefined, { rectifyBy: { message: 'deadline', args: {} } }],
    });
  });

  it('requires only the signed-in inspector’s signature when one signs here', () => {
    const values = valid();
    values.inspectors![1].signed = false;
    expect(checkInspectionRecord(values, today, now, 'inspector.yingji')).toEqual([]);
    expect(paths({ ...values })).toEqual(['inspectors.1.signed']);
  });

  it('builds the record body: Beijing time as an instant, clauses only in pairs, stop only for major', () => {
    const values = valid();
    values.checklist!.push({ catalogueId: null, clauseId: null, item: '消防通道', result: 'compliant' });
    values.findings!.push({
      description: '灭火器过期',
      grade: 'general',
      removedOnSpot: true,
      rectifyBy: '2026-03-09',
      stopOrdered: true,
    });
    const body = toInspectionRecord(values, '2026-03-02T03:00:00.000Z');
    expect(body.inspectedAt).toBe('2026-03-02T02:30:00.000Z');
    expect(body).not.toHaveProperty('inspectors');
    expect(body.checklist[0]).toEqual({
      catalogueId: 'gongmao-2023',
      clauseId: '3.1',
      item: '第三条（一） 粉尘爆炸',
      result: 'violation',
    });
    expect(body.checklist[2]).toEqual({ item: '消防通道', result: 'compliant' });
    expect(body.findings[0]).toMatchObject({
      rectifyBy: '2026-03-20',
      stopOrdered: true,
      photos: ['file-1'],
    });
    expect(body.findings[1]).not.toHaveProperty('rectifyBy');
    expect(body.findings[1].stopOrdered).toBe(false);
  });

  it('draws checklist lines from catalogue clauses, unjudged', () => {
    expect(
      checklistFromClauses('gongmao-2023', [
        { id: '3.1', article: '第三条', item: '（一）', textZh: '粉尘' },
      ]),
    ).toEqual([
      { catalogueId: 'gongmao-2023', clauseId: '3.1', item: '第三条（一） 粉尘', result: '', note: '' },
    ]);
  });
});
