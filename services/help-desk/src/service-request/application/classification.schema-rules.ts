import type { JsonSchema } from '@sfp/auth';

/**
 * The decider's rule on a filing's or a triage's classification, as JSON
 * Schema for the OpenAPI document (`@SchemaRules`): a
 * global-initiative-coordination request names its initiative, and no other
 * kind names one (else RULE_VIOLATED, 400).
 */
export const GLOBAL_INITIATIVE_RULE: JsonSchema = {
  if: { properties: { kind: { const: 'global-initiative-coordination' } }, required: ['kind'] },
  then: { required: ['globalInitiative'], properties: { globalInitiative: { type: 'string' } } },
  else: { properties: { globalInitiative: { type: 'null' } } },
};
