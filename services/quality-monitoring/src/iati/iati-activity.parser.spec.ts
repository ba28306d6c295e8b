import { parseIatiActivity } from './iati-activity.parser';
import { WOMEN_SME_GUARANTEE_FUND_XML } from './testing/iati-fixtures';

describe('parseIatiActivity: another publisher’s IATI 2.03 activity', () => {
  // Given the hand-written guarantee-fund activity, without the platform's extension
  const { proposal, missing, warnings } = parseIatiActivity(WOMEN_SME_GUARANTEE_FUND_XML);

  it('reads the identifier, the English title and the general description', () => {
    expect(proposal.iatiIdentifier).toBe('XM-DAC-41302-RAF-26-02-LUX');
    expect(proposal.title).toBe(
      "Guarantee fund for women-led small and medium enterprises in Ghana and Côte d'Ivoire",
    );
    expect(proposal.description).toMatch(/^A partial credit guarantee fund/);
  });

  it('reads the participating organisations with their roles, refs and names (any language)', () => {
    expect(proposal.participatingOrganisations).toEqual([
      { name: 'Luxembourg Ministry of Foreign and European Affairs', role: 1, ref: 'XM-DAC-22' },
      { name: 'International Labour Organization', role: 2, ref: 'XM-DAC-41302' },
      { name: 'International Labour Organization', role: 3, ref: 'XM-DAC-41302' },
      { name: 'Ghana Microfinance Institutions Network (GHAMFIN)', role: 4 },
      {
        name: "Association Professionnelle des Systèmes Financiers Décentralisés de Côte d'Ivoire (APSFD-CI)",
        role: 4,
      },
    ]);
  });

  it('reads the countries and the DAC 5-digit sectors, leaving another vocabulary out with a warning', () => {
    expect(proposal.countries).toEqual(['GH', 'CI']);
    expect(proposal.sectors).toEqual(['24030', '32130']);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'sector "240" of vocabulary 2 left out: only DAC 5-digit codes (vocabulary 1) are read',
        'The recipient-country percentages (GH 60 %, CI 40 %) are not kept: a proposal lists the codes, and its export shares them evenly',
        'The sector percentages (24030 60 %, 32130 40 %) are not kept: a proposal lists the codes, and its export shares them evenly',
      ]),
    );
  });

  it('sums the budgets, a revised one replacing the original of its year, in the default currency', () => {
    expect(proposal.currency).toBe('USD');
    expect(proposal.budget).toBe(1_200_000 + 1_500_000 + 850_000);
    expect(proposal.budgetUsd).toBe(3_550_000);
  });

  it('takes the planned start and the duration to the planned end from the activity dates', () => {
    expect(proposal.plannedStart).toBe('2026-07-01');
    expect(proposal.durationMonths).toBe(36);
  });

  it('reads the results as the logical framework: baselines, last targets and means of verification', () => {
    expect(proposal.logframe).toEqual([
      {
        outcome:
          "Women-led SMEs in Ghana and Côte d'Ivoire obtain formal credit backed by the guarantee fund",
        indicators: [
          {
            indicator: 'Loans to women-led SMEs covered by the guarantee',
            baseline: 0,
            baselineDate: '2026-03-31',
            target: 2400,
            targetDate: '2029-06-30',
            meansOfVerification:
              "Partner lenders' quarterly guarantee portfolio reports (https://www.example.org/sfp/projects/RAF-26-02-LUX/guarantee-portfolio-reports)",
          },
          {
            indicator: "Share of women-led SMEs among the partner lenders' SME borrowers",
            unit: '%',
            baseline: 18,
            baselineDate: '2025-12-31',
            target: 35,
            targetDate: '2029-06-30',
            meansOfVerification:
              "Partner lenders' loan-book data, sex-disaggregated, verified at the mid-term review",
          },
        ],
      },
      {
        outcome:
          'Partner lenders appraise women-led SMEs on cash flow, at prices that recover their costs',
        indicators: [
          {
            indicator:
              'Partner lenders whose credit officers completed gender-responsive SME appraisal training',
            baseline: 0,
            target: 12,
            targetDate: '2028-12-31',
            meansOfVerification: 'Training attendance records and post-training assessments',
          },
        ],
      },
    ]);
  });

  it('lists as missing what IATI does not carry, and the units of indicators counted in units', () => {
    expect([...missing].sort()).toEqual(
      [
        'department',
        'themes',
        'financialComponent',
        'partnerInstitutionIds',
        'exitStrategy',
        'constituents',
        'genderOutcomes',
        'decentWorkOutcomes',
        'logframe.0.indicators.0.unit',
        'logframe.1.indicators.0.unit',
      ].sort(),
    );
  });
});

describe('parseIatiActivity: what a sparse foreign activity leaves missing', () => {
  it('lists the budget in US dollars when the budget is in another currency, and what the file lacks', () => {
    // Given an activity with a title, a euro budget, a region instead of countries, and no results
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity default-currency="EUR">
    <iati-identifier>DE-1-202623456</iati-identifier>
    <reporting-org ref="DE-1" type="10"><narrative>Federal Ministry for Economic Cooperation and Development</narrative></reporting-org>
    <title><narrative>Cooperative savings and credit in the Sahel</narrative></title>
    <participating-org role="5"><narrative>Unknown role</narrative></participating-org>
    <activity-status code="2"/>
    <recipient-region code="289" vocabulary="1"/>
    <budget><period-start iso-date="2026-01-01"/><period-end iso-date="2026-12-31"/><value value-date="2026-01-01">400000</value></budget>
  </iati-activity>
</iati-activities>`;
    // When it is parsed
    const { proposal, missing, warnings } = parseIatiActivity(xml);
    // Then the budget is read in euros, the schedule from the budget period, and the rest is missing
    expect(proposal).toMatchObject({
      currency: 'EUR',
      budget: 400_000,
      plannedStart: '2026-01-01',
      durationMonths: 12,
    });
    expect(missing).toEqual(
      expect.arrayContaining([
        'description',
        'participatingOrganisations',
        'countries',
        'sectors',
        'logframe',
        'budgetUsd',
        'financialComponent',
      ]),
    );
    expect(missing).not.toContain('budget');
    expect(warnings).toEqual(
      expect.arrayContaining([
        'participating-org 1 (Unknown role) has role "5", not one of OrganisationRole 1–4: left out',
        '1 recipient-region element left out: a proposal names its countries',
        "No activity-date of type 1 or 2: the planned start is the first budget period's, 2026-01-01",
      ]),
    );
  });
});
