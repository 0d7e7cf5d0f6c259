import { describe, expect, it } from '@jest/globals';
import { createCursorBook } from './keyset';

describe('the cursor book (keyset lists)', () => {
  it('passes offset answers through with their total', () => {
    const book = createCursorBook();
    expect(book.read('k', 1, { data: [1, 2], total: 7 })).toEqual({ data: [1, 2], total: 7 });
    expect(book.cursorFor('k', 2)).toBeUndefined();
  });

  it('remembers each page’s cursor so next and previous pages ask for the right one', () => {
    const book = createCursorBook();
    expect(book.cursorFor('k', 1)).toBeNull();
    expect(book.read('k', 1, { data: ['a'], nextCursor: 'c2' })).toEqual({
      data: ['a'],
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
    expect(book.cursorFor('k', 2)).toBe('c2');
    expect(book.read('k', 2, { data: ['b'], nextCursor: null })).toEqual({
      data: ['b'],
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
    expect(book.cursorFor('k', 2)).toBe('c2');
    expect(book.cursorFor('k', 3)).toBeNull();
    expect(book.cursorFor('other', 2)).toBeUndefined();
  });

  it('forgets the oldest list beyond its capacity', () => {
    const book = createCursorBook(2);
    book.read('a', 1, { data: [], nextCursor: 'a2' });
    book.read('b', 1, { data: [], nextCursor: 'b2' });
    book.read('c', 1, { data: [], nextCursor: 'c2' });
    expect(book.cursorFor('a', 2)).toBeUndefined();
    expect(book.cursorFor('c', 2)).toBe('c2');
  });
});
