import type { Macro } from '@sfp/contracts';
import { MacroDeleted, MacroSaved, type MacroEvent } from './macro.events';

/** The macros of one theme (stream `help-desk-macros-<theme>`), by id. */
export type ThemeMacros = ReadonlyMap<string, Macro>;

export type MacroCommand =
  | {
      type: 'SaveMacro';
      /** A new macro when no macro of the theme has this id; an edit otherwise. */
      macroId: string;
      /** True for an edit: the macro must exist. */
      edit: boolean;
      theme: string;
      title: string;
      text: string;
      visibility: 'public' | 'internal';
      at: string;
      by: string;
    }
  | { type: 'DeleteMacro'; macroId: string; theme: string; at: string; by: string };

/** No such macro in the theme. */
export class MacroNotFoundError extends Error {
  readonly code = 'MACRO_NOT_FOUND';
  constructor(macroId: string) {
    super(`No macro ${macroId} in this theme`);
    this.name = 'MacroNotFoundError';
  }
}

export const initialThemeMacros = (): ThemeMacros => new Map();

export function decideMacro(command: MacroCommand, state: ThemeMacros): MacroEvent[] {
  const current = state.get(command.macroId);
  if (command.type === 'DeleteMacro') {
    if (!current) throw new MacroNotFoundError(command.macroId);
    return [
      MacroDeleted.of({
        macroId: command.macroId,
        theme: command.theme,
        deletedBy: command.by,
        deletedAt: command.at,
      }),
    ];
  }
  if (command.edit && !current) throw new MacroNotFoundError(command.macroId);
  const { title, text, visibility } = command;
  if (
    current &&
    current.title === title &&
    current.text === text &&
    current.visibility === visibility
  )
    return [];
  return [
    MacroSaved.of({
      macroId: command.macroId,
      theme: command.theme,
      title,
      text,
      visibility,
      savedBy: command.by,
      savedAt: command.at,
    }),
  ];
}

export function evolveMacros(state: ThemeMacros, event: MacroEvent): ThemeMacros {
  const next = new Map(state);
  if (event.type === 'help-desk.MacroDeleted') {
    next.delete(event.data.macroId);
    return next;
  }
  const d = event.data;
  next.set(d.macroId, {
    macroId: d.macroId,
    theme: d.theme,
    title: d.title,
    text: d.text,
    visibility: d.visibility,
    updatedAt: d.savedAt,
    updatedBy: d.savedBy,
  });
  return next;
}
