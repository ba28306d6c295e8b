// Test support for research: request bodies the domain accepts (@sfp/innovation-research/testing).
export {
  COST_BENEFIT,
  findingBody,
  projectBody,
} from './research-project/application/testing/research-requests';
