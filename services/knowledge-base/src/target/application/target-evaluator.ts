import type { ProjectionEngine } from '@sfp/projections';
import { streamIds } from '../../knowledge-base.context';
import type { KnowledgeBaseRuntime } from '../../knowledge-base.runtime';
import { runCommand } from '../../application/command-runner';
import type { CommandContext, CommandResult } from '../../application/knowledge-base-command';
import {
  PROGRAMME_MEMBERS_PROJECTION,
  type ProgrammeMember,
} from '../../institution/projections/programme-members.projection';
import { aggregateFigures } from '../../performance-report/domain/normalised-figures';
import { standardRatios } from '../../performance-report/domain/standard-ratios';
import {
  PERFORMANCE_REPORTS_PROJECTION,
  type ReportRow,
} from '../../performance-report/projections/performance-reports.projection';
import { targetDecider } from '../domain/target.decider';
import type { EvaluationBasis } from '../domain/target.events';
import { scopeKeyOf, TARGETS_PROJECTION, type TargetRow } from '../projections/targets.projection';

const CATCH_UP_MS = 10_000;
const PAGE = 1_000;

/**
 * Re-evaluates targets when a report is filed or restated (or a target set):
 * finds the targets the report touches (its institution, its programmes, the
 * portfolio, due on or after the report's period), computes each one's value
 * from the latest reports, and records a change of status through the target's
 * decider. Reads the read models once they have applied the triggering event.
 */
export class TargetEvaluator {
  constructor(
    private readonly runtime: KnowledgeBaseRuntime,
    private readonly projections: ProjectionEngine,
  ) {}

  async afterReport(
    report: { institutionId: string; programmes: string[]; periodEnd: string; position: number },
    context: CommandContext,
  ): Promise<CommandResult[]> {
    await this.catchUp(report.position);
    const keys = [
      scopeKeyOf({ kind: 'institution', institutionId: report.institutionId }),
      ...report.programmes.map((programme) => scopeKeyOf({ kind: 'programme', programme })),
      'portfolio',
    ];
    const targets = await this.all<TargetRow>(TARGETS_PROJECTION, {
      active: true,
      scopeKey: { in: keys },
      dueDate: { gte: report.periodEnd },
    });
    const results: CommandResult[] = [];
    for (const target of targets) results.push(await this.evaluate(target, context));
    return results;
  }

  /**
   * Judges every active target again on the current reports (only changes are
   * recorded). Run at start, it closes the window a crash leaves between a
   * report's append and the evaluation of the targets it touches.
   */
  async evaluateAll(context: CommandContext): Promise<number> {
    await this.catchUp(await this.runtime.eventStore.headPosition());
    let changed = 0;
    for (const target of await this.all<TargetRow>(TARGETS_PROJECTION, { active: true })) {
      if ((await this.evaluate(target, context)).changed) changed++;
    }
    return changed;
  }

  async afterTargetSet(
    targetId: string,
    position: number,
    context: CommandContext,
  ): Promise<CommandResult | undefined> {
    await this.catchUp(position);
    const target = await this.projections.readModel<TargetRow>(TARGETS_PROJECTION).get(targetId);
    return target ? this.evaluate(target, context) : undefined;
  }

  private async evaluate(target: TargetRow, context: CommandContext): Promise<CommandResult> {
    const reports = await this.basisReports(target);
    const basis: EvaluationBasis = {
      reportIds: reports.map((r) => r.reportId),
      versions: reports.map((r) => r.version),
      ...(reports[0] ? { year: reports[0].year } : {}),
    };
    let value: number | null = null;
    let reason: string | undefined;
    // One institution: its report's ratio; a group: the ratio of the summed figures.
    const figures = aggregateFigures(reports.map((r) => r.figures));
    const ratio =
      target.scope.kind === 'institution'
        ? reports[0]?.ratios[target.indicator]
        : figures && standardRatios(figures)[target.indicator];
    if (!ratio) {
      reason = `no report with a period ending on or before ${target.dueDate}`;
    } else {
      value = ratio.value;
      if (ratio.value === null) reason = ratio.reason;
    }
    const at = this.runtime.clock().toISOString();
    return runCommand(
      this.runtime,
      { id: target.targetId, streamId: streamIds.target(target.targetId) },
      targetDecider,
      () => ({ type: 'EvaluateTarget' as const, value, ...(reason ? { reason } : {}), basis, at }),
      {
        correlationId: context.correlationId,
        ...(context.causationId ? { causationId: context.causationId } : {}),
        actor: context.actor,
      },
      at,
    );
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

  private async catchUp(position: number): Promise<void> {
    for (const name of [
      PERFORMANCE_REPORTS_PROJECTION,
      TARGETS_PROJECTION,
      PROGRAMME_MEMBERS_PROJECTION,
    ]) {
      await this.projections.waitForPosition(name, position, CATCH_UP_MS);
    }
  }

  private async all<T extends object>(name: string, filter: Record<string, unknown>): Promise<T[]> {
    const model = this.projections.readModel<T>(name);
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await model.find({
        filter: filter as never,
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      items.push(...page.items.map((i) => i.data));
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}
