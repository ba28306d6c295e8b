import type { ResearchPublication, ResearchDesign } from '@sfp/contracts';
import type {
  ImpactAssessment,
  LibrarySource,
  OutcomeEstimate,
  PracticeNote,
} from '../../library/domain/library.entries';
import type {
  Design,
  Finding,
  PracticeKind,
  SurveyRound,
} from '../../library/domain/library.reference-data';
import { practiceNoteBody } from './practice-note-body';

export const RESEARCH_CONTEXT = 'innovation-research';

/** The research project's page in the console (served at `/`): the link back from the library. */
export const researchProjectPage = (projectId: string) =>
  `/research/projects/${encodeURIComponent(projectId)}`;

/** The tag every entry made from research carries. */
export const ACTION_RESEARCH_TAG = 'action-research';

/** How the entries of a project are named: the same ids for every version of its publication. */
export interface EntryIdsOf {
  assessment(projectId: string, institutionId: string | undefined): string;
  note(projectId: string): string;
}

/** What the library makes of a publication: an assessment per partner (or one without), and a note. */
export interface LibraryEntriesOfPublication {
  assessments: Array<{
    assessmentId: string;
    assessment: ImpactAssessment & { source: LibrarySource };
  }>;
  noteId: string;
  note: PracticeNote & { source: LibrarySource };
  /** The reason of the revisions a correction makes. */
  reason: string;
}

/**
 * The library's entries of a research publication. `countryOf` gives the
 * country the knowledge base holds for a partner institution (undefined when
 * it has none): an assessment of a partner is in the partner's country when
 * the project works there, else in the project's first country.
 */
export function libraryEntriesOf(
  publication: ResearchPublication,
  ids: EntryIdsOf,
  countryOf: (institutionId: string) => string | undefined = () => undefined,
): LibraryEntriesOfPublication {
  const source: LibrarySource = {
    context: RESEARCH_CONTEXT,
    projectId: publication.projectId,
    publicationVersion: publication.version,
    url: researchProjectPage(publication.projectId),
  };
  const partners: Array<string | undefined> =
    publication.partnerInstitutionIds.length > 0 ? publication.partnerInstitutionIds : [undefined];
  const defaultCountry = publication.countries[0] ?? '';
  const common = commonAssessment(publication, source);
  const assessments = partners.map((institutionId) => {
    const partnerCountry = institutionId ? countryOf(institutionId) : undefined;
    const country =
      partnerCountry && publication.countries.includes(partnerCountry)
        ? partnerCountry
        : defaultCountry;
    return {
      assessmentId: ids.assessment(publication.projectId, institutionId),
      assessment: {
        ...common,
        country,
        ...(institutionId ? { partnerInstitutionId: institutionId } : {}),
      },
    };
  });
  const note: PracticeNote & { source: LibrarySource } = {
    title: publication.title,
    summary: publication.summary,
    body: practiceNoteBody(publication),
    practiceKind: practiceKindOf(publication),
    themes: [...publication.themes],
    tags: tagsOf(publication),
    institutionIds: [...publication.partnerInstitutionIds],
    assessmentIds: assessments.map((a) => a.assessmentId),
    source,
  };
  return {
    assessments,
    noteId: ids.note(publication.projectId),
    note,
    reason:
      publication.correctionReason ??
      `Version ${publication.version} of the research project's published findings`,
  };
}

function commonAssessment(
  p: ResearchPublication,
  source: LibrarySource,
): Omit<ImpactAssessment, 'country' | 'partnerInstitutionId'> & { source: LibrarySource } {
  const investigators = p.team
    .filter((m) => m.role === 'principal-investigator' || m.role === 'co-investigator')
    .map((m) => m.name);
  const costBenefit = p.costBenefit ? costBenefitOf(p.costBenefit) : undefined;
  return {
    title: p.title,
    summary: p.summary,
    investigators: investigators.length > 0 ? investigators : p.team.map((m) => m.name),
    status: p.outcome === 'abandoned' ? 'abandoned' : 'completed',
    surveyRounds: surveyRoundsOf(p),
    design: designOf(p.design),
    sample: sampleOf(p),
    outcomes: outcomesOf(p),
    ...(costBenefit ? { costBenefit } : {}),
    links: [{ label: 'Research project', url: source.url }],
    themes: [...p.themes],
    tags: tagsOf(p),
    source,
  };
}

/** The knowledge base's design: a quasi-experiment is named by its method. */
export function designOf(design: ResearchDesign): ImpactAssessment['design'] {
  const method: Design =
    design.method === 'quasi-experimental'
      ? (design.quasiExperimentalMethod ?? 'difference-in-differences')
      : design.method;
  return {
    method,
    ...(design.unitOfRandomisation ? { unitOfRandomisation: design.unitOfRandomisation } : {}),
    ...(design.clusters !== undefined ? { clusters: design.clusters } : {}),
  };
}

/** The baseline is the baseline, the last follow-up the endline, the follow-ups between midlines. */
export function surveyRoundsOf(p: ResearchPublication): ImpactAssessment['surveyRounds'] {
  const last = Math.max(
    0,
    ...p.surveyRounds.filter((r) => r.kind === 'follow-up').map((r) => r.number),
  );
  return [...p.surveyRounds]
    .sort((a, b) => a.number - b.number)
    .map((r) => {
      const round: SurveyRound =
        r.kind === 'baseline' ? 'baseline' : r.number === last ? 'endline' : 'midline';
      return { round, date: r.completedOn };
    });
}

/** The enrolled sample (the baseline's), and the share of it the last follow-up lost. */
function sampleOf(p: ResearchPublication): ImpactAssessment['sample'] {
  const total = (s: { treatment: number; comparison: number }) => s.treatment + s.comparison;
  const baseline = p.surveyRounds.find((r) => r.kind === 'baseline');
  const followUps = p.surveyRounds
    .filter((r) => r.kind === 'follow-up')
    .sort((a, b) => b.number - a.number);
  const endline = followUps[0];
  if (!baseline) return endline ? { achieved: total(endline.sample) } : {};
  const enrolled = total(baseline.sample);
  if (!endline || enrolled === 0 || total(endline.sample) > enrolled) return { achieved: enrolled };
  return {
    achieved: enrolled,
    attrition: Math.round(((enrolled - total(endline.sample)) / enrolled) * 10_000) / 10_000,
  };
}

/** The sign of an estimate from its 95 % interval: positive or negative when it excludes 0, else null. */
export function findingOf(interval: { lower: number; upper: number }): Finding {
  if (interval.lower > 0) return 'positive';
  if (interval.upper < 0) return 'negative';
  return 'null';
}

const VERDICT_WORDS = {
  supported: 'supported',
  'not-supported': 'not supported',
  inconclusive: 'inconclusive',
} as const;

/** Each hypothesis's finding as an outcome estimate (hypotheses without a finding have none). */
export function outcomesOf(p: ResearchPublication): OutcomeEstimate[] {
  return p.hypotheses.flatMap((h) => {
    const f = h.finding;
    if (!f) return [];
    const ci = f.effect.confidenceInterval;
    const note =
      `${h.hypothesisId} (${VERDICT_WORDS[f.verdict]}): ${h.statement} ` +
      `Effect in ${f.effect.unit}, follow-up ${f.surveyRound}, ` +
      `${f.sample.treatment} treated and ${f.sample.comparison} in comparison.` +
      (f.note ? ` ${f.note}` : '');
    return [
      {
        outcome: h.outcome,
        estimator: h.indicator,
        effectSize: f.effect.size,
        ...(f.effect.standardError !== undefined ? { standardError: f.effect.standardError } : {}),
        confidenceInterval: { lower: ci.lower, upper: ci.upper, level: 0.95 },
        finding: findingOf(ci),
        note,
      },
    ];
  });
}

const money = (amount: number, currency: string) =>
  `${currency} ${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(amount)}`;

/** B/C as computed by research, and the NPV, rate and horizon in words. */
function costBenefitOf(
  cb: NonNullable<ResearchPublication['costBenefit']>,
): NonNullable<ImpactAssessment['costBenefit']> {
  const { input, result } = cb;
  const rate = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(
    input.discountRate * 100,
  );
  const note =
    `Net present value ${money(result.netPresentValue, input.currency)} ` +
    `at a ${rate} % discount rate over ${input.horizonYears} years` +
    (result.benefitCostRatio === null ? ' (no costs entered: no benefit-cost ratio).' : '.');
  return result.benefitCostRatio === null
    ? { note }
    : { benefitCostRatio: result.benefitCostRatio, note };
}

function tagsOf(p: ResearchPublication): string[] {
  return [ACTION_RESEARCH_TAG, `${p.innovation.kind} innovation`, ...p.deficits];
}

/**
 * The note's kind, from the verdicts: a good practice when a completed project
 * supported every hypothesis (and its benefits outweigh its costs, when it has
 * an analysis); a bad practice when an estimate went significantly against the
 * direction its hypothesis expected (the innovation did harm); otherwise a
 * lesson (null, mixed or inconclusive results, an abandoned project).
 */
export function practiceKindOf(p: ResearchPublication): PracticeKind {
  const tested = p.hypotheses.filter((h) => h.finding);
  const harmful = tested.some((h) => {
    const sign = h.finding ? findingOf(h.finding.effect.confidenceInterval) : 'null';
    return (
      (h.expectedDirection === 'increase' && sign === 'negative') ||
      (h.expectedDirection === 'decrease' && sign === 'positive')
    );
  });
  if (harmful) return 'bad-practice';
  const ratio = p.costBenefit?.result.benefitCostRatio;
  const allSupported =
    tested.length > 0 &&
    tested.length === p.hypotheses.length &&
    tested.every((h) => h.finding?.verdict === 'supported');
  if (
    p.outcome === 'completed' &&
    allSupported &&
    (ratio === undefined || ratio === null || ratio >= 1)
  )
    return 'good-practice';
  return 'lesson';
}
