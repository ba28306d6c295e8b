// Test support for contexts declared with defineService: @sfp/service-kit/testing.
export {
  startEmbeddedContextHost,
  testPrincipalMiddleware,
  type EmbeddedContextHost,
} from './testing/embedded-context-host';
export {
  LINKED_PROPOSAL,
  linkageAcceptedData,
  linkageDismissedData,
  proposalDecidedData,
  qualityMonitoringEvent,
  type LinkedTool,
} from './linked-proposals/quality-monitoring-events.fixture';
