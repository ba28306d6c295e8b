import 'reflect-metadata';
import { helpDeskService } from './help-desk.service';
import { HelpDeskSettings, slaPolicyFromEnv } from './help-desk.settings';

describe('help desk SLA policy from the environment', () => {
  it('keeps the defaults when nothing is set', () => {
    expect(slaPolicyFromEnv({})).toEqual({
      resolutionDays: { urgent: 2, high: 5, normal: 10, low: 20 },
      reopenWindowDays: 14,
    });
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
