import type { InterventionTool } from '@sfp/contracts';
import { libraryToolOf } from './library-tools';
import { partnerInstitutionOf } from './partner-institutions';
import { researchToolOf } from './research-tools';
import { SourceEventUnreadableError, type SourceEvent } from './source-event';
import { instrumentsOf, themesOfLibraryThemes } from './tool-vocabulary';
import { trainingToolOf } from './training-tools';

const at = (day: string) => `${day}T09:00:00.000Z`;
const event = (type: string, data: unknown, day = '2026-01-12'): SourceEvent => ({
  eventId: `${type}-${day}`,
  type,
  occurredAt: at(day),
  data,
});

describe('courses and programmes from the training context’s events', () => {
  const created = event('training.CourseCreated', {
    courseId: 'course-1',
    revision: 1,
    course: {
      title: 'Guarantee funds for SME lending',
      themes: ['gender', 'not-a-theme'],
      learningObjectives: ['Design a partial credit guarantee'],
    },
  });

  it('given a course created, then it is a tool with its themes and the instrument its text names', () => {
    expect(trainingToolOf(created, undefined)).toEqual({
      toolRef: 'course:course-1',
      kind: 'course',
      toolId: 'course-1',
      context: 'training',
      title: 'Guarantee funds for SME lending',
      themes: ['gender'],
      countries: [],
      regions: [],
      partnerInstitutionIds: [],
      instruments: ['guarantee-fund'],
      active: true,
      updatedAt: at('2026-01-12'),
    });
  });

  it('given a course retired, then the course noted before is inactive; unknown before, nothing is noted', () => {
    const course = trainingToolOf(created, undefined);
    const retired = event(
      'training.CourseRetired',
      { courseId: 'course-1', reason: 'old' },
      '2026-05-04',
    );
    expect(trainingToolOf(retired, course)).toMatchObject({
      active: false,
      updatedAt: at('2026-05-04'),
    });
    expect(trainingToolOf(retired, undefined)).toBeUndefined();
  });

  it('given a regional programme launched and closed, then it covers its region and is inactive once closed', () => {
    const launched = trainingToolOf(
      event('training.ProgrammeLaunched', {
        programmeId: 'prog-1',
        title: 'Savings groups capacity building',
        scope: { kind: 'region', region: 'africa' },
      }),
      undefined,
    );
    expect(launched).toMatchObject({
      toolRef: 'programme:prog-1',
      regions: ['africa'],
      countries: [],
      instruments: ['savings-scheme'],
      active: true,
    });
    expect(
      trainingToolOf(event('training.ProgrammeClosed', { programmeId: 'prog-1' }), launched),
    ).toMatchObject({ active: false });
  });
});

describe('research projects from the innovation-research context’s events', () => {
  const proposed = event('innovation-research.ResearchProjectProposed', {
    projectId: 'p-1',
    project: {
      title: 'Crop microinsurance and child labour',
      researchQuestion: 'Does index insurance reduce child labour?',
      innovation: { description: 'Weather-index insurance bundled with group loans' },
      themes: ['child-labour', 'microinsurance', 'business-performance'],
      countries: ['SN'],
      partnerInstitutionIds: ['inst-1'],
    },
  });

  it('given a project proposed, then its library themes map to the organisation’s and its partners and countries are kept', () => {
    expect(researchToolOf(proposed, undefined)).toMatchObject({
      toolRef: 'research-project:p-1',
      context: 'innovation-research',
      themes: ['child-labour', 'microinsurance'],
      countries: ['SN'],
      partnerInstitutionIds: ['inst-1'],
      instruments: ['insurance-scheme'],
      active: true,
    });
  });

  it('given a project abandoned, then it is no longer active; closed, it stays a tool', () => {
    const tool = researchToolOf(proposed, undefined);
    expect(
      researchToolOf(
        event('innovation-research.ResearchProjectAbandoned', { projectId: 'p-1' }),
        tool,
      ),
    ).toMatchObject({ active: false });
    expect(
      researchToolOf(
        event('innovation-research.ResearchProjectClosed', { projectId: 'p-1' }),
        tool,
      ),
    ).toMatchObject({ active: true });
  });

  it('given a payload without a title, then it is unreadable', () => {
    expect(() =>
      researchToolOf(
        event('innovation-research.ResearchProjectProposed', {
          projectId: 'p-2',
          project: { themes: [], countries: [] },
        }),
        undefined,
      ),
    ).toThrow(SourceEventUnreadableError);
  });
});

describe('practice notes and impact assessments from the knowledge base’s events', () => {
  it('given a practice note, then its institutions are its partners', () => {
    const tool = libraryToolOf(
      event('knowledge-base.PracticeNotePublished', {
        noteId: 'n-1',
        note: {
          title: 'Pricing group loans for cost recovery',
          summary: 'What a credit line to a savings group must charge',
          themes: ['gender'],
          tags: [],
          institutionIds: ['inst-1'],
        },
      }),
    ) as InterventionTool;
    expect(tool).toMatchObject({
      toolRef: 'practice-note:n-1',
      context: 'knowledge-base',
      partnerInstitutionIds: ['inst-1'],
      instruments: ['credit-line', 'savings-scheme'],
    });
  });

  it('given an impact assessment, then its country and partner are the tool’s', () => {
    expect(
      libraryToolOf(
        event('knowledge-base.ImpactAssessmentRecorded', {
          assessmentId: 'a-1',
          assessment: {
            title: 'Health microinsurance in Ghana',
            summary: 'RCT of enrolment',
            country: 'GH',
            partnerInstitutionId: 'inst-2',
            themes: ['vulnerability'],
            tags: [],
          },
        }),
      ),
    ).toMatchObject({ countries: ['GH'], partnerInstitutionIds: ['inst-2'], themes: ['poverty'] });
  });
});

describe('partner institutions from the knowledge base’s events', () => {
  const registered = event('knowledge-base.InstitutionRegistered', {
    institutionId: 'inst-1',
    name: 'Sinapi Aba',
    country: 'GH',
  });

  it('given a registration then a suspension, then the name and country stay and the status changes', () => {
    const institution = partnerInstitutionOf(registered, undefined);
    expect(institution).toEqual({
      institutionId: 'inst-1',
      name: 'Sinapi Aba',
      country: 'GH',
      status: 'registered',
    });
    expect(
      partnerInstitutionOf(
        event('knowledge-base.InstitutionSuspended', { institutionId: 'inst-1' }),
        institution,
      ),
    ).toEqual({ ...institution, status: 'suspended' });
  });
});

describe('the vocabulary of tools', () => {
  it('maps library themes without a counterpart to none', () => {
    expect(themesOfLibraryThemes(['vulnerability', 'formalisation', 'client-protection'])).toEqual([
      'poverty',
      'informal-economy',
    ]);
  });

  it('reads instruments from the text and the microinsurance theme, in the reference order', () => {
    expect(instrumentsOf(['Equity and a revolving fund'], ['microinsurance'])).toEqual([
      'revolving-fund',
      'equity',
      'insurance-scheme',
    ]);
  });
});
