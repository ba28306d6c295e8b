/**
 * Prints the tables of codes a department's system can get back from the
 * inbound command gateways (docs/security.md, "Signing a command on Kafka"),
 * from the constants the code uses. With --check, compares them with
 * docs/security.md and exits 1 when one differs.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only -P tsconfig.base.json scripts/docs/command-codes.ts [--check]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  deadLetterReasonsTable,
  documentedTable,
  markedTable,
  rejectionCodesTable,
  tableCells,
} from '../../libs/messaging/src/commands/command-codes';
import { HELP_DESK_ERROR_STATUSES } from '../../services/help-desk/src/help-desk.context';
import { KNOWLEDGE_BASE_ERROR_STATUSES } from '../../services/knowledge-base/src/knowledge-base.context';

const tables: Array<[id: string, markdown: string]> = [
  ['dead-letters', deadLetterReasonsTable()],
  ['help-desk', rejectionCodesTable(HELP_DESK_ERROR_STATUSES)],
  ['knowledge-base', rejectionCodesTable(KNOWLEDGE_BASE_ERROR_STATUSES)],
];

if (process.argv.includes('--check')) {
  const document = readFileSync(join(__dirname, '../../docs/security.md'), 'utf8');
  const stale = tables.filter(([id, markdown]) => {
    const documented = documentedTable(document, id);
    return (
      documented === undefined ||
      JSON.stringify(tableCells(documented)) !== JSON.stringify(tableCells(markdown))
    );
  });
  for (const [id, markdown] of stale) {
    process.stderr.write(
      `docs/security.md: table "${id}" differs; it should be:\n\n${markedTable(id, markdown)}\n\n`,
    );
  }
  process.exit(stale.length ? 1 : 0);
}
process.stdout.write(tables.map(([id, markdown]) => markedTable(id, markdown)).join('\n\n') + '\n');
