/**
 * Demo data for quality monitoring, given through the public API of a running
 * platform as the departments and the unit's reviewers would: a year of
 * proposals with financial components from several departments, countries and
 * instruments, the knowledge base's institutions as partners, reviewed by one
 * or two of the unit's reviewers (reconciled when they diverge), with every
 * kind of decision, red flags, resubmissions after revise-and-resubmit,
 * a withdrawal, and linkages to the unit's other tools accepted and dismissed.
 * Each command is recorded as the past fact it is (X-SFP-Occurred-At): a
 * proposal is submitted four months before its planned start, reviewed and
 * decided over the following weeks (the first ones in 2025, the later ones in
 * 2026); the linkages are accepted as the service suggests them, now.
 * Run the knowledge base's seed first (the partners are its institutions), and
 * the training and research seeds for their tools to be suggested.
 */
import {
  divergentCriteria,
  type CriterionRating,
  type ProposalDefinition,
  type ReviewPolicy,
} from '@sfp/contracts';
import {
  DEMO_PROPOSALS,
  QUALITY_COORDINATOR,
  type DemoProposal,
  type DemoReview,
} from './quality-demo-data';
import { AsyncLocalStorage } from 'node:async_hooks';
import { inParallel } from '@sfp/knowledge-base';
import { daysAfter, occurredAtHeader, workingTime } from './past-facts';

export interface SeedQualityOptions {
  /** The platform's root, e.g. http://127.0.0.1:3000 (the API is under /api/quality-monitoring). */
  baseUrl: string;
  /** The credentials of a seeded person (the coordinator, a reviewer, a department's officer): each acts as themselves. */
  credentialsOf: (actor: string) => Promise<Record<string, string>>;
  log?: (line: string) => void;
  /** How long to wait for quality monitoring to know the knowledge base's institutions (default 60 s). */
  partnerWaitMs?: number;
  /** How long to wait for a proposal's first linkage suggestions (default 10 s): none, none accepted. */
  linkageWaitMs?: number;
  /** The real time (default: the system clock): the history is recorded before it. */
  now?: Date;
}

export interface SeedQualityResult {
  proposals: number;
  /** New versions after revise-and-resubmit. */
  resubmissions: number;
  /** Reviews submitted by a reviewer (two per review above the budget threshold). */
  reviewsSubmitted: number;
  reconciliations: number;
  /** Decisions by kind (approved, approved-with-conditions, revise-and-resubmit, rejected). */
  decisions: Record<string, number>;
  withdrawn: number;
  linkagesAccepted: number;
  linkagesDismissed: number;
  /** The proposal ids by title. */
  proposalIds: Record<string, string>;
  /** Position of the last event recorded: read the views with minPosition to see it all. */
  position: number;
  /** True when every demo proposal was already there: nothing was given. */
  alreadySeeded: boolean;
}

type Json = Record<string, unknown>;

interface KnowledgeBaseInstitution {
  institutionId: string;
  name: string;
  country: string;
  region: string;
  status: string;
  latest?: { ratios?: Record<string, { value: number | null }> };
}

/** What a reviewer writes beside a criterion rated at the bottom of the scale. */
const LOW_RATING_COMMENTS: Record<string, string> = {
  'decent-work-relevance': 'The link between the finance and the decent-work deficit is not shown',
  channel: 'Money lent by the project itself, not through a specialised provider',
  'pricing-and-cost-recovery': 'The price does not let the provider recover its costs',
  'partner-appraisal': 'The partner’s latest figures are weak: see its PAR30 and OSS',
  'instrument-fit': 'The instrument is not argued against the alternatives',
  'performance-based-agreement': 'No targets or tranches in the agreement with the partner',
  'monitoring-plan': 'Indicators without baselines or sex-disaggregated data',
  'constituent-involvement': 'The constituents are named but have no role',
  gender: 'No target for women clients',
  'exit-strategy': 'No exit strategy',
};

export async function seedQuality(options: SeedQualityOptions): Promise<SeedQualityResult> {
  const root = options.baseUrl.replace(/\/$/, '');
  const api = `${root}/api/quality-monitoring`;
  const log = options.log ?? (() => undefined);
  const result: SeedQualityResult = {
    proposals: 0,
    resubmissions: 0,
    reviewsSubmitted: 0,
    reconciliations: 0,
    decisions: {},
    withdrawn: 0,
    linkagesAccepted: 0,
    linkagesDismissed: 0,
    proposalIds: {},
    position: 0,
    alreadySeeded: false,
  };

  const now = options.now ?? new Date();
  /** The proposal's time line: each command some working days after the one before (never now or later). */
  // Each proposal's story on its own time line (several proposals at a time).
  const timelines = new AsyncLocalStorage<{ clock?: Date; daysToNext: number }>();
  const outside: { clock?: Date; daysToNext: number } = { daysToNext: 0 };
  const line = () => timelines.getStore() ?? outside;
  const call = async <T = Json>(
    method: 'GET' | 'POST',
    url: string,
    actor: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    let at: Date | undefined;
    const timeline = line();
    if (timeline.clock && method === 'POST') {
      const next = workingTime(daysAfter(timeline.clock, timeline.daysToNext));
      if (next.getTime() < now.getTime() - 3_600_000) timeline.clock = next;
      at = timeline.clock;
      timeline.daysToNext = 2;
    }
    const response = await fetch(url, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(await options.credentialsOf(actor)),
        ...(at ? occurredAtHeader(at) : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  };
  const get = async <T = Json>(url: string, actor = QUALITY_COORDINATOR): Promise<T> => {
    const answer = await call<T>('GET', url, actor);
    if (answer.status !== 200)
      throw new Error(`GET ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const post = async <T = Json>(path: string, body: unknown, actor: string): Promise<T> => {
    const answer = await call<T>('POST', `${api}${path}`, actor, body);
    if (answer.status !== 200 && answer.status !== 201)
      throw new Error(
        `POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`,
      );
    const position = (answer.body as { position?: unknown }).position;
    if (typeof position === 'number') result.position = Math.max(result.position, position);
    return answer.body;
  };

  // What is there already: a second run gives nothing again.
  const existing = new Set<string>();
  for (let cursor: string | undefined, first = true; first || cursor; first = false) {
    const page = await get<{ items: Array<{ title: string }>; nextCursor?: string }>(
      `${api}/proposals?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    for (const item of page.items) existing.add(item.title);
    cursor = page.nextCursor;
  }
  const toSeed = DEMO_PROPOSALS.filter((demo) => !existing.has(demo.proposal.title));
  if (toSeed.length === 0) {
    log('quality monitoring: the demo proposals are already there; nothing given');
    return { ...result, alreadySeeded: true };
  }

  const policy = await get<ReviewPolicy>(`${api}/review-policy`);
  const institutions = await knowledgeBaseInstitutions();
  await inParallel(
    toSeed.map((demo) => async () => {
      const partnerInstitutionIds = partnersOf(demo, institutions);
      for (const id of partnerInstitutionIds) await untilQualityMonitoringKnows(id);
      await timelines.run({ daysToNext: 0 }, () => seedProposal(demo, partnerInstitutionIds));
    }),
    4,
  );
  const decided = Object.entries(result.decisions)
    .map(([decision, count]) => `${count} ${decision}`)
    .join(', ');
  log(
    `quality monitoring: ${result.proposals} proposals, ${result.resubmissions} resubmissions, ` +
      `decisions: ${decided}; ${result.linkagesAccepted} linkages accepted, ${result.linkagesDismissed} dismissed`,
  );
  return result;

  /** The knowledge base's institutions (its seed registered them). */
  async function knowledgeBaseInstitutions(): Promise<KnowledgeBaseInstitution[]> {
    const all: KnowledgeBaseInstitution[] = [];
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      const page = await get<{ items: KnowledgeBaseInstitution[]; nextCursor?: string }>(
        `${root}/api/knowledge-base/institutions?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    if (all.length === 0)
      throw new Error(
        'The knowledge base has no institutions: run its seed first (the partners are its institutions)',
      );
    return all;
  }

  /**
   * One active institution per partner country within the policy's thresholds
   * (the first listed), else one of the same region, else any; for the partner red flags, the active institution whose
   * latest report is the weakest on that ratio (PAR30 highest, OSS lowest).
   */
  function partnersOf(demo: DemoProposal, all: KnowledgeBaseInstitution[]): string[] {
    const active = all.filter((i) => i.status === 'active');
    const ratio = (i: KnowledgeBaseInstitution, key: string) => i.latest?.ratios?.[key]?.value;
    if (demo.partners.weakest) {
      const key = demo.partners.weakest;
      const weakest = active
        .filter((i) => typeof ratio(i, key) === 'number')
        .sort((a, b) =>
          key === 'par30'
            ? (ratio(b, key) ?? 0) - (ratio(a, key) ?? 0)
            : (ratio(a, key) ?? 0) - (ratio(b, key) ?? 0),
        )[0];
      if (weakest) return [weakest.institutionId];
    }
    // Otherwise a partner that raises no flag: the demo's approvals must not be blocked by chance.
    const { par30Max, ossMin } = policy.thresholds;
    const sound = active.filter(
      (i) => (ratio(i, 'par30') ?? 0) <= par30Max && (ratio(i, 'oss') ?? ossMin) >= ossMin,
    );
    const regionOf = (country: string) => all.find((i) => i.country === country)?.region;
    const chosen = demo.partners.countries.map(
      (country) =>
        sound.find((i) => i.country === country) ??
        sound.find((i) => i.region === regionOf(country)) ??
        sound[0],
    );
    const ids = chosen.flatMap((i) => (i ? [i.institutionId] : []));
    if (ids.length === 0)
      throw new Error(
        `No active knowledge-base institution within the red-flag thresholds for "${demo.proposal.title}"`,
      );
    return [...new Set(ids)];
  }

  /** Quality monitoring learns of institutions and their ratios from the knowledge base's events, a moment after. */
  async function untilQualityMonitoringKnows(institutionId: string): Promise<void> {
    const deadline = Date.now() + (options.partnerWaitMs ?? 60_000);
    for (;;) {
      const answer = await call('GET', `${api}/partners/${institutionId}`, QUALITY_COORDINATOR);
      if (answer.status === 200) return;
      if (answer.status !== 404)
        throw new Error(
          `GET /partners/${institutionId} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
        );
      if (Date.now() > deadline)
        throw new Error(
          `Quality monitoring has not learnt of the knowledge base's institution ${institutionId}: is it following sfp.knowledge-base.events?`,
        );
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async function seedProposal(demo: DemoProposal, partnerInstitutionIds: string[]): Promise<void> {
    const definition: ProposalDefinition = { ...demo.proposal, partnerInstitutionIds };
    const submittedAt = workingTime(daysAfter(`${demo.proposal.plannedStart}T09:00:00Z`, -120));
    line().clock = submittedAt.getTime() < now.getTime() ? submittedAt : undefined;
    line().daysToNext = 0;
    const { proposalId } = await post<{ proposalId: string }>(
      '/proposals',
      definition,
      demo.submitter,
    );
    result.proposals++;
    result.proposalIds[demo.proposal.title] = proposalId;
    const path = (action: string) => `/proposals/${proposalId}/${action}`;
    let outcome = 'submitted';

    if (demo.review) outcome = await review(demo.review);
    if (demo.resubmission && outcome === 'revise-and-resubmit') {
      line().daysToNext = 21;
      await post(
        path('resubmit'),
        {
          proposal: { ...definition, ...demo.resubmission.changes },
          changeNote: demo.resubmission.changeNote,
        },
        demo.submitter,
      );
      result.resubmissions++;
      outcome = `resubmitted, ${await review(demo.resubmission.review)}`;
    }
    if (demo.withdrawnBecause) {
      line().daysToNext = 10;
      await post(path('withdraw'), { reason: demo.withdrawnBecause }, demo.submitter);
      result.withdrawn++;
      outcome = 'withdrawn';
    }
    // The linkages are suggested by the service as it reads the proposal now: answered now.
    line().clock = undefined;
    if (demo.linkages) await link(demo.linkages);
    log(`quality monitoring: ${demo.proposal.title}: ${outcome}`);

    /** A review of the current version, as far as its story goes; answers where it stopped. */
    async function review(story: DemoReview): Promise<string> {
      // Reviewers are the platform's users: each account exists before it is assigned.
      for (const reviewer of story.reviewers) await options.credentialsOf(reviewer);
      await post(path('reviewers'), { reviewers: story.reviewers }, QUALITY_COORDINATOR);
      const ratingsOf = story.reviewers.map((_, i) => ratings(story.ratings[i] ?? { base: 3 }));
      if (story.stopsInDraft) {
        const [first] = story.reviewers;
        const draft = (ratingsOf[0] ?? []).slice(0, 4);
        if (first) await post(path('ratings'), { ratings: draft }, first);
        return 'under review (a draft saved)';
      }
      for (const [i, reviewer] of story.reviewers.entries()) {
        line().daysToNext = 4 + i;
        await post(
          path('review'),
          { ratings: ratingsOf[i], summary: summaryOf(ratingsOf[i] ?? []) },
          reviewer,
        );
        result.reviewsSubmitted++;
      }
      const [a, b] = ratingsOf;
      const divergent = a && b ? divergentCriteria(policy, a, b) : [];
      if (a && b && divergent.length > 0) {
        const agreed = a.map((rating) => {
          const other = b.find((r) => r.criterion === rating.criterion)?.rating ?? rating.rating;
          return {
            criterion: rating.criterion,
            rating: Math.round((rating.rating + other) / 2),
            comment: 'Agreed after discussing the partner’s audited statements',
          };
        });
        await post(
          path('reconciliation'),
          {
            ratings: agreed,
            note: `Reconciled on ${divergent.join(', ')} after a call between the reviewers`,
          },
          QUALITY_COORDINATOR,
        );
        result.reconciliations++;
      }
      if (story.stopsAfterReviews || !story.decision) return 'reviewed, awaiting the decision';
      const { decision, reasons, conditions } = story.decision;
      await post(
        path('decision'),
        { decision, reasons, conditions: conditions ?? [] },
        QUALITY_COORDINATOR,
      );
      result.decisions[decision] = (result.decisions[decision] ?? 0) + 1;
      return decision;
    }

    /** The suggestions as the service computes them now: the best ones accepted, the next dismissed. */
    async function link(plan: { accept: number; dismiss: number }): Promise<void> {
      const deadline = Date.now() + (options.linkageWaitMs ?? 10_000);
      let open: Array<{ toolRef: string; title: string; decision?: string }> = [];
      for (;;) {
        const answer = await get<{
          items: Array<{ toolRef: string; title: string; decision?: string }>;
        }>(`${api}${path('linkage-suggestions')}`);
        open = answer.items.filter((s) => !s.decision);
        if (open.length >= plan.accept + plan.dismiss || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      for (const suggestion of open.slice(0, plan.accept)) {
        await post(
          path('linkages'),
          {
            toolRef: suggestion.toolRef,
            note: 'Shared partner and themes: plan the work together',
          },
          QUALITY_COORDINATOR,
        );
        result.linkagesAccepted++;
      }
      for (const suggestion of open.slice(plan.accept, plan.accept + plan.dismiss)) {
        await post(
          `${path('linkages')}/dismiss`,
          {
            toolRef: suggestion.toolRef,
            reason: 'Same region, but a different target group and timing',
          },
          QUALITY_COORDINATOR,
        );
        result.linkagesDismissed++;
      }
    }
  }

  /** A reviewer's rating of every criterion of the policy in force. */
  function ratings(story: { base: number; criteria?: Record<string, number> }): CriterionRating[] {
    const { min, max } = policy.scale;
    return policy.criteria.map(({ criterion }) => {
      const step = story.criteria?.[criterion] ?? story.base;
      const rating = Math.min(max, Math.max(min, min + step));
      const comment = rating <= min + 1 ? LOW_RATING_COMMENTS[criterion] : undefined;
      return { criterion, rating, ...(comment ? { comment } : {}) };
    });
  }

  function summaryOf(given: CriterionRating[]): string {
    const low = given.filter((r) => r.comment).map((r) => r.comment);
    return low.length
      ? `Weak points: ${low.join('; ')}.`
      : 'A sound proposal on every criterion of the checklist.';
  }
}
