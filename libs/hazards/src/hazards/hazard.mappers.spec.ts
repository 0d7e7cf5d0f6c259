import { isOverdue } from './hazard.mappers';

describe('isOverdue', () => {
  const now = new Date('2026-03-10T04:00:00Z');
  const past = new Date('2026-03-01T15:59:59.999Z');
  const future = new Date('2026-12-25T15:59:59.999Z');

  it('is true whenever the workflow says so, even before the calendar deadline (scaled clock)', () => {
    expect(isOverdue({ status: 'overdue', rectificationDeadline: future }, now)).toBe(true);
    expect(isOverdue({ status: 'overdue', rectificationDeadline: null }, now)).toBe(true);
  });

  it('is true for an open hazard whose deadline has passed on the calendar', () => {
    expect(isOverdue({ status: 'rectifying', rectificationDeadline: past }, now)).toBe(true);
    expect(isOverdue({ status: 'listed', rectificationDeadline: past }, now)).toBe(true);
    expect(isOverdue({ status: 'acceptance_review', rectificationDeadline: past }, now)).toBe(true);
  });

  it('is false before the deadline, without one, and once closed', () => {
    expect(isOverdue({ status: 'rectifying', rectificationDeadline: future }, now)).toBe(false);
    expect(isOverdue({ status: 'planning', rectificationDeadline: null }, now)).toBe(false);
    expect(isOverdue({ status: 'closed', rectificationDeadline: past }, now)).toBe(false);
  });
});
