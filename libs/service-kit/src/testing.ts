// Test support for contexts declared with defineService: @sfp/service-kit/testing.
export {
  startEmbeddedContextHost,
  testPrincipalMiddleware,
  type EmbeddedContextHost,
} from './testing/embedded-context-host';
