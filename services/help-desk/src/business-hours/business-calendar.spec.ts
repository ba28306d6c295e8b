import {
  addBusinessHours,
  ALWAYS_OPEN,
  businessCalendarOf,
  businessHoursBetween,
  OFFICE_HOURS,
  type BusinessCalendar,
} from './business-calendar';

// 2026-12-04 is a Friday; 2026-12-07 a Monday.
describe('Business hours', () => {
  describe('given the office calendar (Monday to Friday, 09:00–17:00 UTC)', () => {
    it('adds hours within the same day', () => {
      expect(addBusinessHours('2026-12-07T10:00:00.000Z', 3, OFFICE_HOURS)).toBe(
        '2026-12-07T13:00:00.000Z',
      );
    });

    it('carries what is left over the closing to the next opening, over the weekend', () => {
      // Friday 15:00 + 4 h: 2 h on Friday, 2 h from Monday 09:00.
      expect(addBusinessHours('2026-12-04T15:00:00.000Z', 4, OFFICE_HOURS)).toBe(
        '2026-12-07T11:00:00.000Z',
      );
    });

    it('counts a start outside hours from the next opening', () => {
      expect(addBusinessHours('2026-12-05T12:00:00.000Z', 1, OFFICE_HOURS)).toBe(
        '2026-12-07T10:00:00.000Z',
      );
      expect(addBusinessHours('2026-12-07T06:00:00.000Z', 8, OFFICE_HOURS)).toBe(
        '2026-12-07T17:00:00.000Z',
      );
    });

    it('gives ten working days of 8 hours as two calendar weeks', () => {
      expect(addBusinessHours('2026-12-07T09:00:00.000Z', 80, OFFICE_HOURS)).toBe(
        '2026-12-18T17:00:00.000Z',
      );
    });

    it('measures business hours between two instants, nothing for a weekend or a reversed span', () => {
      expect(
        businessHoursBetween('2026-12-04T15:00:00.000Z', '2026-12-07T11:00:00.000Z', OFFICE_HOURS),
      ).toBe(4);
      expect(
        businessHoursBetween('2026-12-05T08:00:00.000Z', '2026-12-06T20:00:00.000Z', OFFICE_HOURS),
      ).toBe(0);
      expect(
        businessHoursBetween('2026-12-07T11:00:00.000Z', '2026-12-04T15:00:00.000Z', OFFICE_HOURS),
      ).toBe(0);
    });
  });

  it('skips holidays', () => {
    const calendar: BusinessCalendar = { ...OFFICE_HOURS, holidays: ['2026-12-25'] };
    // Thursday 24th 16:00 + 2 h: 1 h on the 24th, Friday 25th closed, 1 h on Monday 28th.
    expect(addBusinessHours('2026-12-24T16:00:00.000Z', 2, calendar)).toBe(
      '2026-12-28T10:00:00.000Z',
    );
    expect(
      businessHoursBetween('2026-12-24T09:00:00.000Z', '2026-12-28T09:00:00.000Z', calendar),
    ).toBe(8);
  });

  it('reads opening hours in the calendar’s time zone, summer time included', () => {
    const zurich = businessCalendarOf({
      HELP_DESK_BUSINESS_HOURS: '09:00-17:00',
      HELP_DESK_TIME_ZONE: 'Europe/Zurich',
    });
    // Winter: Zurich is UTC+1, so 09:00 local is 08:00Z.
    expect(addBusinessHours('2026-12-07T00:00:00.000Z', 1, zurich)).toBe(
      '2026-12-07T09:00:00.000Z',
    );
    // Summer: UTC+2, 09:00 local is 07:00Z.
    expect(addBusinessHours('2026-07-06T00:00:00.000Z', 1, zurich)).toBe(
      '2026-07-06T08:00:00.000Z',
    );
  });

  it('counts every hour with the always-open calendar (calendar days)', () => {
    expect(addBusinessHours('2026-12-05T12:00:00.000Z', 48, ALWAYS_OPEN)).toBe(
      '2026-12-07T12:00:00.000Z',
    );
    expect(
      businessHoursBetween('2026-12-05T12:00:00.000Z', '2026-12-06T00:00:00.000Z', ALWAYS_OPEN),
    ).toBe(12);
  });

  describe('the calendar from the settings', () => {
    it('defaults to the office calendar, and reads days, hours, zone and holidays', () => {
      expect(businessCalendarOf({})).toEqual(OFFICE_HOURS);
      expect(
        businessCalendarOf({
          HELP_DESK_BUSINESS_DAYS: 'sun, mon,tue,wed,thu',
          HELP_DESK_BUSINESS_HOURS: '08:30-16:30',
          HELP_DESK_TIME_ZONE: 'Asia/Dubai',
          HELP_DESK_HOLIDAYS: '2026-12-02,2026-12-03',
        }),
      ).toEqual({
        weekdays: ['sun', 'mon', 'tue', 'wed', 'thu'],
        opensAt: 510,
        closesAt: 990,
        timeZone: 'Asia/Dubai',
        holidays: ['2026-12-02', '2026-12-03'],
      });
      expect(businessCalendarOf({ HELP_DESK_BUSINESS_HOURS: 'always' })).toEqual(ALWAYS_OPEN);
    });

    it.each([
      [{ HELP_DESK_BUSINESS_DAYS: 'mon,funday' }, /HELP_DESK_BUSINESS_DAYS: "funday"/],
      [{ HELP_DESK_BUSINESS_HOURS: '17:00-09:00' }, /HELP_DESK_BUSINESS_HOURS/],
      [{ HELP_DESK_BUSINESS_HOURS: '9-5' }, /HELP_DESK_BUSINESS_HOURS/],
      [{ HELP_DESK_TIME_ZONE: 'Mars/Olympus' }, /HELP_DESK_TIME_ZONE/],
      [{ HELP_DESK_HOLIDAYS: '2026-02-30' }, /HELP_DESK_HOLIDAYS: "2026-02-30"/],
    ])('refuses %j', (settings, message) => {
      expect(() => businessCalendarOf(settings)).toThrow(message);
    });
  });
});
