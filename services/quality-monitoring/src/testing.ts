// Test support for quality monitoring: request bodies the domain accepts (@sfp/quality-monitoring/testing).
export {
  decisionBody,
  proposalBody,
  ratingsBody,
  resubmissionBody,
  reviewBody,
} from './proposal/application/testing/quality-requests';
