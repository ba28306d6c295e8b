import type { ResearchProjectDefinition } from '@sfp/contracts';
import { deciderSpec } from '@sfp/event-sourcing/testing';
import { researchProjectDecider } from './research-project.decider';
import {
  ResearchProjectAlreadyProposedError,
  ResearchProjectNotFoundError,
  ResearchRuleError,
  UnknownPartnerInstitutionError,
} from './research-project.errors';
import { ResearchProjectApproved, ResearchProjectRevised } from './research-project.events';
import {
  approved,
  at,
  commands,
  definition,
  history,
  projectId,
  proposeCommand,
  proposed,
  RESEARCHER,
} from './testing/research-project.fixtures';

const spec = deciderSpec(researchProjectDecider());
const proposing = (change: Partial<ResearchProjectDefinition>) => ({
  ...proposeCommand,
  project: { ...definition, ...change },
});
const refusedOn = (change: Partial<ResearchProjectDefinition>, field: string) =>
  spec
    .given([])
    .when(proposing(change))
    .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe(field));

describe('research project: proposal', () => {
  it('proposes a project', () => {
    spec.given([]).when(proposeCommand).then([proposed]);
  });

  it('refuses to propose the same project twice', () => {
    spec
      .given([proposed])
      .when(proposeCommand)
      .thenThrows(ResearchProjectAlreadyProposedError, (e) => expect(e.projectId).toBe(projectId));
  });

  it('refuses any other command on a project that was not proposed', () => {
    for (const command of Object.values(commands))
      spec.given([]).when(command).thenThrows(ResearchProjectNotFoundError);
  });

  it('refuses partner institutions the knowledge base has not published, each by its field', () => {
    spec
      .given([])
      .when({ ...proposeCommand, unknownPartners: ['institution-ci-advans'] })
      .thenThrows(UnknownPartnerInstitutionError, (e) =>
        expect(e.problems).toEqual([
          {
            field: 'partnerInstitutionIds.1',
            message: expect.stringContaining('institution-ci-advans'),
          },
        ]),
      );
  });

  describe('rules of a well-formed definition', () => {
    it('refuses a country that is no ISO code', () => {
      refusedOn({ countries: ['GH', 'XK'] }, 'countries.1');
    });

    it('refuses a currency that is no ISO code', () => {
      refusedOn({ currency: 'XYZ' }, 'currency');
    });

    it('refuses two hypotheses with the same id', () => {
      const [first] = definition.hypotheses;
      if (!first) throw new Error('fixture without hypotheses');
      refusedOn(
        { hypotheses: [first, { ...first, statement: 'Another statement' }] },
        'hypotheses.1.hypothesisId',
      );
    });

    it('refuses a project without hypotheses', () => {
      refusedOn({ hypotheses: [] }, 'hypotheses');
    });

    it('refuses a planned end that is not after the planned start, or no calendar date', () => {
      refusedOn({ plannedStart: '2024-04-01', plannedEnd: '2024-04-01' }, 'plannedEnd');
      refusedOn({ plannedStart: '2024-04-01', plannedEnd: '2024-03-15' }, 'plannedEnd');
      refusedOn({ plannedStart: '2024-02-30' }, 'plannedStart');
    });

    it('refuses funding sources totalling more than the budget; equal is fine', () => {
      refusedOn({ budget: 400_000 }, 'fundingSources');
      spec
        .given([])
        .when(proposing({ budget: 430_000 }))
        .then([
          { ...proposed, data: { ...proposed.data, project: { ...definition, budget: 430_000 } } },
        ]);
    });

    it('refuses an RCT without its unit of randomisation, or with a quasi-experimental method', () => {
      refusedOn({ design: { method: 'rct' } }, 'design.unitOfRandomisation');
      refusedOn(
        { design: { method: 'rct', unitOfRandomisation: '  ' } },
        'design.unitOfRandomisation',
      );
      refusedOn(
        {
          design: {
            method: 'rct',
            unitOfRandomisation: 'village',
            quasiExperimentalMethod: 'matching',
          },
        },
        'design.quasiExperimentalMethod',
      );
    });

    it('refuses a quasi-experimental design without its method, or with a unit of randomisation', () => {
      refusedOn({ design: { method: 'quasi-experimental' } }, 'design.quasiExperimentalMethod');
      refusedOn(
        {
          design: {
            method: 'quasi-experimental',
            quasiExperimentalMethod: 'difference-in-differences',
            unitOfRandomisation: 'household',
          },
        },
        'design.unitOfRandomisation',
      );
      spec
        .given([])
        .when(
          proposing({
            design: { method: 'quasi-experimental', quasiExperimentalMethod: 'matching' },
          }),
        )
        .then([
          {
            ...proposed,
            data: {
              ...proposed.data,
              project: {
                ...definition,
                design: { method: 'quasi-experimental', quasiExperimentalMethod: 'matching' },
              },
            },
          },
        ]);
    });

    it('refuses a unit of randomisation or a method on other designs', () => {
      refusedOn(
        { design: { method: 'before-after', unitOfRandomisation: 'village' } },
        'design.unitOfRandomisation',
      );
      refusedOn(
        { design: { method: 'qualitative', quasiExperimentalMethod: 'matching' } },
        'design.quasiExperimentalMethod',
      );
    });

    it('refuses a team without a principal investigator', () => {
      refusedOn({ team: [{ name: 'Jean-Marc Koné', role: 'field-coordinator' }] }, 'team');
    });
  });
});

describe('research project: revision and approval', () => {
  const revised = (project: ResearchProjectDefinition, day = 10) =>
    ResearchProjectRevised.of({
      projectId,
      project,
      reason: 'Second donor tranche',
      revisedBy: RESEARCHER,
      revisedAt: at(day),
    });

  it('revises a proposed project', () => {
    spec
      .given([proposed])
      .when(commands.ReviseProject)
      .then([revised(commands.ReviseProject.project)]);
  });

  it('checks a revision by the same rules, its fields under project.', () => {
    spec
      .given([proposed])
      .when({ ...commands.ReviseProject, project: { ...definition, countries: ['GHA'] } })
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('project.countries.0'));
    spec
      .given([proposed])
      .when({ ...commands.ReviseProject, unknownPartners: ['institution-gh-sinapi'] })
      .thenThrows(UnknownPartnerInstitutionError, (e) =>
        expect(e.problems[0]?.field).toBe('project.partnerInstitutionIds.0'),
      );
  });

  it('changes hypotheses and design until the baseline survey starts', () => {
    const project = {
      ...definition,
      design: { method: 'rct' as const, unitOfRandomisation: 'household' },
      hypotheses: definition.hypotheses.slice(0, 1),
    };
    spec
      .given(history['innovation-design'])
      .when({ ...commands.ReviseProject, project })
      .then([revised(project)]);
  });

  it('refuses to change the hypotheses or the design once the baseline survey has started', () => {
    for (const status of ['baseline-survey', 'pilot', 'suspended'] as const) {
      spec
        .given(history[status])
        .when({
          ...commands.ReviseProject,
          project: { ...definition, hypotheses: definition.hypotheses.slice(0, 1) },
        })
        .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('project.hypotheses'));
      spec
        .given(history[status])
        .when({
          ...commands.ReviseProject,
          project: { ...definition, design: { method: 'rct', unitOfRandomisation: 'household' } },
        })
        .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('project.design'));
    }
  });

  it('still revises the rest once the baseline survey has started', () => {
    spec
      .given(history.pilot)
      .when(commands.ReviseProject)
      .then([revised(commands.ReviseProject.project)]);
  });

  it('approves a proposed project, with or without a note', () => {
    spec.given([proposed]).when(commands.ApproveProject).then([approved]);
    spec
      .given([proposed])
      .when({ ...commands.ApproveProject, note: 'Fits the 2024–25 workplan' })
      .then([ResearchProjectApproved.of({ ...approved.data, note: 'Fits the 2024–25 workplan' })]);
  });
});
