import { describe, expect, it } from '@jest/globals';
import { checkDraw, parseInspectorPool, toDraw } from './planForms';

describe('the 双随机 draw form', () => {
  it('reads one inspector a line, with an optional certificate number', () => {
    expect(parseInspectorPool('inspector.yingji 李执法 50011600123\n\nofficial.jiasi，王明\nbad')).toEqual({
      pool: [
        { username: 'inspector.yingji', name: '李执法', certificateNo: '50011600123' },
        { username: 'official.jiasi', name: '王明' },
      ],
      bad: [4],
    });
  });

  it('needs a count and at least as many distinct inspectors as an inspection takes', () => {
    expect(
      checkDraw({ enterpriseCount: 3, inspectorPool: 'a 甲\nb 乙', inspectorsPerInspection: 2 }),
    ).toEqual([]);
    expect(checkDraw({ enterpriseCount: 3, inspectorPool: 'a 甲\na 甲' }).map((i) => i.path)).toEqual([
      'inspectorPool',
    ]);
    expect(
      checkDraw({ enterpriseCount: 0, inspectorPool: 'a 甲\nb 乙', inspectorsPerInspection: 3 }).map(
        (i) => i.path,
      ),
    ).toEqual(['enterpriseCount', 'inspectorPool']);
    expect(
      checkDraw({ enterpriseCount: 1, inspectorPool: 'a 甲\nb 乙', seed: '中文' }).map((i) => i.path),
    ).toEqual(['seed']);
  });

  it('sends the draw with the seed only when given', () => {
    expect(
      toDraw({ enterpriseCount: 2, inspectorPool: 'a 甲\nb 乙', inspectorsPerInspection: 2, seed: ' ' }),
    ).toEqual({
      enterpriseCount: 2,
      inspectorPool: [
        { username: 'a', name: '甲' },
        { username: 'b', name: '乙' },
      ],
      inspectorsPerInspection: 2,
    });
  });
});
