import type { RecordedEvent } from '@sfp/event-sourcing';
import { PublicEventHistory, type EventData } from './public-event-history';

/** Builds knowledge base public events in the shape of services/knowledge-base's domain events. */
export class KnowledgeBaseHistory extends PublicEventHistory {
  private readonly institutions = new Map<string, EventData>();

  constructor() {
    super('knowledge-base', 'analyst-1');
  }

  register(institutionId: string, at: string, region: string): RecordedEvent {
    const data = {
      institutionId,
      name: `MFI ${institutionId}`,
      kind: 'mfi',
      legalType: 'ngo',
      country: 'SN',
      region,
      programmes: ['youth-employment'],
      registeredBy: 'analyst-1',
      registeredAt: at,
    };
    this.institutions.set(institutionId, data);
    return this.record(`institution-${institutionId}`, 'InstitutionRegistered', at, data);
  }

  activate(institutionId: string, at: string): RecordedEvent {
    return this.record(`institution-${institutionId}`, 'InstitutionActivated', at, {
      institutionId,
      by: 'analyst-1',
      at,
    });
  }

  private reportVersion(
    reportId: string,
    institutionId: string,
    version: number,
    year: number,
  ): EventData {
    const i = this.institutions.get(institutionId) ?? {};
    return {
      reportId,
      institutionId,
      version,
      period: { start: `${year}-01-01`, end: `${year}-12-31` },
      year,
      currency: 'XOF',
      fx: {},
      inputs: {},
      ratios: { oss: 1.1 },
      institution: {
        name: i['name'],
        kind: i['kind'],
        legalType: i['legalType'],
        country: i['country'],
        region: i['region'],
        programmes: i['programmes'],
      },
    };
  }

  file(reportId: string, institutionId: string, at: string, year: number): RecordedEvent {
    return this.record(`performance-report-${reportId}`, 'PerformanceReportFiled', at, {
      ...this.reportVersion(reportId, institutionId, 1, year),
      filedBy: 'analyst-1',
      filedAt: at,
    });
  }

  restate(
    reportId: string,
    institutionId: string,
    at: string,
    year: number,
    version: number,
  ): RecordedEvent {
    return this.record(`performance-report-${reportId}`, 'PerformanceReportRestated', at, {
      ...this.reportVersion(reportId, institutionId, version, year),
      previousVersion: version - 1,
      reason: 'Audited figures',
      changedRatios: ['oss'],
      restatedBy: 'analyst-1',
      restatedAt: at,
    });
  }

  setTarget(targetId: string, at: string, indicator: string, dueDate: string): RecordedEvent {
    return this.record(`target-${targetId}`, 'TargetSet', at, {
      targetId,
      scope: { kind: 'portfolio' },
      indicator,
      comparator: 'at-least',
      threshold: 1,
      tolerance: 0.1,
      dueDate,
      setBy: 'analyst-1',
      setAt: at,
    });
  }

  targetStatus(
    targetId: string,
    at: string,
    previousStatus: string,
    status: string,
    value: number | null,
  ): RecordedEvent {
    return this.record(`target-${targetId}`, 'TargetStatusChanged', at, {
      targetId,
      scope: { kind: 'portfolio' },
      indicator: 'oss',
      comparator: 'at-least',
      threshold: 1,
      tolerance: 0.1,
      previousStatus,
      status,
      value,
      basis: { reportIds: [], versions: [] },
      evaluatedAt: at,
    });
  }

  withdraw(targetId: string, at: string): RecordedEvent {
    return this.record(`target-${targetId}`, 'TargetWithdrawn', at, {
      targetId,
      scope: { kind: 'portfolio' },
      reason: 'Replaced',
      withdrawnBy: 'analyst-1',
      withdrawnAt: at,
    });
  }
}

/**
 * The scripted knowledge base history (figures worked by hand in the tests):
 *  institutions I1 (africa, 2025-11-01), I2 (asia-pacific, 2026-01-10), I3 (africa, 2026-02-01)
 *  reports R1 of I1 filed 2026-01-20 (restated 2026-03-10 and 2026-05-01), R2 of I2 filed 2026-02-15,
 *          R3 of I1 filed 2026-03-01, R4 of I3 filed 2026-04-15
 *  targets T1 oss due 2026-03-31: on-track 2026-01-21, at-risk 2026-03-11;
 *          T2 par30 due 2026-02-28, never evaluated; T3 oss due 2026-03-15, withdrawn;
 *          T4 oss due 2026-06-30: off-track 2026-02-16
 */
export function scriptedKnowledgeBaseHistory(): KnowledgeBaseHistory {
  const h = new KnowledgeBaseHistory();
  h.register('I1', '2025-11-01T00:00:00.000Z', 'africa');
  h.activate('I1', '2025-11-02T00:00:00.000Z');
  h.register('I2', '2026-01-10T00:00:00.000Z', 'asia-pacific');
  h.register('I3', '2026-02-01T00:00:00.000Z', 'africa');
  h.setTarget('T1', '2026-01-05T00:00:00.000Z', 'oss', '2026-03-31');
  h.setTarget('T2', '2026-01-05T00:00:00.000Z', 'par30', '2026-02-28');
  h.setTarget('T3', '2026-01-05T00:00:00.000Z', 'oss', '2026-03-15');
  h.setTarget('T4', '2026-01-05T00:00:00.000Z', 'oss', '2026-06-30');
  h.file('R1', 'I1', '2026-01-20T00:00:00.000Z', 2025);
  h.targetStatus('T1', '2026-01-21T00:00:00.000Z', 'no-data', 'on-track', 1.1);
  h.file('R2', 'I2', '2026-02-15T00:00:00.000Z', 2025);
  h.targetStatus('T4', '2026-02-16T00:00:00.000Z', 'no-data', 'off-track', 0.7);
  h.file('R3', 'I1', '2026-03-01T00:00:00.000Z', 2025);
  h.restate('R1', 'I1', '2026-03-10T00:00:00.000Z', 2025, 2);
  h.targetStatus('T1', '2026-03-11T00:00:00.000Z', 'on-track', 'at-risk', 0.95);
  h.withdraw('T3', '2026-03-12T00:00:00.000Z');
  h.file('R4', 'I3', '2026-04-15T00:00:00.000Z', 2025);
  h.restate('R1', 'I1', '2026-05-01T00:00:00.000Z', 2025, 3);
  return h;
}
