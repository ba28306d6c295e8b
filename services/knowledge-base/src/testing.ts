// Test fixtures of the knowledge base, for other projects' suites (`@sfp/knowledge-base/testing`):
// request bodies and records its own specs use, valid as they are.
export { exampleAssessment } from './library/domain/testing/example-assessment';
export {
  importCsv,
  importRow,
  institutionRegistration,
  institutionTarget,
} from './testing/knowledge-base-requests';
export { workedExampleA } from './performance-report/domain/testing/worked-example';
