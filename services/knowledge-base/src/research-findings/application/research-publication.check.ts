import {
  FINDING_VERDICTS,
  LIBRARY_THEMES,
  OUTCOMES,
  QUASI_EXPERIMENTAL_METHODS,
  RESEARCH_DESIGNS,
  type ResearchPublication,
} from '@sfp/contracts';
import { DeadLetterError, type FieldError } from '@sfp/messaging';

type Json = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The publication of a FindingsPublished event, checked field by field for
 * what the knowledge base reads: a payload without them is refused with
 * DeadLetterError('schema-invalid') and its field errors (the message goes to
 * sfp.knowledge-base.dlq with that reason).
 */
export function publicationOf(data: unknown): ResearchPublication {
  const problems: FieldError[] = [];
  const fail = (field: string, message: string) => problems.push({ field, messages: [message] });
  const obj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
  const text = (o: Json, key: string, at: string, max = 20_000) => {
    const v = o[key];
    if (typeof v !== 'string' || v.trim() === '' || v.length > max)
      fail(`${at}.${key}`, `must be a text of 1 to ${max} characters`);
  };
  const optionalText = (o: Json, key: string, at: string) => {
    if (o[key] !== undefined) text(o, key, at);
  };
  const num = (o: Json, key: string, at: string, optional = false) => {
    const v = o[key];
    if (optional && v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${at}.${key}`, 'must be a number');
  };
  const oneOf = (o: Json, key: string, at: string, values: readonly string[]) => {
    if (!values.includes(o[key] as string))
      fail(`${at}.${key}`, `must be one of ${values.join(', ')}`);
  };
  const list = (o: Json, key: string, at: string): unknown[] => {
    const v = o[key];
    if (Array.isArray(v)) return v;
    fail(`${at}.${key}`, 'must be a list');
    return [];
  };
  const data_ = obj(data) ? data : {};
  const p = data_['publication'];
  const at = 'data.publication';
  if (!obj(p)) {
    fail(at, 'must be an object');
  } else {
    text(p, 'projectId', at, 100);
    if (!Number.isSafeInteger(p['version']) || (p['version'] as number) < 1)
      fail(`${at}.version`, 'must be a whole number ≥ 1');
    optionalText(p, 'correctionReason', at);
    oneOf(p, 'outcome', at, ['completed', 'abandoned']);
    optionalText(p, 'abandonedReason', at);
    text(p, 'title', at, 300);
    text(p, 'summary', at);
    text(p, 'researchQuestion', at);
    if (!obj(p['innovation'])) fail(`${at}.innovation`, 'must be an object');
    else {
      text(p['innovation'], 'kind', `${at}.innovation`, 50);
      text(p['innovation'], 'description', `${at}.innovation`);
    }
    list(p, 'themes', at).forEach((t, i) => {
      if (!LIBRARY_THEMES.includes(t as never))
        fail(`${at}.themes.${i}`, 'must be a library theme');
    });
    list(p, 'deficits', at).forEach((d, i) => {
      if (typeof d !== 'string' || d === '') fail(`${at}.deficits.${i}`, 'must be a text');
    });
    const countries = list(p, 'countries', at);
    if (Array.isArray(p['countries']) && countries.length === 0)
      fail(`${at}.countries`, 'must name at least one country');
    countries.forEach((c, i) => {
      if (typeof c !== 'string' || !/^[A-Z]{2}$/.test(c))
        fail(`${at}.countries.${i}`, 'must be an ISO 3166-1 alpha-2 code');
    });
    list(p, 'partnerInstitutionIds', at).forEach((id, i) => {
      if (typeof id !== 'string' || !UUID.test(id))
        fail(
          `${at}.partnerInstitutionIds.${i}`,
          'must be a knowledge-base institution id (a UUID)',
        );
    });
    const design = p['design'];
    if (!obj(design)) fail(`${at}.design`, 'must be an object');
    else {
      oneOf(design, 'method', `${at}.design`, RESEARCH_DESIGNS);
      if (design['method'] === 'quasi-experimental')
        oneOf(design, 'quasiExperimentalMethod', `${at}.design`, QUASI_EXPERIMENTAL_METHODS);
      if (design['method'] === 'rct') text(design, 'unitOfRandomisation', `${at}.design`, 200);
      num(design, 'clusters', `${at}.design`, true);
    }
    list(p, 'team', at).forEach((m, i) => {
      if (!obj(m)) fail(`${at}.team.${i}`, 'must be an object');
      else {
        text(m, 'name', `${at}.team.${i}`, 200);
        text(m, 'role', `${at}.team.${i}`, 50);
      }
    });
    list(p, 'surveyRounds', at).forEach((r, i) => {
      const here = `${at}.surveyRounds.${i}`;
      if (!obj(r)) return fail(here, 'must be an object');
      oneOf(r, 'kind', here, ['baseline', 'follow-up']);
      if (!Number.isSafeInteger(r['number'])) fail(`${here}.number`, 'must be a whole number');
      if (typeof r['completedOn'] !== 'string' || !DATE.test(r['completedOn']))
        fail(`${here}.completedOn`, 'must be a calendar date YYYY-MM-DD');
      if (!obj(r['sample'])) fail(`${here}.sample`, 'must be an object');
      else {
        num(r['sample'], 'treatment', `${here}.sample`);
        num(r['sample'], 'comparison', `${here}.sample`);
      }
    });
    list(p, 'hypotheses', at).forEach((h, i) => {
      const here = `${at}.hypotheses.${i}`;
      if (!obj(h)) return fail(here, 'must be an object');
      text(h, 'hypothesisId', here, 50);
      text(h, 'statement', here);
      oneOf(h, 'outcome', here, OUTCOMES);
      text(h, 'indicator', here, 500);
      oneOf(h, 'expectedDirection', here, ['increase', 'decrease']);
      const f = h['finding'];
      if (f === undefined) return;
      if (!obj(f)) return fail(`${here}.finding`, 'must be an object');
      oneOf(f, 'verdict', `${here}.finding`, FINDING_VERDICTS);
      num(f, 'surveyRound', `${here}.finding`);
      const effect = f['effect'];
      if (!obj(effect)) fail(`${here}.finding.effect`, 'must be an object');
      else {
        num(effect, 'size', `${here}.finding.effect`);
        text(effect, 'unit', `${here}.finding.effect`, 200);
        num(effect, 'standardError', `${here}.finding.effect`, true);
        const ci = effect['confidenceInterval'];
        if (!obj(ci)) fail(`${here}.finding.effect.confidenceInterval`, 'must be an object');
        else {
          num(ci, 'lower', `${here}.finding.effect.confidenceInterval`);
          num(ci, 'upper', `${here}.finding.effect.confidenceInterval`);
        }
      }
      if (!obj(f['sample'])) fail(`${here}.finding.sample`, 'must be an object');
      else {
        num(f['sample'], 'treatment', `${here}.finding.sample`);
        num(f['sample'], 'comparison', `${here}.finding.sample`);
      }
    });
    const cb = p['costBenefit'];
    if (cb !== undefined) {
      const here = `${at}.costBenefit`;
      if (!obj(cb) || !obj(cb['input']) || !obj(cb['result']))
        fail(here, 'must be { input, result }');
      else {
        text(cb['input'], 'currency', `${here}.input`, 3);
        num(cb['input'], 'horizonYears', `${here}.input`);
        num(cb['input'], 'discountRate', `${here}.input`);
        num(cb['result'], 'netPresentValue', `${here}.result`);
        if (cb['result']['benefitCostRatio'] !== null)
          num(cb['result'], 'benefitCostRatio', `${here}.result`);
      }
    }
    list(p, 'recommendations', at).forEach((r, i) => {
      if (!obj(r)) return fail(`${at}.recommendations.${i}`, 'must be an object');
      text(r, 'audience', `${at}.recommendations.${i}`, 50);
      text(r, 'text', `${at}.recommendations.${i}`);
    });
  }
  if (problems.length > 0)
    throw new DeadLetterError(
      'schema-invalid',
      `The publication lacks what the knowledge base reads: ${problems
        .slice(0, 5)
        .map((f) => `${f.field} ${f.messages[0]}`)
        .join('; ')}`,
      problems,
    );
  return p as unknown as ResearchPublication;
}
