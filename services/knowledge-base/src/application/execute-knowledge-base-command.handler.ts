import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ProjectionEngine } from '@sfp/projections';
import { gniPerCapita, gniReferenceDecider } from '../gni/domain/gni-reference.decider';
import {
  institutionDecider,
  type InstitutionState,
} from '../institution/domain/institution.decider';
import { InstitutionNotFoundError } from '../institution/domain/institution.errors';
import { streamIds } from '../knowledge-base.context';
import {
  KNOWLEDGE_BASE_PROJECTIONS,
  KNOWLEDGE_BASE_RUNTIME,
  type KnowledgeBaseRuntime,
} from '../knowledge-base.runtime';
import { impactAssessmentDecider } from '../library/domain/impact-assessment.decider';
import { practiceNoteDecider } from '../library/domain/practice-note.decider';
import type { FxRates, PerformanceInputs } from '../performance-report/domain/performance-inputs';
import { performanceReportDecider } from '../performance-report/domain/performance-report.decider';
import { PerformanceReportNotFoundError } from '../performance-report/domain/performance-report.errors';
import { performanceReportId } from '../performance-report/domain/performance-report.id';
import { periodYear } from '../performance-report/domain/report-period';
import type { ReportPeriod } from '../performance-report/domain/performance-inputs';
import { assertNever, OutOfDepartmentScopeError } from '../shared/domain/knowledge-base.errors';
import { targetDecider } from '../target/domain/target.decider';
import { loadStream, runCommand } from './command-runner';
import type { CommandResult } from './knowledge-base-command';
import { ExecuteKnowledgeBaseCommand } from './knowledge-base-request';

/** A command's own result: its events are appended (targets are re-evaluated after, by a reactor). */
export type KnowledgeBaseCommandResult = CommandResult;

/**
 * Runs every knowledge-base command: load the stream, decide, append with the
 * expected version. A report's command first reads its institution and the
 * GNI per capita table. Targets are re-evaluated after the answer, in
 * reaction to the events (target-reevaluation.reactor.ts).
 */
@CommandHandler(ExecuteKnowledgeBaseCommand)
export class ExecuteKnowledgeBaseCommandHandler
  implements ICommandHandler<ExecuteKnowledgeBaseCommand, KnowledgeBaseCommandResult>
{
  constructor(
    @Inject(KNOWLEDGE_BASE_RUNTIME) private readonly runtime: KnowledgeBaseRuntime,
    @Inject(KNOWLEDGE_BASE_PROJECTIONS) private readonly projections: ProjectionEngine,
  ) {}

  async execute({
    request,
    context,
  }: ExecuteKnowledgeBaseCommand): Promise<KnowledgeBaseCommandResult> {
    const at = this.runtime.clock().toISOString();
    const by = context.actor.id;
    const timed = { at, by };
    const run = <S, C extends { type: string }, E extends { type: string; data: unknown }>(
      id: string,
      streamId: string,
      decider: Parameters<typeof runCommand<S, C, E>>[2],
      command: () => Promise<C> | C,
    ) => runCommand(this.runtime, { id, streamId }, decider, command, context, at);

    await this.checkScope(request, context.scope);
    let result: KnowledgeBaseCommandResult;
    switch (request.kind) {
      case 'institution':
        result = await run(
          request.institutionId,
          streamIds.institution(request.institutionId),
          institutionDecider,
          () =>
            ({
              ...request.command,
              ...(request.command.type === 'RegisterInstitution'
                ? { institutionId: request.institutionId }
                : {}),
              ...timed,
            }) as never,
        );
        break;
      case 'file-report': {
        const reportId = performanceReportId(request.institutionId, request.period);
        result = await run(
          reportId,
          streamIds.performanceReport(reportId),
          performanceReportDecider,
          async () => ({
            type: 'FilePerformanceReport' as const,
            reportId,
            period: request.period,
            ...(await this.reportContext(request.institutionId, request.period, context)),
            ...figuresOf(request),
            ...timed,
          }),
        );
        break;
      }
      case 'restate-report': {
        const { state } = await loadStream(
          this.runtime,
          streamIds.performanceReport(request.reportId),
          performanceReportDecider,
        );
        if (state.status === 'none') throw new PerformanceReportNotFoundError(request.reportId);
        result = await run(
          request.reportId,
          streamIds.performanceReport(request.reportId),
          performanceReportDecider,
          async () => ({
            type: 'RestatePerformanceReport' as const,
            reason: request.reason,
            ...(await this.reportContext(state.institutionId, state.period, context)),
            ...figuresOf(request),
            ...timed,
          }),
        );
        break;
      }
      case 'set-target': {
        const targetId = request.command.targetId;
        if (request.command.scope.kind === 'institution')
          await this.institution(request.command.scope.institutionId);
        result = await run(targetId, streamIds.target(targetId), targetDecider, () => ({
          ...request.command,
          ...timed,
        }));
        break;
      }
      case 'withdraw-target':
        result = await run(
          request.targetId,
          streamIds.target(request.targetId),
          targetDecider,
          () => ({
            type: 'WithdrawTarget' as const,
            reason: request.reason,
            ...timed,
          }),
        );
        break;
      case 'record-gni':
        result = await run('gni-per-capita', streamIds.gniReference(), gniReferenceDecider, () => ({
          type: 'RecordGniPerCapita' as const,
          entries: request.entries,
          source: request.source,
          ...(request.onlyIfEmpty ? { onlyIfEmpty: true } : {}),
          ...timed,
        }));
        break;
      case 'record-assessment':
      case 'revise-assessment':
        result = await run(
          request.assessmentId,
          streamIds.impactAssessment(request.assessmentId),
          impactAssessmentDecider,
          () =>
            request.kind === 'record-assessment'
              ? {
                  type: 'RecordImpactAssessment' as const,
                  assessmentId: request.assessmentId,
                  assessment: request.assessment,
                  ...timed,
                }
              : {
                  type: 'ReviseImpactAssessment' as const,
                  assessment: request.assessment,
                  reason: request.reason,
                  ...timed,
                },
        );
        break;
      case 'publish-note':
      case 'revise-note':
        result = await run(
          request.noteId,
          streamIds.practiceNote(request.noteId),
          practiceNoteDecider,
          () =>
            request.kind === 'publish-note'
              ? {
                  type: 'PublishPracticeNote' as const,
                  noteId: request.noteId,
                  note: request.note,
                  ...timed,
                }
              : {
                  type: 'RevisePracticeNote' as const,
                  note: request.note,
                  reason: request.reason,
                  ...timed,
                },
        );
        break;
      default:
        return assertNever(request);
    }
    if (result.changed) this.projections.wake();
    return result;
  }

  /**
   * An integration client (scope set) acts only on its department's
   * institutions and their targets; reference data is not its to change.
   * Reports check the scope in their decider.
   */
  private async checkScope(
    request: ExecuteKnowledgeBaseCommand['request'],
    scope: string | undefined,
  ): Promise<void> {
    if (scope === undefined) return;
    const confined = async (institutionId: string) => {
      const institution = await this.institution(institutionId);
      if (institution.reportingDepartment !== scope)
        throw new OutOfDepartmentScopeError(scope, institution.reportingDepartment);
    };
    switch (request.kind) {
      case 'institution':
        if (request.command.type === 'RegisterInstitution') {
          if (request.command.reportingDepartment !== scope)
            throw new OutOfDepartmentScopeError(scope, request.command.reportingDepartment);
        } else {
          await confined(request.institutionId);
        }
        return;
      case 'set-target':
        if (request.command.scope.kind !== 'institution')
          throw new OutOfDepartmentScopeError(scope, undefined);
        return confined(request.command.scope.institutionId);
      case 'withdraw-target': {
        const { state } = await loadStream(
          this.runtime,
          streamIds.target(request.targetId),
          targetDecider,
        );
        if (state.status === 'none') return; // the decider answers 404
        if (state.target.scope.kind !== 'institution')
          throw new OutOfDepartmentScopeError(scope, undefined);
        return confined(state.target.scope.institutionId);
      }
      case 'record-gni':
        throw new OutOfDepartmentScopeError(scope, undefined);
      default:
        return;
    }
  }

  /** The institution as its stream says now; a missing one is a 404. */
  private async institution(institutionId: string) {
    const { state } = await loadStream<InstitutionState, never>(
      this.runtime,
      streamIds.institution(institutionId),
      institutionDecider as never,
    );
    if (state.status === 'none') throw new InstitutionNotFoundError(institutionId);
    return state;
  }

  /** What a report's decision needs from other records: the institution, GNI per capita, the filer's scope. */
  private async reportContext(
    institutionId: string,
    period: ReportPeriod,
    context: ExecuteKnowledgeBaseCommand['context'],
  ) {
    const institution = await this.institution(institutionId);
    const { state: table } = await loadStream(
      this.runtime,
      streamIds.gniReference(),
      gniReferenceDecider,
    );
    const gni = /^\d{4}-/.test(period.end)
      ? gniPerCapita(table, institution.country, periodYear(period))
      : undefined;
    return {
      institution,
      ...(context.scope !== undefined ? { scope: context.scope } : {}),
      ...(context.actor.department ? { filingDepartment: context.actor.department } : {}),
      ...(gni !== undefined ? { gniPerCapitaUsd: gni } : {}),
    };
  }
}

function figuresOf(request: { currency: string; fx: FxRates; inputs: PerformanceInputs }) {
  return { currency: request.currency, fx: request.fx, inputs: request.inputs };
}
