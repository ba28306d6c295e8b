import type { ImpactAssessment, PracticeNote } from '../library/domain/library.entries';
import type { InstitutionCommand } from '../institution/domain/institution.commands';
import type { GniEntry } from '../gni/domain/gni-reference.events';
import type {
  FxRates,
  PerformanceInputs,
  ReportPeriod,
} from '../performance-report/domain/performance-inputs';
import type { SetTarget } from '../target/domain/target.commands';
import type { CommandContext } from './knowledge-base-command';

type Untimed<T> = T extends unknown ? Omit<T, 'at' | 'by'> : never;

/** Every command of the knowledge base, as HTTP and inbound messages give it (without time and author). */
export type KnowledgeBaseRequest =
  | { kind: 'institution'; institutionId: string; command: Untimed<InstitutionCommand> }
  | {
      kind: 'file-report';
      institutionId: string;
      period: ReportPeriod;
      currency: string;
      fx: FxRates;
      inputs: PerformanceInputs;
    }
  | {
      kind: 'restate-report';
      reportId: string;
      currency: string;
      fx: FxRates;
      inputs: PerformanceInputs;
      reason: string;
    }
  | { kind: 'set-target'; command: Untimed<SetTarget> }
  | { kind: 'withdraw-target'; targetId: string; reason: string }
  | { kind: 'record-gni'; entries: GniEntry[]; source: string; onlyIfEmpty?: boolean }
  | { kind: 'record-assessment'; assessmentId: string; assessment: ImpactAssessment }
  | {
      kind: 'revise-assessment';
      assessmentId: string;
      assessment: ImpactAssessment;
      reason: string;
    }
  | { kind: 'publish-note'; noteId: string; note: PracticeNote }
  | { kind: 'revise-note'; noteId: string; note: PracticeNote; reason: string };

/** What the command bus carries for every knowledge-base command, from HTTP or Kafka. */
export class ExecuteKnowledgeBaseCommand {
  constructor(
    readonly request: KnowledgeBaseRequest,
    readonly context: CommandContext & {
      /** Set for an integration client: the department it is confined to. */
      scope?: string;
    },
  ) {}
}
