import type { PartnerRatios } from '@sfp/contracts';
import { PayloadReader, type SourceEvent } from './source-event';

/** The knowledge base's public events that carry a performance report's ratios. */
export const PERFORMANCE_REPORT_EVENTS = [
  'knowledge-base.PerformanceReportFiled',
  'knowledge-base.PerformanceReportRestated',
] as const;

/** A ratio of the report: `{value}` when computed, `{value: null, reason}` when not. */
function ratioValue(raw: unknown): number | undefined {
  const value = typeof raw === 'object' && raw !== null ? (raw as { value?: unknown }).value : raw;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * A partner's ratios as a filed or restated performance report gives them:
 * PAR30, operational self-sufficiency and operating expense ratio (the
 * knowledge base's `par30`, `oss`, `operatingExpenseRatio`; each absent when
 * the report could not compute it), with the report, its version, the end of
 * its period and when the knowledge base recorded it.
 */
export function partnerRatiosOf(event: SourceEvent): PartnerRatios {
  const read = new PayloadReader(event);
  const institutionId = read.text('institutionId', 100);
  const reportId = read.text('reportId', 100);
  const reportVersion = read.integer('version');
  const periodEnd = read.text('period.end', 10);
  const name = read.optionalText('institution.name') ?? institutionId;
  const restated = event.type === 'knowledge-base.PerformanceReportRestated';
  const reportedAt = read.optionalText(restated ? 'restatedAt' : 'filedAt') ?? event.occurredAt;
  const par30 = ratioValue(read.raw('ratios.par30'));
  const operationalSelfSufficiency = ratioValue(read.raw('ratios.oss'));
  const operatingExpenseRatio = ratioValue(read.raw('ratios.operatingExpenseRatio'));
  read.done();
  return {
    institutionId,
    name,
    reportId,
    reportVersion,
    periodEnd,
    reportedAt,
    ...(par30 !== undefined ? { par30 } : {}),
    ...(operationalSelfSufficiency !== undefined ? { operationalSelfSufficiency } : {}),
    ...(operatingExpenseRatio !== undefined ? { operatingExpenseRatio } : {}),
  };
}

/**
 * A partner's latest ratios among those noted: the report with the latest
 * period end, at its latest version (a restatement of an older period does not
 * displace a newer report). Undefined when nothing was noted.
 */
export function latestPartnerRatios(noted: readonly PartnerRatios[]): PartnerRatios | undefined {
  return noted.reduce<PartnerRatios | undefined>((latest, ratios) => {
    if (!latest) return ratios;
    if (ratios.periodEnd !== latest.periodEnd)
      return ratios.periodEnd > latest.periodEnd ? ratios : latest;
    if (ratios.reportId !== latest.reportId)
      return ratios.reportedAt >= latest.reportedAt ? ratios : latest;
    return ratios.reportVersion >= latest.reportVersion ? ratios : latest;
  }, undefined);
}

/**
 * Whether `current` is newer than the ratios a review froze: another report
 * or a later version of the same one.
 */
export function isNewerThan(current: PartnerRatios, frozen: PartnerRatios): boolean {
  return current.reportId !== frozen.reportId
    ? current.periodEnd > frozen.periodEnd || current.reportedAt > frozen.reportedAt
    : current.reportVersion > frozen.reportVersion;
}
