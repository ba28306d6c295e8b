/** The regions of the Office, shared by the help desk and the knowledge base. */
export const REGIONS = [
  'africa',
  'americas',
  'arab-states',
  'asia-pacific',
  'europe-central-asia',
] as const;
export type Region = (typeof REGIONS)[number];
