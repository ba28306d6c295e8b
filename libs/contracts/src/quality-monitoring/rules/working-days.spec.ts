import { serviceLevelDue, workingDaysBetween } from './working-days';

// 2026-03-02 is a Monday.
describe('workingDaysBetween', () => {
  it('given the same day, then 0', () => {
    expect(workingDaysBetween('2026-03-02T09:00:00.000Z', '2026-03-02T17:00:00.000Z')).toBe(0);
  });

  it('counts the working days after the first date up to the second', () => {
    expect(workingDaysBetween('2026-03-02T09:00:00.000Z', '2026-03-03T08:00:00.000Z')).toBe(1);
    expect(workingDaysBetween('2026-03-02', '2026-03-06')).toBe(4);
    expect(workingDaysBetween('2026-03-02', '2026-03-09')).toBe(5);
    expect(workingDaysBetween('2026-03-02', '2026-03-23')).toBe(15);
  });

  it('does not count Saturdays and Sundays', () => {
    // Friday to the next Monday: one working day.
    expect(workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
    // Submitted on a Saturday, decided on the Sunday: none.
    expect(workingDaysBetween('2026-03-07', '2026-03-08')).toBe(0);
    // Across a year end: Wed 2025-12-31 to Wed 2026-01-14.
    expect(workingDaysBetween('2025-12-31', '2026-01-14')).toBe(10);
  });

  it('given the second date earlier, then a negative count', () => {
    expect(workingDaysBetween('2026-03-09', '2026-03-02')).toBe(-5);
  });

  it('refuses what is no date', () => {
    expect(() => workingDaysBetween('yesterday', '2026-03-02')).toThrow(RangeError);
  });
});

describe('serviceLevelDue', () => {
  it('given a Monday and 15 working days, then the Monday three weeks on', () => {
    expect(serviceLevelDue('2026-03-02T10:30:00.000Z', 15)).toBe('2026-03-23');
  });

  it('given a Friday and 1 day, then the next Monday; a Saturday and 1 day, the Monday too', () => {
    expect(serviceLevelDue('2026-03-06T16:00:00.000Z', 1)).toBe('2026-03-09');
    expect(serviceLevelDue('2026-03-07T16:00:00.000Z', 1)).toBe('2026-03-09');
  });

  it('agrees with workingDaysBetween: deciding on the due date is within the service level', () => {
    for (const submitted of ['2026-03-04', '2026-03-07', '2025-12-24']) {
      const due = serviceLevelDue(submitted, 15);
      expect(workingDaysBetween(submitted, due)).toBe(15);
    }
  });
});
