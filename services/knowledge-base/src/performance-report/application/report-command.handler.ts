import type {
  CommandContext,
  KnowledgeBaseCommand,
} from '../../application/knowledge-base-command';
import { KnowledgeBaseCommandHandler } from '../../application/knowledge-base-command.handler';
import { gniPerCapita, gniReferenceDecider } from '../../gni/domain/gni-reference.decider';
import { streamIds } from '../../knowledge-base.context';
import type { FxRates, PerformanceInputs, ReportPeriod } from '../domain/performance-inputs';
import { periodYear } from '../domain/report-period';

/** A report's figures, as filed or restated. */
export interface ReportFigures {
  currency: string;
  fx: FxRates;
  inputs: PerformanceInputs;
}

/**
 * What filing and restating share: a report's decision takes, besides its
 * figures, other records (the institution, the GNI per capita table) and who
 * files it (the decider confines an integration client to its department).
 */
export abstract class ReportCommandHandler<
  TCommand extends KnowledgeBaseCommand<ReportFigures>,
> extends KnowledgeBaseCommandHandler<TCommand> {
  /** The command's inputs besides its own fields: for the report of this institution and period. */
  protected async decisionInputs(
    report: { institutionId: string; period: ReportPeriod },
    { currency, fx, inputs }: ReportFigures,
    context: CommandContext,
    /** What another department's institution answers: the same as an unknown record. */
    hidden: () => Error,
  ) {
    const institution = await this.institution(report.institutionId);
    if (context.scope !== undefined && institution.reportingDepartment !== context.scope) {
      throw hidden();
    }
    const { state: table } = await this.commands.load(
      streamIds.gniReference(),
      gniReferenceDecider,
    );
    const gni = /^\d{4}-/.test(report.period.end)
      ? gniPerCapita(table, institution.country, periodYear(report.period))
      : undefined;
    return {
      institution,
      ...(context.scope !== undefined ? { scope: context.scope } : {}),
      ...(context.actor.department ? { filingDepartment: context.actor.department } : {}),
      ...(gni !== undefined ? { gniPerCapitaUsd: gni } : {}),
      currency,
      fx,
      inputs: withoutNullAdjustments(inputs),
    };
  }
}

/**
 * The inputs without `adjustments` when they were sent as null (an optional
 * field of the API may be null, which means "not given"): a report without
 * adjustments never records a null in their place.
 */
export function withoutNullAdjustments(inputs: PerformanceInputs): PerformanceInputs {
  const { adjustments, ...rest } = inputs;
  return adjustments ? { ...rest, adjustments } : rest;
}
