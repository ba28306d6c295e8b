/**
 * Writes the "Settings" table of docs/operations.md from settings.catalogue.ts:
 *   TS_NODE_PROJECT=tsconfig.base.json node -r ts-node/register/transpile-only \
 *     libs/service-kit/src/config/write-settings-table.ts
 * (then the table is formatted with the repository's prettier settings).
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { OPERATIONS_DOC, readOperationsDoc, withSettingsTable } from './settings-table';

async function main(): Promise<void> {
  const options = (await resolveConfig(OPERATIONS_DOC)) ?? {};
  const document = await format(withSettingsTable(readOperationsDoc()), {
    ...options,
    filepath: OPERATIONS_DOC,
  });
  writeFileSync(OPERATIONS_DOC, document);
  process.stdout.write(`Settings table written to ${OPERATIONS_DOC}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
