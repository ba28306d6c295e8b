import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';
import type { ImpactAssessment, PracticeNote } from './library.entries';

export interface ImpactAssessmentRecordedData {
  assessmentId: string;
  assessment: ImpactAssessment;
  recordedBy: string;
  recordedAt: string;
}
export class ImpactAssessmentRecorded extends defineEventType<ImpactAssessmentRecordedData>()({
  type: 'knowledge-base.ImpactAssessmentRecorded',
  schemaVersion: 1,
}) {}

export interface ImpactAssessmentRevisedData {
  assessmentId: string;
  revision: number;
  assessment: ImpactAssessment;
  reason: string;
  revisedBy: string;
  revisedAt: string;
}
export class ImpactAssessmentRevised extends defineEventType<ImpactAssessmentRevisedData>()({
  type: 'knowledge-base.ImpactAssessmentRevised',
  schemaVersion: 1,
}) {}

export interface PracticeNotePublishedData {
  noteId: string;
  note: PracticeNote;
  publishedBy: string;
  publishedAt: string;
}
export class PracticeNotePublished extends defineEventType<PracticeNotePublishedData>()({
  type: 'knowledge-base.PracticeNotePublished',
  schemaVersion: 1,
}) {}

export interface PracticeNoteRevisedData {
  noteId: string;
  revision: number;
  note: PracticeNote;
  reason: string;
  revisedBy: string;
  revisedAt: string;
}
export class PracticeNoteRevised extends defineEventType<PracticeNoteRevisedData>()({
  type: 'knowledge-base.PracticeNoteRevised',
  schemaVersion: 1,
}) {}

export const LIBRARY_EVENT_CLASSES = [
  ImpactAssessmentRecorded,
  ImpactAssessmentRevised,
  PracticeNotePublished,
  PracticeNoteRevised,
] as const;

export type ImpactAssessmentEvent =
  | EventOf<typeof ImpactAssessmentRecorded>
  | EventOf<typeof ImpactAssessmentRevised>;
export type PracticeNoteEvent =
  | EventOf<typeof PracticeNotePublished>
  | EventOf<typeof PracticeNoteRevised>;
