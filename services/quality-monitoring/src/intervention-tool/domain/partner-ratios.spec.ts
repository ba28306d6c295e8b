import type { PartnerRatios } from '@sfp/contracts';
import { isNewerThan, latestPartnerRatios, partnerRatiosOf } from './partner-ratios';
import { SourceEventUnreadableError, type SourceEvent } from './source-event';

const INSTITUTION = '0b6f3c1e-4a2d-4e8f-9c71-3d5a2b8e6f10';
const REPORT = 'c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f';

function filed(
  version: number,
  ratios: Record<string, unknown>,
  type = 'knowledge-base.PerformanceReportFiled',
): SourceEvent {
  return {
    eventId: `evt-${version}`,
    type,
    occurredAt: '2026-02-03T10:00:00.000Z',
    data: {
      reportId: REPORT,
      institutionId: INSTITUTION,
      version,
      period: { start: '2025-01-01', end: '2025-12-31' },
      institution: { name: 'Caisse Populaire de Kaolack', country: 'SN' },
      ratios,
      filedAt: '2026-02-03T10:00:00.000Z',
      restatedAt: '2026-04-14T08:30:00.000Z',
    },
  };
}

describe('partner ratios from the knowledge base’s performance reports', () => {
  it('given a filed report, when read, then PAR30, OSS and the operating expense ratio come from its ratios', () => {
    const ratios = partnerRatiosOf(
      filed(1, {
        par30: { value: 0.042 },
        oss: { value: 1.12 },
        operatingExpenseRatio: { value: 0.19 },
        roa: { value: 0.02 },
      }),
    );
    expect(ratios).toEqual({
      institutionId: INSTITUTION,
      name: 'Caisse Populaire de Kaolack',
      reportId: REPORT,
      reportVersion: 1,
      periodEnd: '2025-12-31',
      reportedAt: '2026-02-03T10:00:00.000Z',
      par30: 0.042,
      operationalSelfSufficiency: 1.12,
      operatingExpenseRatio: 0.19,
    });
  });

  it('given a restatement with a ratio it could not compute, then that ratio is absent and the restatement date is the report’s', () => {
    const ratios = partnerRatiosOf(
      filed(
        2,
        { par30: { value: 0.14 }, oss: { value: null, reason: 'no financial revenue' } },
        'knowledge-base.PerformanceReportRestated',
      ),
    );
    expect(ratios.reportVersion).toBe(2);
    expect(ratios.reportedAt).toBe('2026-04-14T08:30:00.000Z');
    expect(ratios.par30).toBe(0.14);
    expect(ratios).not.toHaveProperty('operationalSelfSufficiency');
  });

  it('given a payload without the institution or the period, then it is unreadable, naming the fields', () => {
    const event = filed(1, {});
    (event.data as Record<string, unknown>)['institutionId'] = undefined;
    (event.data as Record<string, unknown>)['period'] = {};
    expect(() => partnerRatiosOf(event)).toThrow(SourceEventUnreadableError);
    try {
      partnerRatiosOf(event);
    } catch (error) {
      expect((error as SourceEventUnreadableError).problems.map((p) => p.field)).toEqual([
        'data.institutionId',
        'data.period.end',
      ]);
    }
  });
});

describe('a partner’s latest ratios', () => {
  const ratios = (over: Partial<PartnerRatios>): PartnerRatios => ({
    institutionId: INSTITUTION,
    name: 'Caisse Populaire de Kaolack',
    reportId: REPORT,
    reportVersion: 1,
    periodEnd: '2025-12-31',
    reportedAt: '2026-02-03T10:00:00.000Z',
    ...over,
  });

  it('given a report and its restatement, then the restatement is the latest', () => {
    const latest = latestPartnerRatios([ratios({}), ratios({ reportVersion: 2, par30: 0.14 })]);
    expect(latest?.reportVersion).toBe(2);
  });

  it('given a restatement of an older period after a newer report, then the newer period stays the latest', () => {
    const newer = ratios({
      reportId: 'r-2026',
      periodEnd: '2026-06-30',
      reportedAt: '2026-07-20T00:00:00.000Z',
    });
    const olderRestated = ratios({ reportVersion: 2, reportedAt: '2026-08-01T00:00:00.000Z' });
    expect(latestPartnerRatios([ratios({}), newer, olderRestated])).toBe(newer);
  });

  it('given nothing noted, then there are none', () => {
    expect(latestPartnerRatios([])).toBeUndefined();
  });

  it('given frozen ratios, then a restatement or a later report is newer, the same version is not', () => {
    const frozen = ratios({});
    expect(isNewerThan(ratios({ reportVersion: 2 }), frozen)).toBe(true);
    expect(isNewerThan(ratios({ reportId: 'r-2026', periodEnd: '2026-06-30' }), frozen)).toBe(true);
    expect(isNewerThan(ratios({}), frozen)).toBe(false);
  });
});
