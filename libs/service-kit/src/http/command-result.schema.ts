import { Type, type TBoolean, type TInteger, type TString } from '@sinclair/typebox';

/** What the fields of a command's answer say of the record (each is its OpenAPI description). */
export interface CommandResultDescriptions {
  /** Of the record's id, e.g. 'The offering’s id'. */
  id: string;
  /** Of `streamVersion`, e.g. 'The offering’s version after the command: its new ETag'. */
  version: string;
  /** Of `changed`; by default, that an idempotent repeat records nothing. */
  changed?: string;
}

/** The fields every command on a record answers, its id under `idName` (e.g. `offeringId`). */
export type CommandResultFields<IdName extends string> = { [K in IdName]: TString } & {
  streamVersion: TInteger;
  position: TInteger;
  changed: TBoolean;
};

/**
 * The TypeBox fields of a command's answer: the record's id (a uuid) under
 * `idName`, its new version (the ETag), the global position to read one's
 * writes, and whether anything was recorded. Spread them into the answer's
 * `Type.Object` beside the command's own fields.
 */
export function commandResultFields<IdName extends string>(
  idName: IdName,
  descriptions: CommandResultDescriptions,
): CommandResultFields<IdName> {
  return {
    [idName]: Type.String({ format: 'uuid', description: descriptions.id }),
    streamVersion: Type.Integer({ minimum: 1, description: descriptions.version }),
    position: Type.Integer({
      minimum: 0,
      description:
        'Global position of the command’s last event (pass it as minPosition to read your writes); the current head when nothing changed',
    }),
    changed: Type.Boolean({
      description:
        descriptions.changed ??
        'Whether the command recorded anything (an idempotent repeat records nothing)',
    }),
  } as CommandResultFields<IdName>;
}
