import { drawInspections, seededShuffle } from './draw';

describe('双随机 draw', () => {
  const frame = Array.from({ length: 40 }, (_, i) => `91500116MA${String(i).padStart(7, '0')}X`);
  const pool = ['a.yingji', 'b.yingji', 'c.yingji', 'd.yingji', 'e.yingji'];

  it('is reproducible from the published seed, whatever order the frame was read in', () => {
    const one = drawInspections(frame, pool, 5, 2, 'seed-2026');
    const two = drawInspections([...frame].reverse(), [...pool].reverse(), 5, 2, 'seed-2026');
    expect(two).toEqual(one);
    expect(drawInspections(frame, pool, 5, 2, 'other-seed')).not.toEqual(one);
  });

  it('draws distinct enterprises and distinct inspectors for each', () => {
    const { enterprises, inspectors } = drawInspections(frame, pool, 10, 3, 'abcd');
    expect(new Set(enterprises).size).toBe(10);
    for (const team of inspectors) {
      expect(team).toHaveLength(3);
      expect(new Set(team).size).toBe(3);
      for (const u of team) expect(pool).toContain(u);
    }
  });

  it('never draws more than the frame holds, and shuffles every element', () => {
    expect(drawInspections(frame.slice(0, 3), pool, 10, 2, 'x1x1').enterprises).toHaveLength(3);
    expect(seededShuffle([1, 2, 3, 4], 's', 't').sort()).toEqual([1, 2, 3, 4]);
  });
});
