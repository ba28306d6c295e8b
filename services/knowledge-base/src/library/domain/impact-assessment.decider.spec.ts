import { deciderSpec } from '@sfp/event-sourcing/testing';
import { KnowledgeBaseRuleError } from '../../shared/domain/knowledge-base.errors';
import { impactAssessmentDecider } from './impact-assessment.decider';
import type { ImpactAssessment } from './library.entries';
import { LibraryEntryAlreadyRecordedError, LibraryEntryNotFoundError } from './library.errors';
import { ImpactAssessmentRecorded, ImpactAssessmentRevised } from './library.events';
import { exampleAssessment } from './testing/example-assessment';

const spec = deciderSpec(impactAssessmentDecider);
const at = '2026-02-01T10:00:00.000Z';
const assessment = exampleAssessment();
const recorded = ImpactAssessmentRecorded.of({
  assessmentId: 'a-1',
  assessment,
  recordedBy: 'o',
  recordedAt: at,
});

describe('impact assessment decider', () => {
  it('records a null result as a first-class finding, then revisions numbered from 2', () => {
    spec
      .given()
      .when({ type: 'RecordImpactAssessment', assessmentId: 'a-1', assessment, at, by: 'o' })
      .then([recorded]);
    spec
      .given([recorded])
      .when({ type: 'RecordImpactAssessment', assessmentId: 'a-1', assessment, at, by: 'o' })
      .thenThrows(LibraryEntryAlreadyRecordedError);
    spec
      .given([recorded])
      .when({ type: 'ReviseImpactAssessment', assessment, reason: 'Endline', at, by: 'o' })
      .then([
        ImpactAssessmentRevised.of({
          assessmentId: 'a-1',
          revision: 2,
          assessment,
          reason: 'Endline',
          revisedBy: 'o',
          revisedAt: at,
        }),
      ]);
    spec
      .given()
      .when({ type: 'ReviseImpactAssessment', assessment, reason: 'x', at, by: 'o' })
      .thenThrows(LibraryEntryNotFoundError);
  });

  it('refuses an RCT without its unit of randomisation, an inverted interval, an effect outside it, an unknown country', () => {
    const refused = (change: Partial<ImpactAssessment>, field: string) =>
      spec
        .given()
        .when({
          type: 'RecordImpactAssessment',
          assessmentId: 'a-2',
          assessment: { ...assessment, ...change },
          at,
          by: 'o',
        })
        .thenThrows(KnowledgeBaseRuleError, (e) => expect(e.field).toBe(field));
    refused({ design: { method: 'rct' } }, 'design.unitOfRandomisation');
    refused(
      {
        outcomes: [
          {
            ...assessment.outcomes[0]!,
            confidenceInterval: { lower: 0.1, upper: -0.1, level: 0.95 },
          },
        ],
      },
      'outcomes.0.confidenceInterval',
    );
    refused(
      { outcomes: [{ ...assessment.outcomes[0]!, effectSize: 0.5 }] },
      'outcomes.0.effectSize',
    );
    refused({ country: 'XX' }, 'country');
    refused({ intervention: { start: '2024-05-01', end: '2024-01-01' } }, 'intervention.end');
  });
});
