/**
 * Demo data for innovation research, given through the public API of a
 * running platform as the unit's researchers would: a portfolio of action-
 * research projects (2023 to 2026) with the knowledge base's institutions as
 * partners, taken through their phases with milestones (met, late,
 * rescheduled, open past their date), survey rounds, findings with intervals
 * and samples (one null result), cost-benefit analyses, recommendations,
 * publications (one corrected), one project suspended and one abandoned that
 * publishes what it learnt. Each command is recorded as the past fact it is
 * (X-SFP-Occurred-At): a project is proposed months before its first
 * milestone, a milestone completed, a survey round fielded on their dates,
 * the findings and publications after the last round.
 * Run the knowledge base's seed first: the partners are its institutions.
 */
import { NEXT_PHASE, type ResearchPhase } from '@sfp/contracts';
import { randomFrom } from '@sfp/knowledge-base';
import {
  DEMO_RESEARCH_PROJECTS,
  RESEARCH_COORDINATOR,
  deliverableUrl,
  type DemoFinding,
  type DemoResearchProject,
} from './research-demo-data';
import { daysAfter, occurredAtHeader, workingTime } from './past-facts';

export interface SeedResearchOptions {
  /** The platform's root, e.g. http://127.0.0.1:3000 (the API is under /api/innovation-research). */
  baseUrl: string;
  /** Seed of the pseudo-random choices (the samples each round fields): the same seed gives the same data. */
  seed: number;
  /** The credentials of a seeded person (the coordinator, an investigator): each acts as themselves. */
  credentialsOf: (actor: string) => Promise<Record<string, string>>;
  log?: (line: string) => void;
  /** The real time (default: the system clock): the history is recorded before it. */
  now?: Date;
  /** How long to wait for research to know the knowledge base's institutions (default 60 s). */
  partnerWaitMs?: number;
}

export interface SeedResearchResult {
  projects: number;
  milestones: number;
  surveyRounds: number;
  findings: number;
  costBenefitAnalyses: number;
  /** Publications made, corrections included. */
  publications: number;
  /** Position of the last event recorded: read the views with minPosition to see it all. */
  position: number;
  /** True when every demo project was already there: nothing was given. */
  alreadySeeded: boolean;
}

type Json = Record<string, unknown>;

interface KnowledgeBaseInstitution {
  institutionId: string;
  name: string;
  country: string;
  region: string;
  status: string;
}

export async function seedResearch(options: SeedResearchOptions): Promise<SeedResearchResult> {
  const root = options.baseUrl.replace(/\/$/, '');
  const api = `${root}/api/innovation-research`;
  const log = options.log ?? (() => undefined);
  const random = randomFrom(options.seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const result: SeedResearchResult = {
    projects: 0,
    milestones: 0,
    surveyRounds: 0,
    findings: 0,
    costBenefitAnalyses: 0,
    publications: 0,
    position: 0,
    alreadySeeded: false,
  };

  const now = options.now ?? new Date();
  /**
   * The project's time line: each command a little after the one before, or the
   * day after the date it reports (a milestone met, a round fielded), never now or later.
   */
  let clock: Date | undefined;
  const moment = (on?: string): Date | undefined => {
    if (!clock) return undefined;
    const next = new Date(clock.getTime() + 20 * 60_000);
    const dated = on ? workingTime(daysAfter(`${on}T09:00:00Z`, 1)) : next;
    const at = dated > next ? dated : next;
    clock = at.getTime() < now.getTime() - 3_600_000 ? at : clock;
    return clock;
  };
  let occurredOn: string | undefined;
  const call = async <T = Json>(
    method: 'GET' | 'POST',
    url: string,
    actor: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const at = method === 'POST' ? moment(occurredOn) : undefined;
    occurredOn = undefined;
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
  const get = async <T = Json>(url: string, actor = RESEARCH_COORDINATOR): Promise<T> => {
    const answer = await call<T>('GET', url, actor);
    if (answer.status !== 200)
      throw new Error(`GET ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  /** A command; `on`: the date of what it reports (recorded the working day after). */
  const post = async <T = Json>(
    path: string,
    body: unknown,
    actor: string,
    on?: string,
  ): Promise<T> => {
    occurredOn = on;
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
      `${api}/projects?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    for (const item of page.items) existing.add(item.title);
    cursor = page.nextCursor;
  }
  const toSeed = DEMO_RESEARCH_PROJECTS.filter((demo) => !existing.has(demo.project.title));
  if (toSeed.length === 0) {
    log('research: the demo projects are already in the portfolio; nothing given');
    return { ...result, alreadySeeded: true };
  }

  const institutions = await knowledgeBaseInstitutions();
  for (const demo of toSeed) {
    const partnerInstitutionIds = partnersOf(demo, institutions);
    for (const id of partnerInstitutionIds) await untilResearchKnows(id);
    await seedProject(demo, partnerInstitutionIds);
  }
  log(
    `research: ${result.projects} projects, ${result.milestones} milestones, ${result.findings} findings, ` +
      `${result.publications} publications`,
  );
  return result;

  /** The knowledge base's institutions, by name (its seed registered them). */
  async function knowledgeBaseInstitutions(): Promise<KnowledgeBaseInstitution[]> {
    const all: KnowledgeBaseInstitution[] = [];
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      const page = await get<{ items: KnowledgeBaseInstitution[]; nextCursor?: string }>(
        `${root}/api/knowledge-base/institutions?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
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

  /** One active institution per partner country (the first by name), else one of the region's. */
  function partnersOf(demo: DemoResearchProject, all: KnowledgeBaseInstitution[]): string[] {
    const active = all.filter((i) => i.status === 'active');
    const chosen = demo.partnerCountries.map(
      (country) =>
        active.find((i) => i.country === country) ?? active.find((i) => i.region === demo.region),
    );
    const ids = chosen.flatMap((i) => (i ? [i.institutionId] : []));
    if (ids.length === 0)
      throw new Error(
        `No active knowledge-base institution in ${demo.partnerCountries.join(', ')} or its region for "${demo.project.title}"`,
      );
    return [...new Set(ids)];
  }

  /** Research learns of institutions from the knowledge base's events, a moment after they happen. */
  async function untilResearchKnows(institutionId: string): Promise<void> {
    const deadline = Date.now() + (options.partnerWaitMs ?? 60_000);
    for (;;) {
      const answer = await call(
        'GET',
        `${api}/partner-institutions/${institutionId}`,
        RESEARCH_COORDINATOR,
      );
      if (answer.status === 200) return;
      if (answer.status !== 404)
        throw new Error(
          `GET /partner-institutions/${institutionId} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
        );
      if (Date.now() > deadline)
        throw new Error(
          `Research has not learnt of the knowledge base's institution ${institutionId}: is it following sfp.knowledge-base.events?`,
        );
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async function seedProject(
    demo: DemoResearchProject,
    partnerInstitutionIds: string[],
  ): Promise<void> {
    const pi = demo.investigator;
    // Proposed five months before its first dated step, approved a fortnight later.
    const dates = [
      ...demo.milestones.map((m) => m.plannedOn),
      ...(demo.baselineOn ? [demo.baselineOn] : []),
    ].sort();
    const firstDate = dates[0] ?? '2025-06-02';
    const proposedAt = workingTime(daysAfter(`${firstDate}T09:00:00Z`, -150));
    clock =
      proposedAt.getTime() < now.getTime()
        ? new Date(proposedAt.getTime() - 20 * 60_000)
        : undefined;
    const { projectId } = await post<{ projectId: string }>(
      '/projects',
      { ...demo.project, partnerInstitutionIds },
      pi,
    );
    const path = (action: string) => `/projects/${projectId}/${action}`;
    result.projects++;
    if (demo.reaches === 'proposed') {
      log(`research: ${demo.project.title} proposed`);
      return;
    }
    await post(
      path('approve'),
      { note: 'Approved by the research committee: in the unit’s research agenda' },
      RESEARCH_COORDINATOR,
      daysAfter(proposedAt, 13).toISOString().slice(0, 10),
    );
    const milestoneIds = new Map<number, string>();
    for (const [index, milestone] of demo.milestones.entries()) {
      const { milestoneId } = await post<{ milestoneId: string }>(
        path('milestones'),
        { phase: milestone.phase, title: milestone.title, plannedOn: milestone.plannedOn },
        pi,
      );
      milestoneIds.set(index, milestoneId);
      result.milestones++;
    }

    // The samples the rounds fielded: the planned sample less some attrition, a little more each round.
    const planned = demo.plannedSample ?? { treatment: 300, comparison: 300 };
    const fielded = (round: number) => ({
      treatment: Math.round(planned.treatment * (1 - round * 0.04 - between(0, 30) / 1000)),
      comparison: Math.round(planned.comparison * (1 - round * 0.05 - between(0, 30) / 1000)),
    });
    const rounds = new Map<number, { treatment: number; comparison: number }>();

    let phase: ResearchPhase = 'approved';
    for (;;) {
      await workIn(phase);
      const next: ResearchPhase | undefined = NEXT_PHASE[phase];
      if (phase === demo.reaches || !next) break;
      await post(path('advance'), { to: next }, pi);
      phase = next;
    }

    if (demo.publication && !demo.abandonedBecause) {
      await post(path('publish'), { summary: demo.publication.summary }, pi);
      result.publications++;
      if (demo.correction) {
        for (const finding of demo.correction.findings) await recordFinding(finding);
        await post(
          path('publish'),
          { summary: demo.correction.summary, correctionReason: demo.correction.reason },
          pi,
        );
        result.publications++;
      }
      if (demo.closedNote)
        await post(path('close'), { note: demo.closedNote }, RESEARCH_COORDINATOR);
    }
    if (demo.suspendedBecause) {
      await post(path('suspend'), { reason: demo.suspendedBecause }, pi);
    }
    if (demo.abandonedBecause) {
      await post(path('abandon'), { reason: demo.abandonedBecause }, RESEARCH_COORDINATOR);
      // What it learnt: the findings it has, its recommendations, then published.
      for (const finding of demo.findings ?? []) await recordFinding(finding);
      if (demo.recommendations)
        await post(path('recommendations'), { recommendations: demo.recommendations }, pi);
      if (demo.publication) {
        await post(path('publish'), { summary: demo.publication.summary }, pi);
        result.publications++;
      }
    }
    clock = undefined;
    log(
      `research: ${demo.project.title}: ${
        demo.abandonedBecause ? 'abandoned' : demo.suspendedBecause ? 'suspended' : phase
      }`,
    );

    /** The work of one phase, as far as the project's story goes. */
    async function workIn(current: ResearchPhase): Promise<void> {
      if (current === 'innovation-design' && demo.designApproval)
        await post(path('approve-design'), { note: demo.designApproval }, RESEARCH_COORDINATOR);
      if (current === 'baseline-survey' && demo.baselineOn)
        await recordRound('baseline', 0, demo.baselineOn);
      if (current === 'follow-up-survey')
        for (const [i, on] of (demo.followUpsOn ?? []).entries())
          await recordRound('follow-up', i + 1, on);
      if (current === 'impact-analysis' && !demo.abandonedBecause)
        for (const finding of demo.findings ?? []) await recordFinding(finding);
      if (current === 'cost-benefit-analysis') {
        if (demo.costBenefit) {
          await post(path('cost-benefit'), demo.costBenefit, pi);
          result.costBenefitAnalyses++;
        }
        if (demo.recommendations)
          await post(path('recommendations'), { recommendations: demo.recommendations }, pi);
      }
      for (const [index, milestone] of demo.milestones.entries()) {
        if (milestone.phase !== current) continue;
        const milestoneId = milestoneIds.get(index) ?? '';
        if (milestone.rescheduled)
          await post(
            `${path('milestones')}/${milestoneId}/reschedule`,
            milestone.rescheduled,
            pi,
            // Rescheduled before the original date passed.
            daysAfter(`${milestone.plannedOn}T00:00:00Z`, -10).toISOString().slice(0, 10),
          );
        if (milestone.done)
          await post(
            `${path('milestones')}/${milestoneId}/complete`,
            {
              completedOn: milestone.done.completedOn,
              deliverables: milestone.done.deliverables.map((d) => ({
                ...d,
                url: deliverableUrl(projectId, d.title),
              })),
            },
            pi,
            milestone.done.completedOn,
          );
      }
    }

    async function recordRound(
      kind: 'baseline' | 'follow-up',
      number: number,
      completedOn: string,
    ): Promise<void> {
      const sample = fielded(number);
      rounds.set(number, sample);
      await post(path('survey-rounds'), { kind, number, completedOn, sample }, pi, completedOn);
      result.surveyRounds++;
    }

    /** A finding on the sample of its round, less the few with the indicator missing. */
    async function recordFinding(finding: DemoFinding): Promise<void> {
      const round = rounds.get(finding.surveyRound) ?? fielded(finding.surveyRound);
      const { hypothesisId, verdict, surveyRound, size, unit, standardError, confidenceInterval } =
        finding;
      await post(
        path('findings'),
        {
          hypothesisId,
          verdict,
          surveyRound,
          effect: {
            size,
            unit,
            ...(standardError !== undefined ? { standardError } : {}),
            ...(confidenceInterval ? { confidenceInterval } : {}),
          },
          sample: {
            treatment: round.treatment - between(0, 12),
            comparison: round.comparison - between(0, 12),
          },
          ...(finding.note ? { note: finding.note } : {}),
        },
        pi,
      );
      result.findings++;
    }
  }
}
