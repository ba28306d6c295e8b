import {
  payloadShapeProblems,
  type FieldCheck,
  type PayloadShapes,
} from '../../consumption/payload-shape';
import type { ShapeProblem } from '../../registry/reporting-plugin';

/**
 * The knowledge base's public events as reporting reads them: type names and
 * the payload fields reporting uses (institutions, performance reports,
 * targets). Reporting does not import the knowledge base's code; a payload
 * that lacks these fields is refused at consumption (dead letter).
 */
export const KNOWLEDGE_BASE_SOURCE = 'knowledge-base';

export const KNOWLEDGE_BASE_EVENT_TYPES = {
  institutionRegistered: 'knowledge-base.InstitutionRegistered',
  institutionActivated: 'knowledge-base.InstitutionActivated',
  institutionSuspended: 'knowledge-base.InstitutionSuspended',
  institutionReinstated: 'knowledge-base.InstitutionReinstated',
  institutionClosed: 'knowledge-base.InstitutionClosed',
  reportFiled: 'knowledge-base.PerformanceReportFiled',
  reportRestated: 'knowledge-base.PerformanceReportRestated',
  targetSet: 'knowledge-base.TargetSet',
  targetStatusChanged: 'knowledge-base.TargetStatusChanged',
  targetWithdrawn: 'knowledge-base.TargetWithdrawn',
  impactAssessmentRecorded: 'knowledge-base.ImpactAssessmentRecorded',
  impactAssessmentRevised: 'knowledge-base.ImpactAssessmentRevised',
} as const;

const T = KNOWLEDGE_BASE_EVENT_TYPES;
const INSTITUTION_CHANGE: Record<string, FieldCheck> = { institutionId: 'string', at: 'time' };
const REPORT_VERSION: Record<string, FieldCheck> = {
  reportId: 'string',
  institutionId: 'string',
  version: 'number',
  period: 'object',
  year: 'number',
  institution: 'object',
};

const SHAPES: PayloadShapes = {
  [T.institutionRegistered]: {
    institutionId: 'string',
    name: 'string',
    kind: 'string',
    legalType: 'string',
    country: 'string',
    region: 'string',
    programmes: 'string[]',
    registeredAt: 'time',
  },
  [T.institutionActivated]: INSTITUTION_CHANGE,
  [T.institutionSuspended]: INSTITUTION_CHANGE,
  [T.institutionReinstated]: INSTITUTION_CHANGE,
  [T.institutionClosed]: INSTITUTION_CHANGE,
  [T.reportFiled]: { ...REPORT_VERSION, filedAt: 'time' },
  [T.reportRestated]: { ...REPORT_VERSION, restatedAt: 'time' },
  [T.targetSet]: {
    targetId: 'string',
    scope: 'object',
    indicator: 'string',
    comparator: 'string',
    threshold: 'number',
    dueDate: 'string',
    setAt: 'time',
  },
  [T.targetStatusChanged]: {
    targetId: 'string',
    status: 'string',
    previousStatus: 'string',
    value: 'number|null',
    evaluatedAt: 'time',
  },
  [T.targetWithdrawn]: { targetId: 'string', withdrawnAt: 'time' },
  [T.impactAssessmentRecorded]: {
    assessmentId: 'string',
    assessment: 'object',
    recordedAt: 'time',
  },
  [T.impactAssessmentRevised]: {
    assessmentId: 'string',
    assessment: 'object',
    revisedAt: 'time',
  },
};

/** What is wrong with a knowledge base event's data for reporting ([] when usable; unknown types are not checked). */
export function knowledgeBaseShapeProblems(type: string, data: unknown): ShapeProblem[] {
  const problems = payloadShapeProblems(SHAPES, type, data);
  if (type === T.reportFiled || type === T.reportRestated) {
    // Data that is not an object has its problem already, and no institution.
    const institution = (data as { institution?: Record<string, unknown> } | null | undefined)
      ?.institution;
    if (
      institution &&
      typeof institution === 'object' &&
      typeof institution['region'] !== 'string'
    ) {
      problems.push({ field: 'data.institution.region', messages: ['must be a string'] });
    }
  }
  return problems;
}
