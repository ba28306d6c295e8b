import 'reflect-metadata';
import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { PlatformValidationPipe } from '@sfp/service-kit';
import { ResearchProjectDefinitionDto } from './project-definition.dto';
import { RecordCostBenefitDto } from './record-cost-benefit/record-cost-benefit.request.dto';
import { RecordResearchFindingDto } from './record-finding/record-finding.request.dto';
import { COST_BENEFIT, findingBody, projectBody } from './testing/research-requests';

const pipe = new PlatformValidationPipe();

/** The fields the platform's validation pipe names for `body` as `dto`, or [] when it passes. */
async function fieldsAtFault(dto: new () => object, body: unknown): Promise<string[]> {
  const metadata: ArgumentMetadata = { type: 'body', metatype: dto };
  try {
    await pipe.transform(body, metadata);
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    const answer = error.getResponse() as { fieldErrors: Array<{ field: string }> };
    return answer.fieldErrors.map((f) => f.field).sort();
  }
}

describe('research request bodies, as the validation pipe checks them', () => {
  it('accepts the fixtures', async () => {
    expect(await fieldsAtFault(ResearchProjectDefinitionDto, projectBody())).toEqual([]);
    expect(await fieldsAtFault(RecordResearchFindingDto, findingBody())).toEqual([]);
    expect(await fieldsAtFault(RecordCostBenefitDto, COST_BENEFIT)).toEqual([]);
  });

  it('names each field of a project at fault, nested ones by their path', async () => {
    expect(
      await fieldsAtFault(ResearchProjectDefinitionDto, {
        ...projectBody(),
        hypotheses: [{ ...projectBody().hypotheses[0], expectedDirection: 'sideways' }],
        partnerInstitutionIds: ['not-an-id'],
        countries: ['SN', 'sn'],
        design: { method: 'quasi-experimental' },
        team: [],
        plannedEnd: '2027-02-30',
      }),
    ).toEqual([
      'countries',
      'design.quasiExperimentalMethod',
      'hypotheses.0.expectedDirection',
      'partnerInstitutionIds',
      'plannedEnd',
      'team',
    ]);
  });

  it('asks an RCT for its unit of randomisation and keeps other designs free of it', async () => {
    const rct = { ...projectBody(), design: { method: 'rct' } };
    expect(await fieldsAtFault(ResearchProjectDefinitionDto, rct)).toEqual([
      'design.unitOfRandomisation',
    ]);
    const beforeAfter = { ...projectBody(), design: { method: 'before-after' } };
    expect(await fieldsAtFault(ResearchProjectDefinitionDto, beforeAfter)).toEqual([]);
  });

  it('refuses a finding without a standard error or an interval, or without its samples', async () => {
    const { confidenceInterval: _dropped, ...bare } = findingBody().effect;
    expect(
      await fieldsAtFault(RecordResearchFindingDto, { ...findingBody(), effect: bare }),
    ).toEqual(['effect.standardError']);
    expect(
      await fieldsAtFault(RecordResearchFindingDto, {
        ...findingBody(),
        effect: { ...bare, standardError: 0.56 },
      }),
    ).toEqual([]);
    expect(
      await fieldsAtFault(RecordResearchFindingDto, {
        ...findingBody(),
        sample: { treatment: 0 },
      }),
    ).toEqual(['sample.comparison', 'sample.treatment']);
  });

  it('bounds a cost-benefit analysis: rate a fraction, flows named and positive', async () => {
    expect(
      await fieldsAtFault(RecordCostBenefitDto, {
        ...COST_BENEFIT,
        discountRate: 6,
        costs: [{ party: 'bank', label: '', year: -1, amount: -5 }],
      }),
    ).toEqual(['costs.0.amount', 'costs.0.label', 'costs.0.party', 'costs.0.year', 'discountRate']);
  });
});
