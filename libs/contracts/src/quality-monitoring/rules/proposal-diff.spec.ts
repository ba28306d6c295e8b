import type { ProposalDefinition } from '../proposal';
import { proposalDiff, proposalFieldLabel } from './proposal-diff';

const version1 = {
  title: 'Guarantee fund for SACCO lending to women-led enterprises',
  countries: ['KE'],
  budget: 190_000_000,
  exitStrategy: '',
  financialComponent: {
    instrument: 'guarantee-fund',
    channel: 'specialised-provider',
    pricingPolicy: 'market-rates',
    amount: 150_000_000,
    description: 'First-loss cover',
  },
  logframe: [
    {
      outcome: 'More SACCO loans to women-led enterprises',
      indicators: [
        {
          indicator: 'Loans to women-led enterprises',
          unit: 'loans',
          baseline: 1200,
          target: 4000,
          meansOfVerification: 'SACCO reports',
        },
      ],
    },
  ],
} as unknown as ProposalDefinition;

describe('proposalDiff', () => {
  it('given the same definition, then no change', () => {
    expect(
      proposalDiff(version1, JSON.parse(JSON.stringify(version1)) as ProposalDefinition),
    ).toEqual([]);
  });

  it('given changed fields, then each with its path, label, before and after, in the definition order', () => {
    const version2 = {
      ...version1,
      budget: 185_000_000,
      exitStrategy: 'The fund passes to KUSCCO in 2029',
      financialComponent: { ...version1.financialComponent, coFinancing: 30_000_000 },
    };
    expect(proposalDiff(version1, version2)).toEqual([
      { field: 'budget', label: 'Budget', before: 190_000_000, after: 185_000_000 },
      {
        field: 'exitStrategy',
        label: 'Exit strategy',
        before: '',
        after: 'The fund passes to KUSCCO in 2029',
      },
      {
        field: 'financialComponent.coFinancing',
        label: 'Financial component › Co-financing',
        before: undefined,
        after: 30_000_000,
      },
    ]);
  });

  it('compares lists item by item: a changed item by its fields, an added one whole', () => {
    const [outcome] = version1.logframe;
    if (!outcome?.indicators[0]) throw new Error('fixture without an indicator');
    const added = { ...outcome.indicators[0], indicator: 'Women members', target: 9000 };
    const version2 = {
      ...version1,
      countries: ['KE', 'UG'],
      logframe: [{ ...outcome, indicators: [{ ...outcome.indicators[0], target: 5000 }, added] }],
    };
    expect(proposalDiff(version1, version2)).toEqual([
      { field: 'countries.1', label: 'Country 2', before: undefined, after: 'UG' },
      {
        field: 'logframe.0.indicators.0.target',
        label: 'Outcome 1 › Indicator 1 › Target',
        before: 4000,
        after: 5000,
      },
      {
        field: 'logframe.0.indicators.1',
        label: 'Outcome 1 › Indicator 2',
        before: undefined,
        after: added,
      },
    ]);
  });

  it('given a removed list item, then one change with nothing after', () => {
    const version2 = { ...version1, logframe: [] };
    expect(proposalDiff(version1, version2)).toEqual([
      {
        field: 'logframe.0',
        label: 'Outcome 1',
        before: version1.logframe[0],
        after: undefined,
      },
    ]);
  });

  it('given a field absent on one side and undefined on the other, then no change', () => {
    const withUndefined = { ...version1, iatiIdentifier: undefined };
    expect(proposalDiff(version1, withUndefined)).toEqual([]);
  });
});

describe('proposalFieldLabel', () => {
  it('names every field in words', () => {
    expect(proposalFieldLabel('participatingOrganisations.2.role')).toBe(
      'Participating organisation 3 › Role',
    );
    expect(proposalFieldLabel('partnerInstitutionIds.0')).toBe('Partner institution 1');
    expect(proposalFieldLabel('financialComponent.interestRateCap')).toBe(
      'Financial component › Interest-rate cap',
    );
  });
});
