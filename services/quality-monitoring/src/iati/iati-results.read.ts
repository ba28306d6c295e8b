import { INDICATOR_MEASURE } from './iati.codes';
import type { ImportedIndicator, ImportedOutcome } from './iati-import';
import {
  attributeOf,
  childOf,
  childrenOf,
  decimalOf,
  isoDateOf,
  narrativeOf,
  type XmlElement,
} from './iati-xml';

/**
 * The logical framework from the activity's results: each result an outcome,
 * each of its indicators with its baseline (value and date), its target (the
 * last period's, dated by the period's end) and its means of verification
 * (the indicator's document links, else its description). The unit is the
 * platform extension's, else `%` for a percentage measure; what an indicator
 * lacks is listed in `missing` by its path.
 */
export function readLogframe(
  activity: XmlElement,
  lang: string,
  units: Map<string, string> | undefined,
  missing: string[],
  warnings: string[],
): ImportedOutcome[] {
  const logframe: ImportedOutcome[] = [];
  childrenOf(activity, 'result').forEach((result, r) => {
    const outcome = narrativeOf(childOf(result, 'title'), lang);
    if (!outcome) {
      warnings.push(`result ${r + 1} has no title: left out`);
      return;
    }
    const at = `logframe.${logframe.length}`;
    const indicators: ImportedIndicator[] = [];
    childrenOf(result, 'indicator').forEach((element, i) => {
      const indicator = narrativeOf(childOf(element, 'title'), lang);
      if (!indicator) {
        warnings.push(`result ${r + 1} (${outcome}), indicator ${i + 1} has no title: left out`);
        return;
      }
      const path = `${at}.indicators.${indicators.length}`;
      indicators.push(
        readIndicator(
          element,
          indicator,
          units?.get(`${r + 1}.${i + 1}`),
          lang,
          path,
          missing,
          warnings,
        ),
      );
    });
    if (!indicators.length) missing.push(`${at}.indicators`);
    logframe.push({ outcome, indicators });
  });
  return logframe;
}

function readIndicator(
  element: XmlElement,
  indicator: string,
  extensionUnit: string | undefined,
  lang: string,
  path: string,
  missing: string[],
  warnings: string[],
): ImportedIndicator {
  const read: ImportedIndicator = { indicator };
  const measure = attributeOf(element, 'measure');
  const unit = extensionUnit ?? (measure === INDICATOR_MEASURE.percentage ? '%' : undefined);
  if (unit !== undefined) read.unit = unit;
  else missing.push(`${path}.unit`);

  const baselines = childrenOf(element, 'baseline');
  const baseline = baselines.find((b) => decimalOf(attributeOf(b, 'value')) !== undefined);
  if (baseline) {
    read.baseline = decimalOf(attributeOf(baseline, 'value'));
    const date = isoDateOf(attributeOf(baseline, 'iso-date'));
    if (date) read.baselineDate = date;
  } else {
    missing.push(`${path}.baseline`);
    if (baselines.length) warnings.push(`${indicator}: the baseline is not a number: left out`);
  }

  const targets = childrenOf(element, 'period')
    .map((period) => ({
      end: isoDateOf(attributeOf(childOf(period, 'period-end'), 'iso-date')),
      value: childrenOf(period, 'target')
        .map((t) => decimalOf(attributeOf(t, 'value')))
        .find((v) => v !== undefined),
    }))
    .filter((t) => t.value !== undefined)
    .sort((a, b) => (a.end ?? '').localeCompare(b.end ?? ''));
  const target = targets[targets.length - 1];
  if (target) {
    read.target = target.value;
    if (target.end) read.targetDate = target.end;
  } else {
    missing.push(`${path}.target`);
    if (childrenOf(element, 'period').length) {
      warnings.push(`${indicator}: no period has a numeric target: left out`);
    }
  }

  const links = childrenOf(element, 'document-link')
    .map((link) => {
      const title = narrativeOf(childOf(link, 'title'), lang);
      const url = attributeOf(link, 'url');
      return title && url ? `${title} (${url})` : (title ?? url);
    })
    .filter((l): l is string => l !== undefined);
  const meansOfVerification = links.length
    ? links.join('; ')
    : narrativeOf(childOf(element, 'description'), lang);
  if (meansOfVerification) read.meansOfVerification = meansOfVerification;
  else missing.push(`${path}.meansOfVerification`);
  return read;
}
