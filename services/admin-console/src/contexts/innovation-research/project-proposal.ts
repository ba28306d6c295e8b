// The propose-project form's values (the rows its editors hold) and the
// project definition they make.
import type {
  DecentWorkDeficit,
  ExpectedDirection,
  FundingSourceKind,
  InnovationKind,
  LibraryTheme,
  Outcome,
  QuasiExperimentalMethod,
  ResearchDesignMethod,
  ResearchProjectDefinition,
  TeamRole,
} from '@sfp/contracts';
import { listOf, numberOf } from '../../components/form-values';

export interface HypothesisRow {
  statement: string;
  outcome: Outcome | '';
  indicator: string;
  expectedDirection: ExpectedDirection | '';
}
export interface FundingRow {
  kind: FundingSourceKind | '';
  funder: string;
  amount: string;
}
export interface TeamRow {
  name: string;
  role: TeamRole | '';
  organisation: string;
}

export const EMPTY_HYPOTHESIS: HypothesisRow = {
  statement: '',
  outcome: '',
  indicator: '',
  expectedDirection: '',
};
export const EMPTY_FUNDING: FundingRow = { kind: '', funder: '', amount: '' };
export const EMPTY_MEMBER: TeamRow = { name: '', role: '', organisation: '' };

export const INITIAL_PROPOSAL = {
  title: '',
  researchQuestion: '',
  innovationKind: '' as InnovationKind | '',
  innovationDescription: '',
  themes: [] as LibraryTheme[],
  deficits: [] as DecentWorkDeficit[],
  partnerInstitutionIds: [] as string[],
  countries: '',
  method: '' as ResearchDesignMethod | '',
  unitOfRandomisation: '',
  quasiExperimentalMethod: '' as QuasiExperimentalMethod | '',
  clusters: '',
  currency: 'USD',
  budget: '',
  plannedStart: '',
  plannedEnd: '',
  hypotheses: [{ ...EMPTY_HYPOTHESIS }] as HypothesisRow[],
  fundingSources: [{ ...EMPTY_FUNDING }] as FundingRow[],
  team: [{ ...EMPTY_MEMBER }] as TeamRow[],
};
export type ProposalValues = typeof INITIAL_PROPOSAL;

/** The definition the form's values make (the API says what is missing or wrong). */
export function definitionOf(v: ProposalValues): ResearchProjectDefinition {
  const clusters = numberOf(v.clusters);
  return {
    title: v.title,
    researchQuestion: v.researchQuestion,
    hypotheses: v.hypotheses.map((h, i) => ({
      hypothesisId: `H${i + 1}`,
      statement: h.statement,
      outcome: h.outcome as Outcome,
      indicator: h.indicator,
      expectedDirection: h.expectedDirection as ExpectedDirection,
    })),
    innovation: { kind: v.innovationKind as InnovationKind, description: v.innovationDescription },
    themes: v.themes,
    deficits: v.deficits,
    partnerInstitutionIds: v.partnerInstitutionIds,
    countries: listOf(v.countries).map((c) => c.toUpperCase()),
    design: {
      method: v.method as ResearchDesignMethod,
      ...(v.method === 'rct' && v.unitOfRandomisation
        ? { unitOfRandomisation: v.unitOfRandomisation }
        : {}),
      ...(v.method === 'quasi-experimental' && v.quasiExperimentalMethod
        ? { quasiExperimentalMethod: v.quasiExperimentalMethod }
        : {}),
      ...(clusters !== undefined ? { clusters } : {}),
    },
    currency: v.currency.toUpperCase(),
    budget: numberOf(v.budget) ?? Number.NaN,
    fundingSources: v.fundingSources
      .filter((f) => f.kind || f.funder || f.amount)
      .map((f) => ({
        kind: f.kind as FundingSourceKind,
        funder: f.funder,
        amount: numberOf(f.amount) ?? Number.NaN,
      })),
    team: v.team
      .filter((m) => m.name || m.role)
      .map((m) => ({
        name: m.name,
        role: m.role as TeamRole,
        ...(m.organisation ? { organisation: m.organisation } : {}),
      })),
    plannedStart: v.plannedStart,
    plannedEnd: v.plannedEnd,
  };
}
