import { findCatalogue, findClause, STANDARD_CATALOGUES } from './standards.registry';

describe('判定标准 catalogues', () => {
  const gongmao = findCatalogue('gongmao-2023')!;

  it('ships the 工贸 standard with 3 management, 47 industry and 14 special situations (64)', () => {
    const kindOf = (groupId: string) => gongmao.groups.find((g) => g.id === groupId)!.kind;
    const count = (kind: string) => gongmao.clauses.filter((c) => kindOf(c.groupId) === kind).length;
    expect(count('management')).toBe(3);
    expect(count('industry')).toBe(47);
    expect(count('special')).toBe(14);
    expect(gongmao.clauses).toHaveLength(64);
  });

  it('has seven industries with items (商贸 has none of its own)', () => {
    const industries = gongmao.groups.filter((g) => g.kind === 'industry');
    const withItems = industries.filter((g) => gongmao.clauses.some((c) => c.groupId === g.id));
    expect(withItems.map((g) => g.nameZh)).toEqual(['冶金', '有色', '建材', '机械', '轻工', '纺织', '烟草']);
    expect(industries.find((g) => g.id === 'commerce')?.noteZh).toBeTruthy();
  });

  it('numbers clauses article.item, unique, each ending like a legal situation', () => {
    const ids = STANDARD_CATALOGUES.flatMap((c) => c.clauses.map((k) => `${c.id}:${k.id}`));
    expect(new Set(ids).size).toBe(ids.length);
    for (const k of gongmao.clauses) {
      expect(k.id).toMatch(/^\d{1,2}\.\d{1,2}$/);
      expect(k.textZh).toMatch(/的(（[^）]+）)?$/);
    }
    expect(findClause('gongmao-2023', '4.1')?.article).toBe('第四条');
    expect(findClause('gongmao-2023', '5.13')?.item).toBe('（十三）');
    expect(findClause('gongmao-2023', '99.1')).toBeUndefined();
  });
});
