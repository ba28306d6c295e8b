import type { callerOf } from './known-records';

/** A project the research domain accepts: no partner institution, so a standalone service takes it too. */
const RESEARCH_PROJECT = {
  title: 'Savings groups for domestic workers in Metro Manila',
  researchQuestion:
    'Do savings groups with a mobile wallet raise the emergency savings of domestic workers?',
  hypotheses: [
    {
      hypothesisId: 'H1',
      statement: 'Members hold more emergency savings after a year',
      outcome: 'assets',
      indicator: 'Emergency savings in pesos',
      expectedDirection: 'increase',
    },
  ],
  innovation: {
    kind: 'delivery-channel',
    description: 'Savings groups run through a mobile wallet',
  },
  themes: ['vulnerability'],
  deficits: ['informality', 'social-protection-gaps'],
  partnerInstitutionIds: [],
  countries: ['PH'],
  design: { method: 'rct', unitOfRandomisation: 'barangay', clusters: 40 },
  currency: 'USD',
  budget: 250000,
  fundingSources: [{ kind: 'donor', funder: 'Government of Japan', amount: 250000 }],
  team: [{ name: 'Maria Santos', role: 'principal-investigator', organisation: 'ILO' }],
  plannedStart: '2025-02-03',
  plannedEnd: '2026-09-30',
};

const FINDING = {
  hypothesisId: 'H1',
  verdict: 'supported',
  surveyRound: 1,
  effect: { size: 1450, unit: 'pesos', confidenceInterval: { lower: 620, upper: 2280 } },
  sample: { treatment: 820, comparison: 805 },
};

const COST_BENEFIT = {
  currency: 'USD',
  horizonYears: 3,
  discountRate: 0.08,
  costs: [{ party: 'donor', label: 'Group facilitation', year: 0, amount: 90000 }],
  benefits: [{ party: 'clients', label: 'Emergency borrowing avoided', year: 1, amount: 70000 }],
};

/** Bodies of the research commands the domain accepts (in a project's right phase). */
export const RESEARCH_ACCEPTED_BODIES: Record<string, unknown> = {
  'POST /api/innovation-research/projects': RESEARCH_PROJECT,
  'POST /api/innovation-research/projects/{id}/revise': {
    project: RESEARCH_PROJECT,
    reason: 'Budget confirmed',
  },
  'POST /api/innovation-research/projects/{id}/advance': { to: 'diagnostic-survey' },
  'POST /api/innovation-research/projects/{id}/approve-design': { note: 'Design validated' },
  'POST /api/innovation-research/projects/{id}/survey-rounds': {
    kind: 'baseline',
    number: 0,
    completedOn: '2025-06-20',
    sample: { treatment: 850, comparison: 840 },
  },
  'POST /api/innovation-research/projects/{id}/milestones': {
    phase: 'diagnostic-survey',
    title: 'Diagnostic report',
    plannedOn: '2025-04-30',
  },
  'POST /api/innovation-research/projects/{id}/findings': FINDING,
  'POST /api/innovation-research/projects/{id}/cost-benefit': COST_BENEFIT,
  'POST /api/innovation-research/projects/{id}/recommendations': {
    recommendations: [{ audience: 'practice', text: 'Offer the wallet to every group' }],
  },
  'POST /api/innovation-research/projects/{id}/publish': {
    summary: 'Savings groups with a wallet raised emergency savings.',
  },
  'POST /api/innovation-research/projects/{id}/suspend': { reason: 'Typhoon season' },
  'POST /api/innovation-research/projects/{id}/abandon': { reason: 'Partner withdrew' },
};

/**
 * Two research projects: one proposed with a milestone, one taken through every
 * phase to its published findings (so every read route has something to show).
 */
export async function seedResearch(
  call: ReturnType<typeof callerOf>,
  admin: Record<string, string>,
  remember: (prefix: string, ...ids: unknown[]) => void,
  acceptedBodies: Record<string, unknown>,
): Promise<void> {
  Object.assign(acceptedBodies, RESEARCH_ACCEPTED_BODIES);
  const propose = async () => {
    const answer = await call('POST', '/api/innovation-research/projects', RESEARCH_PROJECT);
    expect(answer.status).toBe(201);
    remember('/api/innovation-research/projects/', answer.body?.projectId);
    return { id: answer.body?.projectId as string, version: answer.body?.streamVersion as number };
  };
  const proposed = await propose();
  const milestone = await call(
    'POST',
    `/api/innovation-research/projects/${proposed.id}/milestones`,
    RESEARCH_ACCEPTED_BODIES['POST /api/innovation-research/projects/{id}/milestones'],
    { ...admin, 'if-match': `"${proposed.version}"` },
  );
  if (milestone.status !== 200)
    throw new Error(`Planning a milestone: ${milestone.status} ${JSON.stringify(milestone.body)}`);
  remember('/api/innovation-research/projects/{id}/milestones/', milestone.body?.milestoneId);

  const project = await propose();
  let version = project.version;
  const step = async (path: string, body: unknown) => {
    const answer = await call(
      'POST',
      `/api/innovation-research/projects/${project.id}/${path}`,
      body,
      {
        ...admin,
        'if-match': `"${version}"`,
      },
    );
    if (answer.status !== 200)
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    version = answer.body?.streamVersion as number;
  };
  await step('approve', {});
  await step('advance', { to: 'diagnostic-survey' });
  await step('advance', { to: 'innovation-design' });
  await step('approve-design', { note: 'Design validated' });
  await step('advance', { to: 'baseline-survey' });
  await step(
    'survey-rounds',
    RESEARCH_ACCEPTED_BODIES['POST /api/innovation-research/projects/{id}/survey-rounds'],
  );
  await step('advance', { to: 'pilot' });
  await step('advance', { to: 'follow-up-survey' });
  await step('survey-rounds', {
    kind: 'follow-up',
    number: 1,
    completedOn: '2026-06-12',
    sample: { treatment: 820, comparison: 805 },
  });
  await step('advance', { to: 'impact-analysis' });
  await step('findings', FINDING);
  await step('advance', { to: 'cost-benefit-analysis' });
  await step('cost-benefit', COST_BENEFIT);
  await step(
    'recommendations',
    RESEARCH_ACCEPTED_BODIES['POST /api/innovation-research/projects/{id}/recommendations'],
  );
  await step(
    'publish',
    RESEARCH_ACCEPTED_BODIES['POST /api/innovation-research/projects/{id}/publish'],
  );
}
