import 'reflect-metadata';
import type { Request, Response } from 'express';
import type { TSchema } from '@sinclair/typebox';
import type { JsonSchema } from '@sfp/auth';
import { newEventId, type CommandContext } from '@sfp/event-sourcing';
import { expectConforms } from '@sfp/testing';
import { partnerInstitutionStreamId } from './innovation-research.context';
import { PartnerInstitutionNoted } from './partner-institution/domain/partner-institution.events';
import { abandonResearchProject } from './research-project/application/abandon-project/abandon-project.use-case';
import { advanceResearchPhase } from './research-project/application/advance-phase/advance-phase.use-case';
import { approveInnovationDesign } from './research-project/application/approve-innovation-design/approve-innovation-design.use-case';
import { approveResearchProject } from './research-project/application/approve-project/approve-project.use-case';
import { closeResearchProject } from './research-project/application/close-project/close-project.use-case';
import { completeResearchMilestone } from './research-project/application/complete-milestone/complete-milestone.use-case';
import { planResearchMilestone } from './research-project/application/plan-milestone/plan-milestone.use-case';
import { ProposeResearchProjectController } from './research-project/application/propose-project/propose-project.http.controller';
import { publishResearchFindings } from './research-project/application/publish-findings/publish-findings.use-case';
import { recordResearchCostBenefit } from './research-project/application/record-cost-benefit/record-cost-benefit.use-case';
import { recordResearchFinding } from './research-project/application/record-finding/record-finding.use-case';
import { recordResearchRecommendations } from './research-project/application/record-recommendations/record-recommendations.use-case';
import { recordResearchSurveyRound } from './research-project/application/record-survey-round/record-survey-round.use-case';
import { rescheduleResearchMilestone } from './research-project/application/reschedule-milestone/reschedule-milestone.use-case';
import {
  CostBenefitAnswerSchema,
  MilestonePlannedAnswerSchema,
  PublicationAnswerSchema,
  ResearchCommandResultSchema,
} from './research-project/application/research-project.answers';
import { researchCommandController } from './research-project/application/research-project.command-routes';
import type { ResearchProjects } from './research-project/application/research-projects';
import { resumeResearchProject } from './research-project/application/resume-project/resume-project.use-case';
import { reviseResearchProject } from './research-project/application/revise-project/revise-project.use-case';
import { suspendResearchProject } from './research-project/application/suspend-project/suspend-project.use-case';
import { researchPipeline } from './research-project/application/testing/research-pipeline';
import {
  COST_BENEFIT,
  findingBody,
  PARTNER_BANK,
  projectBody,
  UNKNOWN_INSTITUTION,
} from './research-project/application/testing/research-requests';
import {
  PhaseGuardError,
  UnknownPartnerInstitutionError,
} from './research-project/domain/research-project.errors';

type Json = Record<string, unknown>;

/** A route's controller as the tests call it: its one method, with params, context and body. */
type Route = { run(params: object, context: CommandContext, body?: object): Promise<Json> };

function response(): Response & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return {
    headers,
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
  } as unknown as Response & { headers: Record<string, string> };
}
const toProjects = { baseUrl: '/api/innovation-research', path: '/projects' } as unknown as Request;

/**
 * The bodies the research command routes answer, produced by their
 * controllers over a real command pipeline and event store, conform to the
 * schemas the OpenAPI document gives for them; and a project goes through its
 * phases with its guards, its cost-benefit analysis and its publications.
 */
describe('research route answers and their schemas', () => {
  let now = new Date('2025-02-10T09:00:00Z');
  const context: CommandContext = {
    correlationId: 'corr-research-answers',
    actor: { kind: 'person', id: 'researcher-1' },
  };
  const { store, projects } = researchPipeline(() => now);
  const answers: Array<{ schema: TSchema; answer: Json }> = [];
  const keep = (schema: TSchema | JsonSchema, answer: object): Json => {
    answers.push({ schema: schema as TSchema, answer: answer as Json });
    return answer as Json;
  };
  const on = (useCase: Parameters<typeof researchCommandController>[0]) =>
    new (researchCommandController(useCase) as unknown as new (p: ResearchProjects) => Route)(
      projects,
    );
  const propose = new ProposeResearchProjectController(projects);

  beforeAll(async () => {
    await store.append(partnerInstitutionStreamId(PARTNER_BANK), 'any', [
      {
        eventId: newEventId(),
        type: PartnerInstitutionNoted.type,
        schemaVersion: 1,
        data: {
          institutionId: PARTNER_BANK,
          name: 'Crédit Mutuel du Sénégal',
          country: 'SN',
          status: 'active',
          sourceEventType: 'knowledge-base.InstitutionRegistered',
          sourceEventId: newEventId(),
          sourceOccurredAt: '2025-01-20T10:00:00.000Z',
        },
        metadata: {
          correlationId: 'corr-kb',
          actor: { kind: 'system', id: 'sfp-platform' },
          occurredAt: '2025-01-20T10:00:00.000Z',
        },
      },
    ]);
  });

  it('refuses a partner institution the knowledge base has not published, naming its field', async () => {
    const error = await propose
      .propose(
        projectBody({ partnerInstitutionIds: [PARTNER_BANK, UNKNOWN_INSTITUTION] }),
        context,
        toProjects,
        response(),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownPartnerInstitutionError);
    expect((error as UnknownPartnerInstitutionError).problems).toEqual([
      expect.objectContaining({ field: 'partnerInstitutionIds.1' }),
    ]);
  });

  it('moves a project through every phase, each answer as its schema says', async () => {
    const res = response();
    const proposed = keep(
      ResearchCommandResultSchema,
      await propose.propose(projectBody(), context, toProjects, res),
    );
    const id = proposed['projectId'] as string;
    expect(res.headers['location']).toBe(`/api/innovation-research/projects/${id}`);
    expect(proposed['streamVersion']).toBe(1);
    const step = async (useCase: Parameters<typeof on>[0], body?: object) =>
      keep(
        useCase.schema ?? ResearchCommandResultSchema,
        await on(useCase).run({ id }, context, body),
      );
    const advance = (to: string) => step(advanceResearchPhase, { to });

    await step(reviseResearchProject, {
      project: projectBody({ budget: 500000 }),
      reason: 'A larger sample in the second region',
    });
    await step(approveResearchProject, { note: 'Research committee, 10 February 2025' });
    await advance('diagnostic-survey');
    await advance('innovation-design');
    await expect(advance('baseline-survey')).rejects.toBeInstanceOf(PhaseGuardError);
    await step(approveInnovationDesign, { note: 'Product terms agreed with the partner bank' });
    await advance('baseline-survey');

    const planned = await step(planResearchMilestone, {
      phase: 'baseline-survey',
      title: 'Baseline dataset cleaned and archived',
      plannedOn: '2025-06-30',
    });
    const milestoneId = planned['milestoneId'] as string;
    const milestone = { id, milestoneId };
    keep(
      ResearchCommandResultSchema,
      await on(rescheduleResearchMilestone).run(milestone, context, {
        plannedOn: '2025-07-31',
        reason: 'Fieldwork paused during Tabaski',
      }),
    );
    now = new Date('2025-08-04T09:00:00Z');
    await step(recordResearchSurveyRound, {
      kind: 'baseline',
      number: 0,
      completedOn: '2025-07-28',
      sample: { treatment: 1200, comparison: 1180 },
    });
    keep(
      ResearchCommandResultSchema,
      await on(completeResearchMilestone).run(milestone, context, {
        completedOn: '2025-08-02',
        deliverables: [
          {
            title: 'Baseline report',
            kind: 'report',
            url: 'https://docs.example.org/research/sn-crop-baseline.pdf',
          },
        ],
      }),
    );
    await advance('pilot');
    await advance('follow-up-survey');
    await expect(advance('impact-analysis')).rejects.toBeInstanceOf(PhaseGuardError);
    now = new Date('2026-08-10T09:00:00Z');
    await step(recordResearchSurveyRound, {
      kind: 'follow-up',
      number: 1,
      completedOn: '2026-07-31',
      sample: { treatment: 1150, comparison: 1130 },
    });
    await advance('impact-analysis');
    await step(recordResearchFinding, findingBody());
    await expect(advance('cost-benefit-analysis')).rejects.toBeInstanceOf(PhaseGuardError);
    // A null result on H2, its interval computed from the standard error.
    await step(
      recordResearchFinding,
      findingBody({
        hypothesisId: 'H2',
        verdict: 'not-supported',
        effect: { size: 12000, unit: 'CFA francs', standardError: 15000 },
      }),
    );
    await advance('cost-benefit-analysis');
    await expect(
      step(publishResearchFindings, { summary: 'Children work less in insured households' }),
    ).rejects.toBeInstanceOf(PhaseGuardError);

    const analysed = await step(recordResearchCostBenefit, COST_BENEFIT);
    const result = analysed['result'] as Record<string, number>;
    expect(Math.abs((result['netPresentValue'] as number) - 900)).toBeLessThan(1e-9);
    expect(Math.abs((result['benefitCostRatio'] as number) - 1.5625)).toBeLessThan(1e-9);
    await step(recordResearchRecommendations, {
      recommendations: [
        {
          audience: 'policy',
          text: 'Subsidise index insurance premiums where child labour is high',
        },
        { audience: 'practice', text: 'Bundle index insurance with group loans' },
      ],
    });
    const first = await step(publishResearchFindings, {
      summary: 'Insured households cut children’s work by 1.8 hours a week; assets unchanged.',
    });
    expect(first['publicationVersion']).toBe(1);
    await step(closeResearchProject, { note: 'Final report delivered to the donor' });
    const correction = await step(publishResearchFindings, {
      summary: 'Insured households cut children’s work by 1.8 hours a week; assets unchanged.',
      correctionReason: 'The comparison group’s sample size was misreported',
    });
    expect(correction['publicationVersion']).toBe(2);

    const published = (await store.readStream(`research-project-${id}`)).filter(
      (event) => event.type === 'innovation-research.FindingsPublished',
    );
    expect(published.map((e) => (e.data as { publication: Json }).publication['version'])).toEqual([
      1, 2,
    ]);
  });

  it('suspends, resumes and abandons a project, and it still publishes what it learnt', async () => {
    const proposed = await propose.propose(projectBody(), context, toProjects, response());
    const id = proposed.projectId;
    const run = (useCase: Parameters<typeof on>[0], body?: object) =>
      on(useCase).run({ id }, context, body);
    await run(approveResearchProject, {});
    keep(
      ResearchCommandResultSchema,
      await run(suspendResearchProject, { reason: 'The partner bank’s licence is under review' }),
    );
    keep(ResearchCommandResultSchema, await run(resumeResearchProject));
    keep(
      ResearchCommandResultSchema,
      await run(abandonResearchProject, { reason: 'The partner bank withdrew the product' }),
    );
    await expect(
      run(publishResearchFindings, { summary: 'Nothing was learnt before the bank withdrew' }),
    ).rejects.toBeInstanceOf(PhaseGuardError);
    await run(recordResearchRecommendations, {
      recommendations: [
        { audience: 'practice', text: 'Secure the partner’s licence before the baseline survey' },
      ],
    });
    const published = keep(
      PublicationAnswerSchema,
      await run(publishResearchFindings, {
        summary: 'What the diagnostic survey taught before the partner bank withdrew',
      }),
    );
    expect(published['publicationVersion']).toBe(1);
  });

  it('every answer kept conforms to its schema', () => {
    expect(answers.length).toBeGreaterThan(20);
    for (const { schema, answer } of answers) expectConforms(schema, answer);
    const schemas = new Set(answers.map((a) => a.schema));
    for (const schema of [
      ResearchCommandResultSchema,
      MilestonePlannedAnswerSchema,
      CostBenefitAnswerSchema,
      PublicationAnswerSchema,
    ])
      expect(schemas.has(schema)).toBe(true);
  });
});
