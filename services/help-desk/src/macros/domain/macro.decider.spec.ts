import { deciderSpec } from '@sfp/event-sourcing/testing';
import { decideMacro, evolveMacros, initialThemeMacros, MacroNotFoundError } from './macro.decider';
import { MacroDeleted, MacroSaved } from './macro.events';

const spec = deciderSpec({
  initialState: initialThemeMacros,
  decide: decideMacro,
  evolve: evolveMacros,
});
const at = '2026-12-07T10:00:00.000Z';
const saved = MacroSaved.of({
  macroId: 'm-1',
  theme: 'gender',
  title: 'Toolkit sent',
  text: 'Please find the gender toolkit attached.',
  visibility: 'public',
  savedBy: 'lead-1',
  savedAt: at,
});
const save = (over: Partial<{ edit: boolean; text: string }> = {}) => ({
  type: 'SaveMacro' as const,
  macroId: 'm-1',
  edit: false,
  theme: 'gender',
  title: 'Toolkit sent',
  text: 'Please find the gender toolkit attached.',
  visibility: 'public' as const,
  at,
  by: 'lead-1',
  ...over,
});

describe('macros of a theme', () => {
  it('saves a new macro, and an edit of it; an unchanged save records nothing', () => {
    spec.given([]).when(save()).then([saved]);
    spec
      .given([saved])
      .when(save({ edit: true, text: 'The toolkit is attached.' }))
      .then([MacroSaved.of({ ...saved.data, text: 'The toolkit is attached.' })]);
    spec
      .given([saved])
      .when(save({ edit: true }))
      .thenNothingHappens();
  });

  it('refuses to edit or delete a macro the theme does not have', () => {
    spec
      .given([])
      .when(save({ edit: true }))
      .thenThrows(MacroNotFoundError);
    spec
      .given([])
      .when({ type: 'DeleteMacro', macroId: 'm-1', theme: 'gender', at, by: 'lead-1' })
      .thenThrows(MacroNotFoundError);
  });

  it('deletes a macro: it is gone from the theme', () => {
    const deleted = MacroDeleted.of({
      macroId: 'm-1',
      theme: 'gender',
      deletedBy: 'lead-1',
      deletedAt: at,
    });
    spec
      .given([saved])
      .when({ type: 'DeleteMacro', macroId: 'm-1', theme: 'gender', at, by: 'lead-1' })
      .then([deleted]);
    expect(evolveMacros(evolveMacros(initialThemeMacros(), saved), deleted).size).toBe(0);
  });
});
