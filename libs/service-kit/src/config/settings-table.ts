import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SETTINGS_TABLE_END,
  SETTINGS_TABLE_START,
  settingsTable,
  type SettingDescription,
} from './settings.catalogue';

/** docs/operations.md, from the repository root. */
export const OPERATIONS_DOC = join(__dirname, '../../../../docs/operations.md');

/** The text between the settings table's markers of `document`, or undefined without them. */
export function documentedSettingsTable(document: string): string | undefined {
  const start = document.indexOf(SETTINGS_TABLE_START);
  const end = document.indexOf(SETTINGS_TABLE_END);
  if (start < 0 || end < start) return undefined;
  return document.slice(start + SETTINGS_TABLE_START.length, end).trim();
}

/** `document` with the table between the markers replaced by the catalogue's. */
export function withSettingsTable(
  document: string,
  settings?: readonly SettingDescription[],
): string {
  const start = document.indexOf(SETTINGS_TABLE_START);
  const end = document.indexOf(SETTINGS_TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`${SETTINGS_TABLE_START} … ${SETTINGS_TABLE_END} not found`);
  return `${document.slice(0, start + SETTINGS_TABLE_START.length)}\n\n${settingsTable(settings)}\n\n${document.slice(end)}`;
}

/** A markdown table's rows as trimmed cells, whatever its alignment (prettier pads cells). */
export function tableCells(table: string): string[][] {
  return table
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, line.endsWith('|') ? -1 : undefined)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim())
        .map((cell) => (/^:?-+:?$/.test(cell) ? '---' : cell)),
    );
}

/** docs/operations.md as it is on disk. */
export function readOperationsDoc(): string {
  return readFileSync(OPERATIONS_DOC, 'utf8');
}
