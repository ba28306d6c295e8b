import { deciderSpec } from '@sfp/event-sourcing/testing';
import { impactAssessmentDecider } from './impact-assessment.decider';
import type { LibrarySource, PracticeNote } from './library.entries';
import {
  ImpactAssessmentRecorded,
  ImpactAssessmentRevised,
  PracticeNotePublished,
  PracticeNoteRevised,
} from './library.events';
import { practiceNoteDecider } from './practice-note.decider';
import { exampleAssessment } from './testing/example-assessment';

const at = '2026-02-01T10:00:00.000Z';
const by = 'innovation-research:rp-1';
const sourceOf = (publicationVersion: number): LibrarySource => ({
  context: 'innovation-research',
  projectId: 'rp-1',
  publicationVersion,
  url: '/research/projects/rp-1',
});
const assessmentOf = (version: number) => ({ ...exampleAssessment(), source: sourceOf(version) });
const noteOf = (version: number): PracticeNote & { source: LibrarySource } => ({
  title: 'Microcredit and child labour',
  summary: 'No effect on income.',
  practiceKind: 'lesson',
  themes: ['child-labour'],
  tags: ['action-research'],
  institutionIds: [],
  assessmentIds: ['a-1'],
  source: sourceOf(version),
});

describe('an impact assessment from a research publication', () => {
  const spec = deciderSpec(impactAssessmentDecider);
  const take = (version: number, reason = 'v') => ({
    type: 'RecordSourcedImpactAssessment' as const,
    assessmentId: 'a-1',
    assessment: assessmentOf(version),
    reason,
    at,
    by,
  });
  const recorded = ImpactAssessmentRecorded.of({
    assessmentId: 'a-1',
    assessment: assessmentOf(1),
    recordedBy: by,
    recordedAt: at,
  });
  const revised = ImpactAssessmentRevised.of({
    assessmentId: 'a-1',
    revision: 2,
    assessment: assessmentOf(2),
    reason: 'Attrition re-weighted',
    revisedBy: by,
    revisedAt: at,
  });

  it('is recorded when there is none', () => spec.given().when(take(1)).then([recorded]));
  it('records nothing for the same version again (a redelivery, a replay)', () =>
    spec.given([recorded]).when(take(1)).then([]));
  it('is revised by a later version, with the correction’s reason', () =>
    spec.given([recorded]).when(take(2, 'Attrition re-weighted')).then([revised]));
  it('records nothing for an older version arriving late', () =>
    spec.given([recorded, revised]).when(take(1)).then([]));
  it('keeps its source when a person revises it, so a later version still revises it once', () => {
    const byPerson = ImpactAssessmentRevised.of({
      assessmentId: 'a-1',
      revision: 2,
      assessment: assessmentOf(1),
      reason: 'Typo',
      revisedBy: 'o',
      revisedAt: at,
    });
    spec
      .given([recorded])
      .when({
        type: 'ReviseImpactAssessment',
        assessment: exampleAssessment(),
        reason: 'Typo',
        at,
        by: 'o',
      })
      .then([byPerson]);
    spec.given([recorded, byPerson]).when(take(1)).then([]);
  });
});

describe('a practice note from a research publication', () => {
  const spec = deciderSpec(practiceNoteDecider);
  const take = (version: number, reason = 'v') => ({
    type: 'PublishSourcedPracticeNote' as const,
    noteId: 'n-1',
    note: noteOf(version),
    reason,
    at,
    by,
  });
  const published = PracticeNotePublished.of({
    noteId: 'n-1',
    note: noteOf(1),
    publishedBy: by,
    publishedAt: at,
  });
  const revised = PracticeNoteRevised.of({
    noteId: 'n-1',
    revision: 2,
    note: noteOf(2),
    reason: 'Attrition re-weighted',
    revisedBy: by,
    revisedAt: at,
  });

  it('is published when there is none', () => spec.given().when(take(1)).then([published]));
  it('publishes nothing for the same version again', () =>
    spec.given([published]).when(take(1)).then([]));
  it('is revised by a later version, with the correction’s reason', () =>
    spec.given([published]).when(take(2, 'Attrition re-weighted')).then([revised]));
  it('publishes nothing for an older version or the same one after a revision', () => {
    spec.given([published, revised]).when(take(1)).then([]);
    spec.given([published, revised]).when(take(2)).then([]);
  });
});
