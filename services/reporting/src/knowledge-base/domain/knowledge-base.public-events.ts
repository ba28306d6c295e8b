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
} as const;

type Check = 'string' | 'time' | 'number' | 'object' | 'string[]' | 'number|null';

const T = KNOWLEDGE_BASE_EVENT_TYPES;
const INSTITUTION_CHANGE: Record<string, Check> = { institutionId: 'string', at: 'time' };
const REPORT_VERSION: Record<string, Check> = {
  reportId: 'string',
  institutionId: 'string',
  version: 'number',
  period: 'object',
  year: 'number',
  institution: 'object',
};

const SHAPES: Record<string, Record<string, Check>> = {
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
};

export interface ShapeProblem {
  field: string;
  messages: string[];
}

/** What is wrong with a knowledge base event's data for reporting ([] when usable; unknown types are not checked). */
export function knowledgeBaseShapeProblems(type: string, data: unknown): ShapeProblem[] {
  const shape = SHAPES[type];
  if (!shape) return [];
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return [{ field: 'data', messages: ['must be an object'] }];
  const record = data as Record<string, unknown>;
  const problems: ShapeProblem[] = [];
  for (const [field, check] of Object.entries(shape)) {
    const value = record[field];
    const fail = (message: string) =>
      problems.push({ field: `data.${field}`, messages: [message] });
    switch (check) {
      case 'string':
        if (typeof value !== 'string' || value === '') fail('must be a non-empty string');
        break;
      case 'time':
        if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
          fail('must be an ISO 8601 timestamp');
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) fail('must be a number');
        break;
      case 'number|null':
        if (value !== null && (typeof value !== 'number' || !Number.isFinite(value)))
          fail('must be a number or null');
        break;
      case 'object':
        if (typeof value !== 'object' || value === null || Array.isArray(value))
          fail('must be an object');
        break;
      case 'string[]':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
          fail('must be an array of strings');
        break;
      default: {
        const unexpected: never = check;
        throw new Error(`Unknown check ${String(unexpected)}`);
      }
    }
  }
  if (type === T.reportFiled || type === T.reportRestated) {
    const institution = record['institution'] as Record<string, unknown> | null;
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
