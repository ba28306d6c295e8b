import type { ProposalDefinition } from '@sfp/contracts';
import { parseIatiActivity } from './iati-activity.parser';
import { writeIatiActivity, type IatiExportInput } from './iati-activity.writer';
import { SFP_IATI_NAMESPACE } from './iati.codes';
import { readXml, childOf, childrenOf, attributeOf, type XmlElement } from './iati-xml';
import { completedGuaranteeFund, WOMEN_SME_GUARANTEE_FUND_XML } from './testing/iati-fixtures';

const ILO = { ref: 'XM-DAC-41302', name: 'International Labour Organization', type: '40' };

function exportOf(proposal: ProposalDefinition, extra: Partial<IatiExportInput> = {}): string {
  return writeIatiActivity({
    proposalId: '7d9c6a1e-2b4f-4c8d-9e1a-3f5b7c9d1e2f',
    version: 2,
    proposal,
    decision: 'approved-with-conditions',
    conditions: ['The guarantee fee is reviewed against the fund’s loss rate after 12 months'],
    decidedAt: '2026-04-14T15:20:00.000Z',
    generatedAt: '2026-05-04T08:00:00.000Z',
    reportingOrg: ILO,
    ...extra,
  });
}

function activityOf(xml: string): XmlElement {
  return childOf(childOf(readXml(xml), 'iati-activities'), 'iati-activity') as XmlElement;
}

describe('IATI round trip: parse → complete → write → parse', () => {
  // Given the hand-written activity parsed, and completed as the console does
  const imported = parseIatiActivity(WOMEN_SME_GUARANTEE_FUND_XML);
  const completed = completedGuaranteeFund(imported.proposal);

  it('reads back from our own export exactly the proposal that was written, nothing missing', () => {
    // When the completed proposal is exported and the export parsed
    const again = parseIatiActivity(exportOf(completed));
    // Then it is the same proposal, with nothing missing and nothing to warn about
    expect(again.proposal).toEqual(completed);
    expect(again.missing).toEqual([]);
    expect(again.warnings).toEqual([]);
  });

  it('keeps what only the extension carries: an empty exit strategy (a red flag), empty lists, a capped price', () => {
    const bare: ProposalDefinition = {
      ...completed,
      exitStrategy: '',
      themes: [],
      constituents: [],
      partnerInstitutionIds: [],
      currency: 'GHS',
      budget: 41_250_000.5,
      budgetUsd: 3_550_000,
      durationMonths: 30,
      plannedStart: '2026-01-31',
      financialComponent: {
        ...completed.financialComponent,
        instrument: 'revolving-fund',
        channel: 'direct-by-project',
        pricingPolicy: 'capped',
        interestRateCap: 0.18,
      },
    };
    const again = parseIatiActivity(exportOf(bare));
    expect(again.proposal).toEqual(bare);
    expect(again.missing).toEqual([]);
  });

  it('writes what IATI 2.03 requires, in the schema’s order, with shares summing to 100', () => {
    const three = { ...completed, countries: ['GH', 'CI', 'SN'] };
    const activity = activityOf(exportOf(three));
    const root = readXml(exportOf(three))['iati-activities']?.[0] as XmlElement;
    expect(attributeOf(root, 'version')).toBe('2.03');
    expect(attributeOf(root, 'xmlns:sfp')).toBe(SFP_IATI_NAMESPACE);
    const order = Object.keys(activity).filter((k) => !k.startsWith('@'));
    expect(order).toEqual([
      'iati-identifier',
      'reporting-org',
      'title',
      'description',
      'participating-org',
      'activity-status',
      'activity-date',
      'recipient-country',
      'sector',
      'budget',
      'conditions',
      'result',
      'sfp:proposal',
    ]);
    expect(attributeOf(childOf(activity, 'reporting-org'), 'ref')).toBe('XM-DAC-41302');
    const shares = childrenOf(activity, 'recipient-country').map((c) => [
      attributeOf(c, 'code'),
      attributeOf(c, 'percentage'),
    ]);
    expect(shares).toEqual([
      ['GH', '33.33'],
      ['CI', '33.33'],
      ['SN', '33.34'],
    ]);
    const sectors = childrenOf(activity, 'sector').map((s) => Number(attributeOf(s, 'percentage')));
    expect(sectors.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('writes the budget by yearly periods to the planned end, committed, summing to the cent', () => {
    const activity = activityOf(
      exportOf({ ...completed, budget: 3_550_000.01, durationMonths: 30 }),
    );
    const budgets = childrenOf(activity, 'budget').map((b) => ({
      start: attributeOf(childOf(b, 'period-start'), 'iso-date'),
      end: attributeOf(childOf(b, 'period-end'), 'iso-date'),
      status: attributeOf(b, 'status'),
      value: Number(childOf(b, 'value')?.['#text']),
    }));
    expect(budgets.map((b) => [b.start, b.end, b.status])).toEqual([
      ['2026-07-01', '2027-06-30', '2'],
      ['2027-07-01', '2028-06-30', '2'],
      ['2028-07-01', '2028-12-31', '2'],
    ]);
    expect(Math.round(budgets.reduce((sum, b) => sum + b.value * 100, 0))).toBe(355_000_001);
    expect(
      childrenOf(activity, 'activity-date').map((d) => [
        attributeOf(d, 'type'),
        attributeOf(d, 'iso-date'),
      ]),
    ).toEqual([
      ['1', '2026-07-01'],
      ['3', '2028-12-31'],
    ]);
  });

  it('is in the pipeline before its planned start and in implementation from it; the conditions are attached', () => {
    const before = activityOf(exportOf(completed, { generatedAt: '2026-06-30T23:00:00.000Z' }));
    const after = activityOf(exportOf(completed, { generatedAt: '2026-07-01T06:00:00.000Z' }));
    expect(attributeOf(childOf(before, 'activity-status'), 'code')).toBe('1');
    expect(attributeOf(childOf(after, 'activity-status'), 'code')).toBe('2');
    const conditions = childOf(before, 'conditions');
    expect(attributeOf(conditions, 'attached')).toBe('1');
    expect(childrenOf(conditions, 'condition')).toHaveLength(1);
    const none = activityOf(exportOf(completed, { decision: 'approved', conditions: [] }));
    expect(childOf(none, 'conditions')).toBeUndefined();
  });

  it('reads the extension by its namespace URI whatever prefix the file gives it', () => {
    const renamed = exportOf(completed)
      .replace(/xmlns:sfp=/, 'xmlns:ext=')
      .replace(/<(\/?)sfp:/g, '<$1ext:');
    expect(parseIatiActivity(renamed).proposal).toEqual(completed);
    // and an element of the same name in another namespace is not ours
    const foreign = renamed.replace(SFP_IATI_NAMESPACE, 'https://example.org/other');
    expect(parseIatiActivity(foreign).missing).toContain('financialComponent');
  });
});
