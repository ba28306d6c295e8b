import type { RecordedEvent } from '@sfp/event-sourcing';
import { defineProjection, type ViewWriter } from '@sfp/projections';
import type { PerformanceReportEvent } from '../../performance-report/domain/performance-report.events';
import type { ReportPeriod } from '../../performance-report/domain/performance-inputs';
import type { Ratios } from '../../performance-report/domain/standard-ratios';
import {
  targetMeasureOf,
  type TargetEvent,
  type TargetMeasure,
} from '../../target/domain/target.events';
import type { TargetStatus } from '../../target/domain/target-status';
import type { InstitutionStatus } from '../domain/institution.decider';
import { institutionDetailsOf, type InstitutionDetails } from '../domain/institution-details';
import type { InstitutionEvent } from '../domain/institution.events';

export const INSTITUTION_PROFILES_PROJECTION = 'kb-institution-profiles';

export interface SeriesPoint {
  reportId: string;
  period: ReportPeriod;
  year: number;
  version: number;
  currency: string;
  ratios: Ratios;
  restated: boolean;
}

export interface ProfileTarget extends TargetMeasure {
  targetId: string;
  dueDate: string;
  status: TargetStatus;
  value?: number | null;
  active: boolean;
  statusChangedAt?: string;
}

/** An institution as analysts read it: identity, status, ratio time series, target status. */
export interface InstitutionProfile extends InstitutionDetails {
  institutionId: string;
  status: InstitutionStatus;
  registeredAt: string;
  lastActivityAt: string;
  /** Reports by period end, oldest first, each at its current version. */
  series: SeriesPoint[];
  latestPeriodEnd?: string;
  reports: number;
  targets: ProfileTarget[];
  /** Targets currently off track (for lists). */
  targetsOffTrack: number;
}

type Writer = ViewWriter<InstitutionProfile>;

async function onInstitution(recorded: RecordedEvent, view: Writer): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as InstitutionEvent;
  if (event.type === 'knowledge-base.InstitutionRegistered') {
    const d = event.data;
    await view.upsert(d.institutionId, {
      institutionId: d.institutionId,
      ...institutionDetailsOf(d),
      status: 'registered',
      registeredAt: d.registeredAt,
      lastActivityAt: d.registeredAt,
      series: [],
      reports: 0,
      targets: [],
      targetsOffTrack: 0,
    });
    return;
  }
  const d = event.data;
  await view.update(d.institutionId, (current) => {
    if (!current) return undefined;
    switch (event.type) {
      case 'knowledge-base.InstitutionActivated':
      case 'knowledge-base.InstitutionReinstated':
        return { ...current, status: 'active', lastActivityAt: event.data.at };
      case 'knowledge-base.InstitutionSuspended':
        return { ...current, status: 'suspended', lastActivityAt: event.data.at };
      case 'knowledge-base.InstitutionClosed':
        return { ...current, status: 'closed', lastActivityAt: event.data.at };
      case 'knowledge-base.InstitutionLinkedToProgramme':
        return {
          ...current,
          programmes: [...current.programmes, event.data.programme],
          lastActivityAt: event.data.at,
        };
      default:
        return current;
    }
  });
}

async function onReport(recorded: RecordedEvent, view: Writer): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as PerformanceReportEvent;
  const d = event.data;
  const at =
    event.type === 'knowledge-base.PerformanceReportFiled'
      ? event.data.filedAt
      : event.data.restatedAt;
  await view.update(d.institutionId, (current) => {
    if (!current) return undefined;
    const point: SeriesPoint = {
      reportId: d.reportId,
      period: d.period,
      year: d.year,
      version: d.version,
      currency: d.currency,
      ratios: d.ratios,
      restated: d.version > 1,
    };
    const series = [...current.series.filter((p) => p.reportId !== d.reportId), point].sort(
      (a, b) =>
        a.period.end.localeCompare(b.period.end) || a.period.start.localeCompare(b.period.start),
    );
    return {
      ...current,
      series,
      reports: series.length,
      latestPeriodEnd: series.at(-1)?.period.end ?? d.period.end,
      lastActivityAt: at,
    };
  });
}

async function onTarget(recorded: RecordedEvent, view: Writer): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as TargetEvent;
  const scope = event.data.scope;
  if (scope.kind !== 'institution') return;
  await view.update(scope.institutionId, (current) => {
    if (!current) return undefined;
    let targets = current.targets;
    switch (event.type) {
      case 'knowledge-base.TargetSet': {
        const d = event.data;
        targets = [
          ...targets.filter((t) => t.targetId !== d.targetId),
          {
            targetId: d.targetId,
            ...targetMeasureOf(d),
            dueDate: d.dueDate,
            status: 'no-data',
            active: true,
          },
        ];
        break;
      }
      case 'knowledge-base.TargetStatusChanged': {
        const d = event.data;
        targets = targets.map((t) =>
          t.targetId === d.targetId
            ? { ...t, status: d.status, value: d.value, statusChangedAt: d.evaluatedAt }
            : t,
        );
        break;
      }
      case 'knowledge-base.TargetWithdrawn':
        targets = targets.map((t) =>
          t.targetId === event.data.targetId ? { ...t, active: false } : t,
        );
        break;
    }
    return {
      ...current,
      targets,
      targetsOffTrack: targets.filter((t) => t.active && t.status === 'off-track').length,
    };
  });
}

/**
 * One document per institution: identity and status, the time series of its
 * ratios (one point per report, at its current version), and the status of
 * its own targets.
 */
export const institutionProfilesProjection = defineProjection<InstitutionProfile>({
  name: INSTITUTION_PROFILES_PROJECTION,
  version: 1,
  fields: {
    name: 'string',
    status: 'string',
    kind: 'string',
    legalType: 'string',
    country: 'string',
    region: 'string',
    reportingDepartment: 'string',
    registeredAt: 'string',
    latestPeriodEnd: 'string',
    targetsOffTrack: 'number',
  },
  handlers: {
    'knowledge-base.InstitutionRegistered': onInstitution,
    'knowledge-base.InstitutionActivated': onInstitution,
    'knowledge-base.InstitutionSuspended': onInstitution,
    'knowledge-base.InstitutionReinstated': onInstitution,
    'knowledge-base.InstitutionClosed': onInstitution,
    'knowledge-base.InstitutionLinkedToProgramme': onInstitution,
    'knowledge-base.PerformanceReportFiled': onReport,
    'knowledge-base.PerformanceReportRestated': onReport,
    'knowledge-base.TargetSet': onTarget,
    'knowledge-base.TargetStatusChanged': onTarget,
    'knowledge-base.TargetWithdrawn': onTarget,
  },
});
