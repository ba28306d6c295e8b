import { DEAD_LETTER_REASONS, type DeadLetterReason } from '../dead-letters/dead-letter.errors';
import { DEAD_LETTER_REJECTION_CODES } from './inbound-command';

/**
 * The tables of docs/security.md ("Signing a command on Kafka") that list
 * what a department's system can get back, printed from the constants the
 * code uses, so the document cannot drift from them: each table sits between
 * `<!-- command-codes:<id> -->` and `<!-- /command-codes:<id> -->`, and a
 * unit test of each project compares its table with the printed one
 * (`npm run`-free: `npx ts-node -r tsconfig-paths/register --transpile-only
 * -P tsconfig.base.json scripts/docs/command-codes.ts` prints them all).
 */

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

function table(header: string[], rows: string[][]): string {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}

/** Dead-letter reasons (`dlq-reason`) and the rejection code the sender's outcome carries for each. */
export function deadLetterReasonsTable(): string {
  return table(
    ['`dlq-reason`', 'outcome `rejection.code`', 'when'],
    (Object.keys(DEAD_LETTER_REASONS) as DeadLetterReason[]).map((reason) => [
      `\`${reason}\``,
      `\`${DEAD_LETTER_REJECTION_CODES[reason]}\``,
      DEAD_LETTER_REASONS[reason],
    ]),
  );
}

/**
 * A context's refusals of a valid command (outcome `status: rejected`, no
 * dead letter): its domain error codes, with the HTTP status the same refusal
 * answers over HTTP.
 */
export function rejectionCodesTable(statuses: Record<string, number>): string {
  return table(
    ['outcome `rejection.code`', 'same refusal over HTTP'],
    Object.entries(statuses)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, status]) => [`\`${code}\``, String(status)]),
  );
}

/** The text between a table's markers in a document (trimmed), or undefined without them. */
export function documentedTable(document: string, id: string): string | undefined {
  const open = `<!-- command-codes:${id} -->`;
  const close = `<!-- /command-codes:${id} -->`;
  const from = document.indexOf(open);
  const to = document.indexOf(close);
  if (from < 0 || to < from) return undefined;
  return document.slice(from + open.length, to).trim();
}

/** The table with its markers, as it goes into the document. */
export function markedTable(id: string, markdown: string): string {
  return `<!-- command-codes:${id} -->\n\n${markdown}\n\n<!-- /command-codes:${id} -->`;
}

/**
 * A markdown table's cells, row by row, without the separator row: what the
 * comparison looks at, so that prettier's padding of the document's table
 * changes nothing.
 */
export function tableCells(markdown: string): string[][] {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    )
    .filter((cells) => !cells.every((cell) => /^:?-+:?$/.test(cell)));
}
