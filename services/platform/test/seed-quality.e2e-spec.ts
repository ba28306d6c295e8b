import {
  DEFAULT_REVIEW_POLICY,
  FINANCIAL_INSTRUMENTS,
  REVIEW_DECISIONS,
  redFlagsOf,
  secondReviewerRequired,
  type ProposalDefinition,
  type ReviewPolicy,
} from '@sfp/contracts';
import { seedKnowledgeBase } from '@sfp/knowledge-base';
import { httpClient, signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { DEMO_PROPOSALS, type DemoReview } from '../src/seed/quality-demo-data';
import { seedAccounts } from '../src/seed/seed-accounts';
import { seedQuality } from '../src/seed/seed-quality';
import { seedResearch } from '../src/seed/seed-research';
import { startTestPlatform } from './support/test-platform';

type Json = Record<string, any>;

const ADMIN_PASSWORD = 'a quality seed secret phrase';
const POLICY: ReviewPolicy = {
  ...DEFAULT_REVIEW_POLICY,
  version: 1,
  publishedAt: '2025-01-01T00:00:00.000Z',
  publishedBy: 'system',
};

const titleOf = (start: string) =>
  DEMO_PROPOSALS.find((d) => d.proposal.title.startsWith(start))?.proposal.title ?? start;

/** Polls `read` until `done` holds of its answer (the read side works in the background). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** `npm run seed` for quality monitoring: a year of proposals given through the platform's public API. */
describe('seedQuality (e2e, embedded platform)', () => {
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-seed-quality-', {
      SFP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      RESEARCH_SLIPPAGE_CHECK_INTERVAL_MS: 0,
      // The accounts the KB, research and quality seeds sign in, and the administrator, within a minute.
      SFP_SIGN_INS_PER_MINUTE: 60,
    });
  });
  afterAll(async () => platform?.close());

  it('reviews a year of proposals with every decision, red flags, resubmissions and linkages to the research projects and practice notes; a second run adds nothing', async () => {
    const credentialsOf = seedAccounts({
      baseUrl: platform.url,
      admin: { username: 'admin', password: ADMIN_PASSWORD },
    });
    await seedKnowledgeBase({
      baseUrl: platform.url,
      seed: 7,
      headers: await credentialsOf('kb-officer'),
    });
    await seedResearch({ baseUrl: platform.url, seed: 7, credentialsOf });
    const lines: string[] = [];
    const result = await seedQuality({
      baseUrl: platform.url,
      credentialsOf,
      log: (line) => lines.push(line),
    });
    expect(result).toMatchObject({
      proposals: DEMO_PROPOSALS.length,
      // Ghana's missing exit strategy and Jordan's equity stake, each resubmitted and decided again.
      resubmissions: 2,
      reconciliations: 1,
      withdrawn: 1,
      decisions: {
        approved: 4,
        'approved-with-conditions': 2,
        'revise-and-resubmit': 3,
        rejected: 3,
      },
      alreadySeeded: false,
    });
    expect(result.linkagesAccepted).toBeGreaterThanOrEqual(5);
    expect(result.linkagesDismissed).toBeGreaterThanOrEqual(3);
    expect(lines.at(-1)).toContain(`quality monitoring: ${DEMO_PROPOSALS.length} proposals`);

    const token = await signIn(platform.url, 'admin', ADMIN_PASSWORD);
    const quality = httpClient(`${platform.url}/api/quality-monitoring`, token);
    const at = `minPosition=${result.position}`;
    const idOf = (start: string) => result.proposalIds[titleOf(start)] as string;

    // The queue and list: each proposal in the status its story ends in.
    const list = await quality.get<Json>(`/proposals?limit=100&${at}`);
    expect(list.status).toBe(200);
    const statusOf = Object.fromEntries(
      (list.body['items'] as Json[]).map((p) => [p['title'], p['status']]),
    );
    expect(statusOf).toEqual({
      [titleOf('Credit line for youth-led')]: 'approved',
      [titleOf('Andean guarantee')]: 'approved',
      [titleOf('Revolving fund for garment')]: 'rejected',
      [titleOf('Savings groups linked')]: 'approved',
      [titleOf('Capped-rate microcredit')]: 'rejected',
      [titleOf('Index-based crop insurance')]: 'approved-with-conditions',
      [titleOf('Credit line for women-owned')]: 'rejected',
      [titleOf('Equity stake')]: 'approved-with-conditions',
      [titleOf('Grant to a mutual health')]: 'revise-and-resubmit',
      [titleOf('Disaster-recovery credit line')]: 'under-review',
      [titleOf('Savings and credit cooperative network')]: 'under-review',
      [titleOf('Emergency working-capital')]: 'withdrawn',
      [titleOf('Guarantee for green')]: 'submitted',
      [titleOf('Youth savings and credit')]: 'approved',
    });

    // Red flags raised by the rules: direct lending and a subsidy in Bangladesh, a cap in Medellín.
    const garment = await quality.get<Json>(
      `/proposals/${idOf('Revolving fund for garment')}?${at}`,
    );
    expect(garment.status).toBe(200);
    const flagsOf = (detail: Json) =>
      (JSON.stringify(detail).match(/"flag":"([a-z0-9-]+)"/g) ?? []).map((m) => m.slice(8, -1));
    expect(flagsOf(garment.body)).toEqual(
      expect.arrayContaining(['direct-lending', 'pricing-prevents-cost-recovery']),
    );
    const capped = await quality.get<Json>(`/proposals/${idOf('Capped-rate microcredit')}?${at}`);
    expect(flagsOf(capped.body)).toContain('pricing-prevents-cost-recovery');

    // The resubmission: two versions, the diff names the exit strategy and the earlier review's comments.
    const ghana = idOf('Savings groups linked');
    const diff = await quality.get<Json>(`/proposals/${ghana}/diff?from=1&to=2&${at}`);
    expect(diff.status).toBe(200);
    expect((diff.body['changes'] as Json[]).map((c) => c['field'])).toEqual(
      expect.arrayContaining(['exitStrategy', 'durationMonths']),
    );
    expect(JSON.stringify(diff.body['previousReview'])).toContain('No exit strategy');

    // Two reviewers above the threshold, the partners' ratios frozen with their report's date.
    const andean = await quality.get<Json>(`/proposals/${idOf('Andean guarantee')}?${at}`);
    expect(JSON.stringify(andean.body)).toContain('qm-reviewer-tomas');
    expect(JSON.stringify(andean.body)).toContain('qm-reviewer-mei');
    expect(JSON.stringify(andean.body)).toContain('periodEnd');

    // Accepted linkages: quality monitoring knows the research projects and the practice notes.
    const kenya = await quality.get<Json>(
      `/proposals/${idOf('Credit line for youth-led')}/linkage-suggestions?${at}`,
    );
    expect(kenya.status).toBe(200);
    const decided = (kenya.body['items'] as Json[]).filter((s) => s['decision']);
    expect(decided.filter((s) => s['decision'] === 'accepted').length).toBeGreaterThanOrEqual(1);

    // The portfolio of approved financial components and the linkage map read the same decisions.
    const portfolio = await eventually(
      () => quality.get<Json>(`/reports/portfolio?${at}`),
      (answer) => answer.status === 200,
    );
    expect(portfolio.status).toBe(200);
    const map = await quality.get<Json>(`/reports/linkage-map?${at}`);
    expect(map.status).toBe(200);
    expect(JSON.stringify(map.body)).toContain(idOf('Credit line for youth-led'));

    const again = await seedQuality({ baseUrl: platform.url, credentialsOf });
    expect(again).toMatchObject({ alreadySeeded: true, proposals: 0, resubmissions: 0 });
    const after = await quality.get<Json>('/proposals?limit=100');
    expect(after.body['items']).toHaveLength(DEMO_PROPOSALS.length);
  }, 600_000);
});

describe('the quality-monitoring demo (its data)', () => {
  const reviewsOf = (demo: (typeof DEMO_PROPOSALS)[number]): DemoReview[] =>
    [demo.review, demo.resubmission?.review].filter((r): r is DemoReview => r !== undefined);
  const definitionOf = (demo: (typeof DEMO_PROPOSALS)[number]): ProposalDefinition => ({
    ...demo.proposal,
    partnerInstitutionIds: [],
  });

  it('covers a year (December 2025 to November 2026) from several departments, countries and instruments', () => {
    const starts = DEMO_PROPOSALS.map((d) => d.proposal.plannedStart);
    for (const start of starts) expect(start >= '2025-12-01' && start <= '2026-11-30').toBe(true);
    expect(new Set(starts.map((s) => s.slice(0, 7))).size).toBeGreaterThanOrEqual(10);
    expect(new Set(DEMO_PROPOSALS.map((d) => d.proposal.department)).size).toBeGreaterThanOrEqual(
      6,
    );
    expect(
      new Set(DEMO_PROPOSALS.flatMap((d) => d.proposal.countries)).size,
    ).toBeGreaterThanOrEqual(12);
    expect(new Set(DEMO_PROPOSALS.map((d) => d.proposal.financialComponent.instrument))).toEqual(
      new Set(FINANCIAL_INSTRUMENTS),
    );
  });

  it('gives every decision kind, one and two reviewers, and a second reviewer wherever the policy requires one', () => {
    const decisions = DEMO_PROPOSALS.flatMap((d) => reviewsOf(d).map((r) => r.decision?.decision));
    for (const kind of REVIEW_DECISIONS) expect(decisions).toContain(kind);
    const reviewerCounts = new Set(
      DEMO_PROPOSALS.flatMap((d) => reviewsOf(d)).map((r) => r.reviewers.length),
    );
    expect(reviewerCounts).toEqual(new Set([1, 2]));
    for (const demo of DEMO_PROPOSALS) {
      const resubmitted = { ...definitionOf(demo), ...demo.resubmission?.changes };
      if (demo.review && secondReviewerRequired(definitionOf(demo), POLICY))
        expect(demo.review.reviewers).toHaveLength(2);
      if (demo.resubmission && secondReviewerRequired(resubmitted, POLICY))
        expect(demo.resubmission.review.reviewers).toHaveLength(2);
      for (const review of reviewsOf(demo))
        if (review.decision?.decision === 'approved-with-conditions')
          expect(review.decision.conditions?.length).toBeGreaterThan(0);
    }
    // A resubmission follows a revise-and-resubmit decision, and is decided again.
    for (const demo of DEMO_PROPOSALS.filter((d) => d.resubmission)) {
      expect(demo.review?.decision?.decision).toBe('revise-and-resubmit');
      expect(demo.resubmission?.review.decision).toBeDefined();
    }
  });

  it('has proposals the rules flag (direct lending, pricing, no exit strategy), and none of them approved', () => {
    const flagged = DEMO_PROPOSALS.map((demo) => ({
      demo,
      flags: redFlagsOf(definitionOf(demo), [], POLICY.thresholds).map((f) => f.flag),
    }));
    const all = new Set(flagged.flatMap((f) => f.flags));
    expect(all).toEqual(
      new Set(['direct-lending', 'pricing-prevents-cost-recovery', 'no-exit-strategy']),
    );
    for (const { demo } of flagged.filter((f) => f.flags.length > 0))
      expect(['approved', 'approved-with-conditions']).not.toContain(
        demo.review?.decision?.decision,
      );
    // And two chosen for their partner's weak figures (PAR30, OSS).
    expect(
      DEMO_PROPOSALS.map((d) => d.partners.weakest)
        .filter(Boolean)
        .sort(),
    ).toEqual(['oss', 'par30']);
  });
});
