import type { ProjectionEngine, ReadModelFilter } from '@sfp/projections';
import {
  PROGRAMME_MEMBERS_PROJECTION,
  type ProgrammeMember,
} from '../../../institution/projections/programme-members.projection';
import { aggregateFigures } from '../../../performance-report/domain/normalised-figures';
import { standardRatios } from '../../../performance-report/domain/standard-ratios';
import {
  PERFORMANCE_REPORTS_PROJECTION,
  type ReportRow,
} from '../../../performance-report/projections/performance-reports.projection';
import type { EvaluateTarget } from '../../domain/target.commands';
import {
  scopeKeyOf,
  TARGETS_PROJECTION,
  type TargetRow,
} from '../../projections/targets.projection';

const PAGE = 1_000;

/** The read models a judgement reads: each must have applied the triggering event first. */
export const EVALUATION_READ_MODELS = [
  PERFORMANCE_REPORTS_PROJECTION,
  TARGETS_PROJECTION,
  PROGRAMME_MEMBERS_PROJECTION,
] as const;

/**
 * What judging a target reads: the targets a report touches (its institution,
 * its programmes, the portfolio, due on or after the report's period end) and
 * the value of a target's indicator on the latest reports. Reads only read
 * models; the caller waits until they have applied the triggering event.
 */
export class TargetEvaluation {
  constructor(private readonly projections: ProjectionEngine) {}

  /** Resolves once every read model the judgement reads has applied `position`. */
  async catchUp(position: number, timeoutMs: number): Promise<void> {
    for (const name of EVALUATION_READ_MODELS)
      await this.projections.waitForPosition(name, position, timeoutMs);
  }

  async target(targetId: string): Promise<TargetRow | undefined> {
    return this.projections.readModel<TargetRow>(TARGETS_PROJECTION).get(targetId);
  }

  /** The active targets a report of this institution, ending on `periodEnd`, can move. */
  async touchedBy(report: { institutionId: string; periodEnd: string }): Promise<TargetRow[]> {
    const memberships = await this.all<ProgrammeMember>(PROGRAMME_MEMBERS_PROJECTION, {
      institutionId: report.institutionId,
    });
    const keys = [
      scopeKeyOf({ kind: 'institution', institutionId: report.institutionId }),
      ...memberships.map(({ programme }) => scopeKeyOf({ kind: 'programme', programme })),
      'portfolio',
    ];
    return this.all<TargetRow>(TARGETS_PROJECTION, {
      active: true,
      scopeKey: { in: keys },
      dueDate: { gte: report.periodEnd },
    });
  }

  /**
   * The target's indicator on the latest reports: for one institution, its
   * report's ratio; for a group, the ratio of the members' summed figures.
   */
  async judge(target: TargetRow): Promise<Omit<EvaluateTarget, 'type' | 'at'>> {
    const reports = await this.basisReports(target);
    const basis = {
      reportIds: reports.map((r) => r.reportId),
      versions: reports.map((r) => r.version),
      ...(reports[0] ? { year: reports[0].year } : {}),
    };
    const figures = aggregateFigures(reports.map((r) => r.figures));
    const ratio =
      target.scope.kind === 'institution'
        ? reports[0]?.ratios[target.indicator]
        : figures && standardRatios(figures)[target.indicator];
    if (!ratio)
      return {
        value: null,
        reason: `no report with a period ending on or before ${target.dueDate}`,
        basis,
      };
    return { value: ratio.value, ...(ratio.value === null ? { reason: ratio.reason } : {}), basis };
  }

  /**
   * The reports a target is judged on: for an institution, its latest report
   * ending on or before the due date; for a programme or the portfolio, each
   * member's latest such report, in the most recent year any of them reached.
   */
  private async basisReports(target: TargetRow): Promise<ReportRow[]> {
    const dueFilter = { periodEnd: { lte: target.dueDate } };
    const scope = target.scope;
    if (scope.kind === 'institution') {
      const page = await this.projections
        .readModel<ReportRow>(PERFORMANCE_REPORTS_PROJECTION)
        .find({
          filter: { institutionId: scope.institutionId, ...dueFilter },
          sort: { field: 'periodEnd', direction: 'desc' },
          limit: 1,
        });
      return page.items.map((i) => i.data);
    }
    let reports: ReportRow[];
    if (scope.kind === 'programme') {
      const members = await this.all<ProgrammeMember>(PROGRAMME_MEMBERS_PROJECTION, {
        programme: scope.programme,
      });
      const ids = members.map((m) => m.institutionId);
      reports = ids.length
        ? await this.all<ReportRow>(PERFORMANCE_REPORTS_PROJECTION, {
            institutionId: { in: ids },
            ...dueFilter,
          })
        : [];
    } else {
      reports = await this.all<ReportRow>(PERFORMANCE_REPORTS_PROJECTION, dueFilter);
    }
    const latest = new Map<string, ReportRow>();
    for (const r of reports) {
      const current = latest.get(r.institutionId);
      if (!current || r.periodEnd > current.periodEnd) latest.set(r.institutionId, r);
    }
    const year = Math.max(...[...latest.values()].map((r) => r.year));
    return [...latest.values()]
      .filter((r) => r.year === year)
      .sort((a, b) => a.reportId.localeCompare(b.reportId));
  }

  private async all<T extends object>(name: string, filter: ReadModelFilter): Promise<T[]> {
    const model = this.projections.readModel<T>(name);
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await model.find({ filter, limit: PAGE, ...(cursor ? { cursor } : {}) });
      items.push(...page.items.map((i) => i.data));
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}
