import { documentsBefore, type ReportingPlugin } from '../registry/reporting-plugin';
import { defineReportingView } from '../registry/reporting-view';
import {
  evolveImpactAssessmentFacts,
  evolveInstitutionFacts,
  evolvePerformanceReportFacts,
  evolveTargetFacts,
  type ImpactAssessmentFacts,
  type InstitutionFacts,
  type PerformanceReportFacts,
  type TargetFacts,
} from './domain/knowledge-base.facts';
import {
  KNOWLEDGE_BASE_EVENT_TYPES as T,
  KNOWLEDGE_BASE_SOURCE,
  knowledgeBaseShapeProblems,
} from './domain/knowledge-base.public-events';
import { knowledgeManagementReportSection } from './domain/knowledge-management.report-section';

export const INSTITUTIONS_VIEW = 'institutions';
export const PERFORMANCE_REPORTS_VIEW = 'performance-reports';
export const TARGETS_VIEW = 'targets';
export const IMPACT_ASSESSMENTS_VIEW = 'impact-assessments';

export const institutionsView = defineReportingView<InstitutionFacts>({
  name: INSTITUTIONS_VIEW,
  context: KNOWLEDGE_BASE_SOURCE,
  title: 'Finance institutions (knowledge base)',
  description:
    'One row per institution registered in the knowledge base: kind, legal type, country, region, programmes, status.',
  version: 1,
  idField: 'institutionId',
  eventTypes: [
    T.institutionRegistered,
    T.institutionActivated,
    T.institutionSuspended,
    T.institutionReinstated,
    T.institutionClosed,
  ],
  evolve: evolveInstitutionFacts,
  fields: {
    institutionId: { type: 'string', description: 'The institution id' },
    name: { type: 'string', description: 'Name' },
    kind: { type: 'string', description: 'Kind of institution' },
    legalType: { type: 'string', description: 'Legal type' },
    country: { type: 'string', description: 'ISO 3166-1 alpha-2 country' },
    region: { type: 'string', description: 'Region' },
    programmes: { type: 'string-list', description: 'Programmes it takes part in' },
    status: { type: 'string', description: 'registered, active, suspended, closed' },
    registeredAt: { type: 'timestamp', description: 'When it was registered' },
  },
});

export const performanceReportsView = defineReportingView<PerformanceReportFacts>({
  name: PERFORMANCE_REPORTS_VIEW,
  context: KNOWLEDGE_BASE_SOURCE,
  title: 'Performance reports (knowledge base)',
  description:
    'One row per performance report of an institution: its period, when it was filed, restatements (with the figures and ratios of its current version).',
  version: 2,
  idField: 'reportId',
  eventTypes: [T.reportFiled, T.reportRestated],
  evolve: evolvePerformanceReportFacts,
  fields: {
    reportId: { type: 'string', description: 'The report id' },
    institutionId: { type: 'string', description: 'The institution' },
    institutionName: { type: 'string', description: 'Its name when the report was filed' },
    institutionKind: { type: 'string', description: 'Its kind' },
    region: { type: 'string', description: 'Its region' },
    country: { type: 'string', description: 'Its country' },
    periodStart: { type: 'string', description: 'First day of the reporting period (YYYY-MM-DD)' },
    periodEnd: { type: 'string', description: 'Last day of the reporting period (YYYY-MM-DD)' },
    year: { type: 'number', description: 'Year of the period end' },
    version: { type: 'number', description: 'Current version (1 + restatements)' },
    filedAt: { type: 'timestamp', description: 'When it was first filed' },
    restatementCount: { type: 'number', description: 'Restatements' },
    restatedAt: { type: 'string-list', description: 'When each restatement was recorded' },
  },
});

export const targetsView = defineReportingView<TargetFacts>({
  name: TARGETS_VIEW,
  context: KNOWLEDGE_BASE_SOURCE,
  title: 'Indicator targets (knowledge base)',
  description:
    'One row per target on a performance indicator: scope, threshold, due date, latest status and value.',
  version: 2,
  idField: 'targetId',
  eventTypes: [T.targetSet, T.targetStatusChanged, T.targetWithdrawn],
  evolve: evolveTargetFacts,
  fields: {
    targetId: { type: 'string', description: 'The target id' },
    scopeKind: { type: 'string', description: 'institution, programme or portfolio' },
    institutionId: { type: 'string', description: "The institution of an institution's target" },
    programme: { type: 'string', description: "The programme of a programme's target" },
    indicator: { type: 'string', description: 'The indicator (a standard ratio)' },
    comparator: { type: 'string', description: 'at-least or at-most' },
    threshold: { type: 'number', description: 'The threshold' },
    dueAt: { type: 'timestamp', description: 'Due date (midnight UTC)' },
    status: { type: 'string', description: 'no-data, on-track, at-risk, off-track, withdrawn' },
    value: { type: 'number', description: 'Latest observed value' },
    setAt: { type: 'timestamp', description: 'When it was set' },
    lastEvaluatedAt: { type: 'timestamp', description: 'When its status last changed' },
    withdrawn: { type: 'boolean', description: 'Withdrawn' },
  },
});

export const impactAssessmentsView = defineReportingView<ImpactAssessmentFacts>({
  name: IMPACT_ASSESSMENTS_VIEW,
  context: KNOWLEDGE_BASE_SOURCE,
  title: 'Impact assessments (knowledge base library)',
  description:
    'One row per impact assessment of the library: title, country, design, status, when it was completed, and the finding of each outcome.',
  version: 1,
  idField: 'assessmentId',
  eventTypes: [T.impactAssessmentRecorded, T.impactAssessmentRevised],
  evolve: evolveImpactAssessmentFacts,
  fields: {
    assessmentId: { type: 'string', description: 'The assessment id' },
    title: { type: 'string', description: 'Title' },
    country: { type: 'string', description: 'ISO 3166-1 alpha-2 country' },
    status: { type: 'string', description: 'planned, ongoing, completed, abandoned' },
    design: { type: 'string', description: 'The design (rct, matching, ...)' },
    recordedAt: { type: 'timestamp', description: 'When it was recorded' },
    lastChangedAt: { type: 'timestamp', description: 'When it was last recorded or revised' },
    completedAt: { type: 'timestamp', description: 'When it was first recorded as completed' },
  },
});

/** The knowledge base's contribution to reporting: the knowledge management function. */
export const knowledgeBaseReporting: ReportingPlugin = {
  context: KNOWLEDGE_BASE_SOURCE,
  shapeProblems: knowledgeBaseShapeProblems,
  views: [institutionsView, performanceReportsView, targetsView, impactAssessmentsView],
  sections: [
    {
      function: 'knowledge-management',
      compute: async (period, documents) => {
        const before = documentsBefore(documents, period.to);
        const all = async <TDoc>(view: string) => (await documents(view, [])) as unknown as TDoc[];
        return knowledgeManagementReportSection(period, {
          // Every institution, report and target known: a report for the period may be filed,
          // and a target due in it set, after the period ends.
          institutions: await all<InstitutionFacts>(INSTITUTIONS_VIEW),
          reports: await all<PerformanceReportFacts>(PERFORMANCE_REPORTS_VIEW),
          targets: await all<TargetFacts>(TARGETS_VIEW),
          assessments: await before<ImpactAssessmentFacts>(IMPACT_ASSESSMENTS_VIEW, 'recordedAt'),
        });
      },
    },
  ],
};
