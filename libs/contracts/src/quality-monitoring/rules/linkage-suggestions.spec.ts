import type { InterventionTool } from '../linkage';
import type { ProposalDefinition } from '../proposal';
import {
  linkageMatchOf,
  linkageReason,
  linkageScore,
  suggestLinkages,
} from './linkage-suggestions';

const proposal = {
  title: 'Guarantee fund for SACCO lending to women-led enterprises',
  countries: ['KE'],
  themes: ['cooperatives', 'gender'],
  partnerInstitutionIds: ['institution-ke-kuscco'],
  financialComponent: { instrument: 'guarantee-fund' },
} as ProposalDefinition;

const tool = (change: Partial<InterventionTool>): InterventionTool => ({
  toolRef: 'course:c-1',
  kind: 'course',
  toolId: 'c-1',
  context: 'training',
  title: 'Making microfinance work',
  themes: [],
  countries: [],
  regions: [],
  partnerInstitutionIds: [],
  instruments: [],
  active: true,
  updatedAt: '2026-01-15T10:00:00.000Z',
  ...change,
});

const everything = tool({
  toolRef: 'research-project:r-1',
  kind: 'research-project',
  toolId: 'r-1',
  context: 'innovation-research',
  title: 'Credit guarantees and SACCO lending to women in Kenya',
  themes: ['cooperatives', 'gender', 'youth'],
  countries: ['KE', 'UG'],
  partnerInstitutionIds: ['institution-ke-kuscco'],
  instruments: ['guarantee-fund', 'credit-line'],
});
const regional = tool({
  toolRef: 'programme:p-1',
  kind: 'programme',
  toolId: 'p-1',
  title: 'East African SACCO leadership programme',
  themes: ['cooperatives'],
  regions: ['africa'],
});
const elsewhere = tool({
  toolRef: 'practice-note:n-1',
  kind: 'practice-note',
  toolId: 'n-1',
  context: 'knowledge-base',
  title: 'Remittance-linked savings in Nepal',
  themes: ['migration-and-remittances'],
  countries: ['NP'],
  instruments: ['savings-scheme'],
});

describe('linkageMatchOf', () => {
  it('given a tool sharing everything, then themes, country, its region, partner and instrument', () => {
    expect(linkageMatchOf(proposal, everything)).toEqual({
      sharedThemes: ['cooperatives', 'gender'],
      sharedCountries: ['KE'],
      sharedRegions: ['africa'],
      sharedPartners: ['institution-ke-kuscco'],
      sharedInstruments: ['guarantee-fund'],
    });
  });

  it('given a regional tool, then the region of the proposal’s countries', () => {
    expect(linkageMatchOf(proposal, regional).sharedRegions).toEqual(['africa']);
    expect(linkageMatchOf(proposal, regional).sharedCountries).toEqual([]);
  });

  it('given a tool in another region with other themes, then nothing shared', () => {
    expect(linkageMatchOf(proposal, elsewhere)).toEqual({
      sharedThemes: [],
      sharedCountries: [],
      sharedRegions: [],
      sharedPartners: [],
      sharedInstruments: [],
    });
  });
});

describe('linkageScore', () => {
  it('given everything shared, then 1; nothing, 0', () => {
    expect(linkageScore(linkageMatchOf(proposal, everything), proposal)).toBe(1);
    expect(linkageScore(linkageMatchOf(proposal, elsewhere), proposal)).toBe(0);
  });

  it('given half the themes and the region only, then 0.15 + 0.1', () => {
    expect(linkageScore(linkageMatchOf(proposal, regional), proposal)).toBe(0.25);
  });
});

describe('linkageReason', () => {
  it('says in words what is shared, with names not codes', () => {
    const names = new Map([['institution-ke-kuscco', 'KUSCCO']]);
    expect(linkageReason(linkageMatchOf(proposal, everything), names)).toBe(
      'Shares the themes cooperatives and gender, the country Kenya, the partner institution KUSCCO and the instrument guarantee fund',
    );
    expect(linkageReason(linkageMatchOf(proposal, regional))).toBe(
      'Shares the theme cooperatives and the region Africa',
    );
    expect(linkageReason(linkageMatchOf(proposal, elsewhere))).toBe(
      'Shares nothing with the proposal',
    );
  });
});

describe('suggestLinkages', () => {
  const tools = [elsewhere, regional, everything];

  it('given no decisions, then the tools scoring at least minScore, best first', () => {
    const suggestions = suggestLinkages(proposal, tools, new Map(), { minScore: 0.2, limit: 10 });
    expect(suggestions.map((s) => [s.toolRef, s.score])).toEqual([
      ['research-project:r-1', 1],
      ['programme:p-1', 0.25],
    ]);
    expect(suggestions[0]).toMatchObject({
      kind: 'research-project',
      toolId: 'r-1',
      context: 'innovation-research',
      title: 'Credit guarantees and SACCO lending to women in Kenya',
    });
    expect(suggestions[0]?.decision).toBeUndefined();
  });

  it('given a limit, then only the best undecided ones', () => {
    expect(
      suggestLinkages(proposal, tools, new Map(), { minScore: 0, limit: 1 }).map((s) => s.toolRef),
    ).toEqual(['research-project:r-1']);
  });

  it('given a dismissed tool, then it is not suggested again (unless asked for)', () => {
    const decided = new Map([['research-project:r-1', 'dismissed' as const]]);
    expect(
      suggestLinkages(proposal, tools, decided, { minScore: 0.2, limit: 10 }).map((s) => s.toolRef),
    ).toEqual(['programme:p-1']);
    expect(
      suggestLinkages(proposal, tools, decided, {
        minScore: 0.2,
        limit: 10,
        includeDismissed: true,
      }).map((s) => [s.toolRef, s.decision]),
    ).toEqual([
      ['research-project:r-1', 'dismissed'],
      ['programme:p-1', undefined],
    ]);
  });

  it('given an accepted tool, then it stays, marked, even when inactive or below the score', () => {
    const decided = new Map([['practice-note:n-1', 'accepted' as const]]);
    const inactive = { ...elsewhere, active: false };
    expect(
      suggestLinkages(proposal, [inactive, regional], decided, { minScore: 0.5, limit: 0 }),
    ).toEqual([expect.objectContaining({ toolRef: 'practice-note:n-1', decision: 'accepted' })]);
  });

  it('given an inactive undecided tool, then it is not suggested', () => {
    expect(
      suggestLinkages(proposal, [{ ...everything, active: false }], new Map(), {
        minScore: 0,
        limit: 10,
      }),
    ).toEqual([]);
  });
});
