import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentedTable, rejectionCodesTable, tableCells } from '@sfp/messaging';
import { KNOWLEDGE_BASE_ERROR_STATUSES } from './knowledge-base.context';

describe('docs/security.md: the knowledge-base rejection codes of inbound commands', () => {
  it('lists exactly the codes of the code (scripts/docs/command-codes.ts prints them)', () => {
    const document = readFileSync(join(__dirname, '../../../docs/security.md'), 'utf8');
    const documented = documentedTable(document, 'knowledge-base');
    expect(documented).toBeDefined();
    expect(tableCells(documented ?? '')).toEqual(
      tableCells(rejectionCodesTable(KNOWLEDGE_BASE_ERROR_STATUSES)),
    );
  });
});
