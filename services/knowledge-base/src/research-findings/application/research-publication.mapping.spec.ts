import { KnowledgeBaseRuleError } from '../../shared/domain/knowledge-base.errors';
import { checkAssessment } from '../../library/domain/impact-assessment.decider';
import {
  findingOf,
  libraryEntriesOf as entriesWith,
  practiceKindOf,
} from '../domain/research-publication.mapping';
import type { ResearchPublication } from '@sfp/contracts';
import { publicationOf } from './research-publication.check';
import { RESEARCH_ENTRY_IDS, researchAssessmentId, researchNoteId } from './research-entry-ids';
import {
  DAKAR_PARTNER,
  examplePublication,
  SENEGAL_PARTNER,
} from '../domain/testing/example-publication';

const libraryEntriesOf = (
  publication: ResearchPublication,
  countryOf?: (institutionId: string) => string | undefined,
) => entriesWith(publication, RESEARCH_ENTRY_IDS, countryOf);
import { DeadLetterError } from '@sfp/messaging';

describe('a research publication in the library', () => {
  const publication = examplePublication();

  it('makes an assessment of each partner, under ids derived from the project and the partner', () => {
    const entries = libraryEntriesOf(publication, (id) => (id === SENEGAL_PARTNER ? 'SN' : 'CI'));
    expect(entries.assessments.map((a) => a.assessmentId)).toEqual([
      researchAssessmentId(publication.projectId, SENEGAL_PARTNER),
      researchAssessmentId(publication.projectId, DAKAR_PARTNER),
    ]);
    expect(researchAssessmentId('p', SENEGAL_PARTNER)).toBe(
      researchAssessmentId('p', SENEGAL_PARTNER),
    );
    expect(researchAssessmentId('p', SENEGAL_PARTNER)).not.toBe(
      researchAssessmentId('q', SENEGAL_PARTNER),
    );
    expect(entries.assessments[0]?.assessmentId).toMatch(/^[0-9a-f-]{36}$/);
    const [first, second] = entries.assessments.map((a) => a.assessment);
    expect(first).toMatchObject({ partnerInstitutionId: SENEGAL_PARTNER, country: 'SN' });
    // A partner whose country the project does not work in: the project's country.
    expect(second).toMatchObject({ partnerInstitutionId: DAKAR_PARTNER, country: 'SN' });
    for (const a of entries.assessments) expect(() => checkAssessment(a.assessment)).not.toThrow();
  });

  it('maps design, rounds, sample, outcomes with their sign, cost-benefit, investigators, tags and the link back', () => {
    const { assessment } = libraryEntriesOf(publication).assessments[0] ?? {};
    expect(assessment).toMatchObject({
      title: publication.title,
      status: 'completed',
      investigators: ['Awa Ndiaye', 'Moussa Diop'],
      design: { method: 'rct', unitOfRandomisation: 'village', clusters: 80 },
      surveyRounds: [
        { round: 'baseline', date: '2024-02-20' },
        { round: 'midline', date: '2024-09-05' },
        { round: 'endline', date: '2025-03-14' },
      ],
      sample: { achieved: 1_620, attrition: 0.0494 },
      themes: ['microinsurance', 'vulnerability'],
      tags: ['action-research', 'product innovation', 'vulnerability', 'social-protection-gaps'],
      links: [{ label: 'Research project', url: '/research/projects/rp-senegal-hospital-cash' }],
      source: {
        context: 'innovation-research',
        projectId: 'rp-senegal-hospital-cash',
        publicationVersion: 1,
        url: '/research/projects/rp-senegal-hospital-cash',
      },
    });
    expect(assessment?.outcomes).toEqual([
      expect.objectContaining({
        outcome: 'vulnerability',
        estimator: 'share of households selling assets after a shock',
        effectSize: -0.08,
        standardError: 0.025,
        confidenceInterval: { lower: -0.129, upper: -0.031, level: 0.95 },
        finding: 'negative',
      }),
      expect.objectContaining({
        outcome: 'business-profit',
        effectSize: 1_200,
        confidenceInterval: { lower: -2_100, upper: 4_500, level: 0.95 },
        finding: 'null',
      }),
    ]);
    const ratio = publication.costBenefit?.result.benefitCostRatio;
    expect(assessment?.costBenefit?.benefitCostRatio).toBe(ratio);
    expect(assessment?.costBenefit?.note).toMatch(
      /^Net present value XOF [\d,-]+ at a 6 % discount rate over 3 years\.$/,
    );
  });

  it('reads the quasi-experimental method, and makes one assessment without a partner when there is none', () => {
    const entries = libraryEntriesOf(
      examplePublication({
        partnerInstitutionIds: [],
        design: { method: 'quasi-experimental', quasiExperimentalMethod: 'matching' },
        outcome: 'abandoned',
        abandonedReason: 'The partner closed its rural branches.',
      }),
    );
    expect(entries.assessments).toHaveLength(1);
    expect(entries.assessments[0]?.assessment).toMatchObject({
      design: { method: 'matching' },
      status: 'abandoned',
      country: 'SN',
    });
    expect(entries.assessments[0]?.assessment.partnerInstitutionId).toBeUndefined();
    expect(entries.note.body).toContain(
      'The project was abandoned: The partner closed its rural branches.',
    );
  });

  it('gives the sign from the interval: zero inside is null', () => {
    expect(findingOf({ lower: 0.01, upper: 0.2 })).toBe('positive');
    expect(findingOf({ lower: -0.2, upper: -0.01 })).toBe('negative');
    expect(findingOf({ lower: 0, upper: 0.2 })).toBe('null');
    expect(findingOf({ lower: -0.1, upper: 0.1 })).toBe('null');
  });

  it('writes a practice note stating the null result plainly, with the recommendations and the assessments', () => {
    const entries = libraryEntriesOf(publication);
    expect(entries.noteId).toBe(researchNoteId(publication.projectId));
    expect(entries.note).toMatchObject({
      title: publication.title,
      practiceKind: 'lesson',
      institutionIds: [SENEGAL_PARTNER, DAKAR_PARTNER],
      assessmentIds: entries.assessments.map((a) => a.assessmentId),
      source: { publicationVersion: 1 },
    });
    expect(entries.note.body).toContain(
      'No effect detected on monthly business profit: 1,200 XOF a month (95 % interval -2,100 to 4,500); the interval contains zero. The hypothesis is not supported.',
    );
    expect(entries.note.body).toContain('- For practice: Bundle the cover with group loans');
    expect(entries.reason).toBe("Version 1 of the research project's published findings");
    expect(
      libraryEntriesOf(
        examplePublication({ version: 2, correctionReason: 'Attrition re-weighted' }),
      ).reason,
    ).toBe('Attrition re-weighted');
  });

  it('calls it a good practice when every hypothesis is supported and benefits outweigh costs, a bad one when it did harm', () => {
    const [h1, h2] = publication.hypotheses;
    if (!h1 || !h2?.finding) throw new Error('the example has two findings');
    expect(practiceKindOf(examplePublication({ hypotheses: [h1] }))).toBe('good-practice');
    const harmful = {
      ...h2,
      finding: {
        ...h2.finding,
        effect: {
          ...h2.finding.effect,
          size: -3_000,
          confidenceInterval: { lower: -5_000, upper: -1_000 },
        },
      },
    };
    expect(practiceKindOf(examplePublication({ hypotheses: [h1, harmful] }))).toBe('bad-practice');
    expect(practiceKindOf(examplePublication({ hypotheses: [h1], outcome: 'abandoned' }))).toBe(
      'lesson',
    );
  });

  it('refuses a payload without what it reads, naming the fields', () => {
    expect(publicationOf({ publication: examplePublication() })).toEqual(examplePublication());
    const refused = (data: unknown) => {
      try {
        publicationOf(data);
      } catch (error) {
        expect(error).toBeInstanceOf(DeadLetterError);
        return (error as DeadLetterError).fieldErrors.map((f) => f.field);
      }
      throw new Error('accepted');
    };
    expect(refused({})).toEqual(['data.publication']);
    expect(
      refused({
        publication: {
          ...examplePublication(),
          version: 0,
          countries: [],
          partnerInstitutionIds: ['kb-1'],
        },
      }),
    ).toEqual([
      'data.publication.version',
      'data.publication.countries',
      'data.publication.partnerInstitutionIds.0',
    ]);
    expect(() =>
      checkAssessment({
        ...libraryEntriesOf(publication).assessments[0]!.assessment,
        country: 'XX',
      }),
    ).toThrow(KnowledgeBaseRuleError);
  });
});
