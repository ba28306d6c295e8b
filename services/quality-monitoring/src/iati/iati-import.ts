// The import's answer is a contract the console shares (@sfp/contracts).
export type {
  IatiImport,
  ImportedIndicator,
  ImportedOutcome,
  ImportedProposal,
} from '@sfp/contracts';
