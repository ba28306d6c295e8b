import {
  costBenefitOf,
  RESEARCH_PHASES,
  type CostBenefitInput,
  Z_95,
  type ExpectedDirection,
  type ResearchPhase,
} from '@sfp/contracts';
import { seedKnowledgeBase } from '@sfp/knowledge-base';
import { httpClient, signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { DEMO_RESEARCH_PROJECTS, type DemoFinding } from '../src/seed/research-demo-data';
import { seedAccounts } from '../src/seed/seed-accounts';
import { seedResearch } from '../src/seed/seed-research';
import { startTestPlatform } from './support/test-platform';

type Json = Record<string, any>;

const ADMIN_PASSWORD = 'a research seed secret phrase';

const titleOf = (country: string) =>
  (DEMO_RESEARCH_PROJECTS.find((d) => d.project.countries.includes(country)) as Json)['project'][
    'title'
  ] as string;

/** Polls `read` until `done` holds of its answer (the knowledge base and the check work in the background). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** `npm run seed` for research: a portfolio of projects given through the platform's public API, as the unit's researchers would. */
describe('seedResearch (e2e, embedded platform)', () => {
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-seed-research-', {
      SFP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      // The check at start comes before the seed: check again every second.
      RESEARCH_SLIPPAGE_CHECK_INTERVAL_MS: 1_000,
      // The accounts the KB and research seeds sign in, and the administrator, within a minute.
      SFP_SIGN_INS_PER_MINUTE: 30,
    });
  });
  afterAll(async () => platform?.close());

  it('takes a portfolio through its phases with a null result, a correction and an abandoned project; the knowledge base gets the practice notes; a second run adds nothing', async () => {
    const credentialsOf = seedAccounts({
      baseUrl: platform.url,
      admin: { username: 'admin', password: ADMIN_PASSWORD },
    });
    await seedKnowledgeBase({
      baseUrl: platform.url,
      seed: 7,
      headers: await credentialsOf('kb-officer'),
    });
    const lines: string[] = [];
    const result = await seedResearch({
      baseUrl: platform.url,
      seed: 7,
      credentialsOf,
      log: (line) => lines.push(line),
    });
    expect(result).toMatchObject({
      projects: 9,
      costBenefitAnalyses: 3,
      // Senegal's version 1 and its correction, Peru's, and what the abandoned Kenyan project learnt.
      publications: 4,
      alreadySeeded: false,
    });
    expect(result.findings).toBeGreaterThanOrEqual(8);
    expect(lines.at(-1)).toBe(
      `research: 9 projects, ${result.milestones} milestones, ${result.findings} findings, 4 publications`,
    );

    const token = await signIn(platform.url, 'admin', ADMIN_PASSWORD);
    const research = httpClient(`${platform.url}/api/innovation-research`, token);
    const at = `minPosition=${result.position}`;

    // The portfolio: one project in each of these statuses.
    const list = await research.get<Json>(`/projects?limit=100&${at}`);
    expect(list.status).toBe(200);
    const projects: Json[] = list.body['items'];
    const statusOf = Object.fromEntries(projects.map((p) => [p['title'], p['status']]));
    expect(statusOf).toEqual({
      [titleOf('SN')]: 'closed',
      [titleOf('PE')]: 'findings-published',
      [titleOf('GH')]: 'cost-benefit-analysis',
      [titleOf('KH')]: 'suspended',
      [titleOf('PH')]: 'follow-up-survey',
      [titleOf('UG')]: 'pilot',
      [titleOf('BD')]: 'innovation-design',
      [titleOf('KE')]: 'abandoned',
      [titleOf('IN')]: 'proposed',
    });
    const idOf = (country: string) =>
      projects.find((p) => p['title'] === titleOf(country))?.['projectId'] as string;

    const portfolio = await research.get<Json>(`/portfolio?${at}`);
    expect(portfolio.status).toBe(200);
    expect(portfolio.body['projects']).toBe(9);
    const byStatus = Object.fromEntries(
      (portfolio.body['byStatus'] as Json[]).map((c) => [c['key'], c['projects']]),
    );
    expect(byStatus).toMatchObject({ abandoned: 1, suspended: 1, closed: 1, proposed: 1 });
    const byKind = Object.fromEntries(
      (portfolio.body['byInnovationKind'] as Json[]).map((c) => [c['key'], c['projects']]),
    );
    expect(byKind).toEqual({ product: 5, policy: 2, 'delivery-channel': 2 });

    // The null result, published: Peru's profits.
    const nulls = await research.get<Json>(`/findings?verdict=not-supported&${at}`);
    expect(nulls.status).toBe(200);
    expect(nulls.body['items']).toEqual([
      expect.objectContaining({ projectId: idOf('PE'), hypothesisId: 'H1' }),
    ]);

    // Abandoned, with its reason, and what it learnt published.
    const kenya = await research.get<Json>(`/projects/${idOf('KE')}?${at}`);
    expect(kenya.body).toMatchObject({ status: 'abandoned', phase: 'follow-up-survey' });
    expect(kenya.body['abandonment']['reason']).toContain('daily collection service');
    expect(kenya.body['publications']).toEqual([
      expect.objectContaining({ version: 1, outcome: 'abandoned' }),
    ]);

    // Senegal: version 1, then a correction, then closed.
    const senegal = await research.get<Json>(`/projects/${idOf('SN')}?${at}`);
    const versions: Json[] = senegal.body['publications'];
    expect(versions.map((p) => p['version'])).toEqual([1, 2]);
    expect(versions[1]?.['correctionReason']).toContain('attrition');

    // Late milestones: done after their day, with the days counted.
    const peru = await research.get<Json>(`/projects/${idOf('PE')}?${at}`);
    const paper = (peru.body['milestones'] as Json[]).find((m) => m['title'] === 'Working paper');
    expect(paper).toMatchObject({ state: 'done', completedOn: '2025-12-19', daysLate: 19 });

    // NPV and B/C of the three analyses, computed by the service as costBenefitOf computes them.
    const costBenefit = await research.get<Json>(`/cost-benefit?${at}`);
    expect(costBenefit.status).toBe(200);
    const analysed: Json[] = costBenefit.body['projects'];
    expect(analysed.map((p) => p['projectId']).sort()).toEqual(
      [idOf('SN'), idOf('GH'), idOf('PE')].sort(),
    );
    for (const country of ['SN', 'GH', 'PE']) {
      const demo = DEMO_RESEARCH_PROJECTS.find((d) => d.project.countries.includes(country));
      const expected = costBenefitOf(demo?.costBenefit as CostBenefitInput);
      const entry = analysed.find((p) => p['projectId'] === idOf(country)) as Json;
      expect(Math.abs(entry['netPresentValue'] - expected.netPresentValue)).toBeLessThan(1e-6);
    }

    // The scheduled check flags the open milestones past their date: those projects are at risk.
    const atRisk = ['GH', 'PH', 'UG', 'KH', 'BD'].map(idOf);
    const risky = await eventually(
      () => research.get<Json>('/portfolio'),
      (answer) =>
        atRisk.every((id) => (answer.body['atRisk'] as Json[]).some((p) => p['projectId'] === id)),
    );
    expect((risky.body['atRisk'] as Json[]).map((p) => p['projectId'])).toEqual(
      expect.arrayContaining(atRisk),
    );
    const slipping = await research.get<Json>('/milestones?state=slipping&limit=100');
    expect((slipping.body['items'] as Json[]).map((m) => m['title'])).toEqual(
      expect.arrayContaining([
        'Policy brief for the Ministry of Finance',
        'Second follow-up survey',
        'First harvest cycle of loans disbursed',
        'Analysis of loan-level data',
        'Loan product and safety checklist agreed with the partner',
      ]),
    );

    // The knowledge base made a practice note of each published project; the correction revised Senegal's.
    const kb = httpClient(`${platform.url}/api/knowledge-base`, token);
    const published = ['SN', 'PE', 'KE'].map(titleOf);
    const notesOf = async () => {
      const notes = await kb.get<Json>('/practice-notes?limit=1000');
      return (notes.body['items'] as Json[]).filter((n) =>
        published.some((title) => JSON.stringify(n).includes(title)),
      );
    };
    const notes = await eventually(notesOf, (found) => found.length >= 3);
    expect(notes).toHaveLength(3);

    const again = await seedResearch({ baseUrl: platform.url, seed: 7, credentialsOf });
    expect(again).toMatchObject({ alreadySeeded: true, projects: 0, publications: 0 });
    const after = await research.get<Json>('/projects?limit=100');
    expect(after.body['items']).toHaveLength(9);
    expect(await notesOf()).toHaveLength(3);
  });
});

describe('the research demo portfolio (its data)', () => {
  const today = '2026-12-06';

  const intervalOf = (f: DemoFinding) =>
    f.confidenceInterval ?? {
      lower: f.size - Z_95 * (f.standardError ?? NaN),
      upper: f.size + Z_95 * (f.standardError ?? NaN),
    };
  const supports = (direction: ExpectedDirection, i: { lower: number; upper: number }) =>
    direction === 'increase' ? i.lower > 0 : i.upper < 0;

  it('gives every finding an interval around its size, and says supported only when the interval excludes 0 on the expected side', () => {
    for (const demo of DEMO_RESEARCH_PROJECTS) {
      for (const finding of [...(demo.findings ?? []), ...(demo.correction?.findings ?? [])]) {
        const hypothesis = demo.project.hypotheses.find(
          (h) => h.hypothesisId === finding.hypothesisId,
        );
        expect(hypothesis).toBeDefined();
        const interval = intervalOf(finding);
        expect(interval.lower).toBeLessThanOrEqual(finding.size);
        expect(interval.upper).toBeGreaterThanOrEqual(finding.size);
        const excludesZero = supports(hypothesis?.expectedDirection ?? 'increase', interval);
        expect(finding.verdict === 'supported').toBe(excludesZero);
        expect(finding.surveyRound).toBeGreaterThanOrEqual(1);
        expect(finding.surveyRound).toBeLessThanOrEqual(demo.followUpsOn?.length ?? 0);
      }
    }
  });

  it('has one published null result, one abandoned project that publishes, one correction', () => {
    const nulls = DEMO_RESEARCH_PROJECTS.flatMap((d) =>
      (d.findings ?? []).filter((f) => f.verdict === 'not-supported').map(() => d),
    );
    expect(nulls).toHaveLength(1);
    expect(nulls[0]?.publication).toBeDefined();
    const abandoned = DEMO_RESEARCH_PROJECTS.filter((d) => d.abandonedBecause);
    expect(abandoned).toHaveLength(1);
    expect(abandoned[0]?.publication).toBeDefined();
    expect(DEMO_RESEARCH_PROJECTS.filter((d) => d.correction)).toHaveLength(1);
  });

  it('takes each project only as far as its data allow: a baseline and a follow-up before impact analysis, findings on every hypothesis before cost-benefit', () => {
    const reached = (demo: (typeof DEMO_RESEARCH_PROJECTS)[number], phase: ResearchPhase) =>
      RESEARCH_PHASES.indexOf(demo.reaches) >= RESEARCH_PHASES.indexOf(phase);
    for (const demo of DEMO_RESEARCH_PROJECTS) {
      if (reached(demo, 'baseline-survey')) expect(demo.designApproval).toBeDefined();
      if (reached(demo, 'pilot')) expect(demo.baselineOn).toBeDefined();
      if (reached(demo, 'impact-analysis')) expect(demo.followUpsOn?.length).toBeGreaterThan(0);
      if (reached(demo, 'cost-benefit-analysis')) {
        const found = new Set(demo.findings?.map((f) => f.hypothesisId));
        expect(demo.project.hypotheses.every((h) => found.has(h.hypothesisId))).toBe(true);
      }
      if (demo.publication && !demo.abandonedBecause) expect(demo.costBenefit).toBeDefined();
    }
  });

  it('dates everything done between 2023 and today, milestones in the phases the project reaches', () => {
    for (const demo of DEMO_RESEARCH_PROJECTS) {
      const done = [
        demo.baselineOn,
        ...(demo.followUpsOn ?? []),
        ...demo.milestones.map((m) => m.done?.completedOn),
      ].filter((d): d is string => d !== undefined);
      for (const day of done) expect(day >= '2023-01-01' && day <= today).toBe(true);
      for (const milestone of demo.milestones) {
        expect(RESEARCH_PHASES).toContain(milestone.phase);
        if (milestone.done)
          expect(RESEARCH_PHASES.indexOf(milestone.phase)).toBeLessThanOrEqual(
            RESEARCH_PHASES.indexOf(demo.reaches),
          );
      }
      expect(demo.project.plannedStart <= demo.project.plannedEnd).toBe(true);
    }
  });

  it('enters cost-benefit flows within their horizon, with a result both ways of one', () => {
    const ratios = DEMO_RESEARCH_PROJECTS.flatMap((d) => {
      if (!d.costBenefit) return [];
      const { horizonYears, costs, benefits } = d.costBenefit;
      for (const flow of [...costs, ...benefits])
        expect(flow.year >= 0 && flow.year <= horizonYears).toBe(true);
      return [costBenefitOf(d.costBenefit).benefitCostRatio ?? 0];
    });
    expect(ratios.some((r) => r > 1)).toBe(true);
    expect(ratios.some((r) => r < 1)).toBe(true);
  });
});
