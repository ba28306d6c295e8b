import 'reflect-metadata';
import { helpDeskService } from './help-desk.service';
import { ALWAYS_OPEN, OFFICE_HOURS } from './business-hours/business-calendar';
import { HelpDeskSettings, slaPolicyFromEnv } from './help-desk.settings';

describe('help desk SLA policy from the environment', () => {
  it('keeps the defaults when nothing is set: business days of the office calendar, an 80 % warning', () => {
    expect(slaPolicyFromEnv({})).toEqual({
      resolutionDays: { urgent: 2, high: 5, normal: 10, low: 20 },
      reopenWindowDays: 14,
      calendar: OFFICE_HOURS,
      approachingShare: 0.8,
    });
  });

  it('reads the calendar and the warning share', () => {
    expect(
      slaPolicyFromEnv({
        HELP_DESK_BUSINESS_HOURS: 'always',
        HELP_DESK_SLA_WARNING_SHARE: '0',
      }),
    ).toEqual({
      resolutionDays: { urgent: 2, high: 5, normal: 10, low: 20 },
      reopenWindowDays: 14,
      calendar: ALWAYS_OPEN,
    });
    expect(() => slaPolicyFromEnv({ HELP_DESK_HOLIDAYS: 'christmas' })).toThrow(
      /HELP_DESK_HOLIDAYS/,
    );
  });

  it('overrides the priorities given and the reopen window', () => {
    expect(
      slaPolicyFromEnv({
        HELP_DESK_SLA_DAYS: 'urgent=1, low=30',
        HELP_DESK_REOPEN_WINDOW_DAYS: '7',
      }),
    ).toEqual({
      resolutionDays: { urgent: 1, high: 5, normal: 10, low: 30 },
      reopenWindowDays: 7,
      calendar: OFFICE_HOURS,
      approachingShare: 0.8,
    });
  });

  it('refuses malformed values, naming them', () => {
    expect(() => slaPolicyFromEnv({ HELP_DESK_SLA_DAYS: 'asap=1' })).toThrow(/"asap=1"/);
    expect(() => slaPolicyFromEnv({ HELP_DESK_SLA_DAYS: 'high=-2' })).toThrow(/HELP_DESK_SLA_DAYS/);
    expect(() => slaPolicyFromEnv({ HELP_DESK_REOPEN_WINDOW_DAYS: 'two weeks' })).toThrow(
      /HELP_DESK_REOPEN_WINDOW_DAYS/,
    );
  });

  it("is read with the context's settings class, numbers from strings", () => {
    const settings = helpDeskService.loadSettings({ SLA_CHECK_INTERVAL_MS: '0', PATH: '/usr/bin' });
    expect(settings).toBeInstanceOf(HelpDeskSettings);
    expect(settings.SLA_CHECK_INTERVAL_MS).toBe(0);
    expect(() => helpDeskService.loadSettings({ SLA_CHECK_INTERVAL_MS: '-1' })).toThrow(
      /SLA_CHECK_INTERVAL_MS/,
    );
  });
});
