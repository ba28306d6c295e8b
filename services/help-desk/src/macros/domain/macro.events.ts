import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';

/** A saved reply of a theme, created or edited (the whole macro as it now reads). */
export interface MacroSavedData {
  macroId: string;
  theme: string;
  title: string;
  text: string;
  /** Applied as a public reply (the requester reads it) or an internal note. */
  visibility: 'public' | 'internal';
  savedBy: string;
  savedAt: string;
}

export class MacroSaved extends defineEventType<MacroSavedData>()({
  type: 'help-desk.MacroSaved',
  schemaVersion: 1,
}) {}

export interface MacroDeletedData {
  macroId: string;
  theme: string;
  deletedBy: string;
  deletedAt: string;
}

export class MacroDeleted extends defineEventType<MacroDeletedData>()({
  type: 'help-desk.MacroDeleted',
  schemaVersion: 1,
}) {}

export const MACRO_EVENT_CLASSES = [MacroSaved, MacroDeleted] as const;

export type MacroEvent = EventOf<typeof MacroSaved> | EventOf<typeof MacroDeleted>;
