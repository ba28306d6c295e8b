import type { Decider } from '@sfp/event-sourcing/domain';
import { isIsoDate } from '../../performance-report/domain/report-period';
import { KnowledgeBaseRuleError } from '../../shared/domain/knowledge-base.errors';
import { isCountryCode } from '../../shared/domain/reference-data';
import type { ImpactAssessment, LibrarySource } from './library.entries';
import { keepingSource, sourcedChange } from './library-source';
import { LibraryEntryAlreadyRecordedError, LibraryEntryNotFoundError } from './library.errors';
import {
  ImpactAssessmentRecorded,
  ImpactAssessmentRevised,
  type ImpactAssessmentEvent,
} from './library.events';

export type ImpactAssessmentCommand =
  | {
      type: 'RecordImpactAssessment';
      assessmentId: string;
      assessment: ImpactAssessment;
      at: string;
      by: string;
    }
  | {
      type: 'ReviseImpactAssessment';
      assessment: ImpactAssessment;
      reason: string;
      at: string;
      by: string;
    }
  | {
      /** An assessment another context's publication makes (it carries its source): recorded, revised or left alone. */
      type: 'RecordSourcedImpactAssessment';
      assessmentId: string;
      assessment: ImpactAssessment & { source: LibrarySource };
      /** Why this version replaces the previous one (a correction's reason). */
      reason: string;
      at: string;
      by: string;
    };

export type ImpactAssessmentState =
  | { status: 'none' }
  | { status: 'recorded'; assessmentId: string; revision: number; source?: LibrarySource };

export const impactAssessmentDecider: Decider<
  ImpactAssessmentState,
  ImpactAssessmentCommand,
  ImpactAssessmentEvent
> = {
  initialState: () => ({ status: 'none' }),
  decide: (command, state) => {
    checkAssessment(command.assessment);
    if (command.type === 'RecordSourcedImpactAssessment') {
      const change = sourcedChange(state, command.assessment.source);
      if (change === 'none') return [];
      if (change === 'record' || state.status === 'none')
        return [
          ImpactAssessmentRecorded.of({
            assessmentId: command.assessmentId,
            assessment: command.assessment,
            recordedBy: command.by,
            recordedAt: command.at,
          }),
        ];
      return [
        ImpactAssessmentRevised.of({
          assessmentId: state.assessmentId,
          revision: state.revision + 1,
          assessment: command.assessment,
          reason: command.reason,
          revisedBy: command.by,
          revisedAt: command.at,
        }),
      ];
    }
    if (command.type === 'RecordImpactAssessment') {
      if (state.status !== 'none') throw new LibraryEntryAlreadyRecordedError('impact assessment');
      return [
        ImpactAssessmentRecorded.of({
          assessmentId: command.assessmentId,
          assessment: command.assessment,
          recordedBy: command.by,
          recordedAt: command.at,
        }),
      ];
    }
    if (state.status === 'none') throw new LibraryEntryNotFoundError('impact assessment');
    return [
      ImpactAssessmentRevised.of({
        assessmentId: state.assessmentId,
        revision: state.revision + 1,
        assessment: keepingSource(command.assessment, state.source),
        reason: command.reason,
        revisedBy: command.by,
        revisedAt: command.at,
      }),
    ];
  },
  evolve: (state, event) =>
    event.type === 'knowledge-base.ImpactAssessmentRecorded'
      ? {
          status: 'recorded',
          assessmentId: event.data.assessmentId,
          revision: 1,
          ...sourceOf(event.data.assessment.source),
        }
      : state.status === 'none'
        ? state
        : {
            status: 'recorded',
            assessmentId: state.assessmentId,
            revision: event.data.revision,
            ...sourceOf(event.data.assessment.source ?? state.source),
          },
};

const sourceOf = (source: LibrarySource | undefined) => (source ? { source } : {});

/** Rules of a well-formed assessment that field validation cannot see. */
export function checkAssessment(a: ImpactAssessment): void {
  if (!isCountryCode(a.country))
    throw new KnowledgeBaseRuleError(
      `${a.country} is not an ISO 3166-1 alpha-2 country code`,
      'country',
    );
  if (a.design.method === 'rct' && !a.design.unitOfRandomisation) {
    throw new KnowledgeBaseRuleError(
      'A randomised controlled trial names its unit of randomisation',
      'design.unitOfRandomisation',
    );
  }
  if (a.intervention) {
    if (!isIsoDate(a.intervention.start))
      throw new KnowledgeBaseRuleError('must be a calendar date YYYY-MM-DD', 'intervention.start');
    if (
      a.intervention.end !== undefined &&
      (!isIsoDate(a.intervention.end) || a.intervention.end < a.intervention.start)
    ) {
      throw new KnowledgeBaseRuleError(
        'must be a calendar date on or after intervention.start',
        'intervention.end',
      );
    }
  }
  a.surveyRounds.forEach((r, i) => {
    if (!isIsoDate(r.date))
      throw new KnowledgeBaseRuleError(
        'must be a calendar date YYYY-MM-DD',
        `surveyRounds.${i}.date`,
      );
  });
  const { planned, achieved } = a.sample;
  if (planned !== undefined && achieved !== undefined && achieved > planned * 10) {
    throw new KnowledgeBaseRuleError(
      'the achieved sample is more than ten times the planned one: check the figures',
      'sample.achieved',
    );
  }
  a.outcomes.forEach((o, i) => {
    const ci = o.confidenceInterval;
    if (ci && ci.lower > ci.upper)
      throw new KnowledgeBaseRuleError(
        'the lower bound exceeds the upper bound',
        `outcomes.${i}.confidenceInterval`,
      );
    if (ci && (o.effectSize < ci.lower || o.effectSize > ci.upper)) {
      throw new KnowledgeBaseRuleError(
        'the effect size lies outside its confidence interval',
        `outcomes.${i}.effectSize`,
      );
    }
  });
}
