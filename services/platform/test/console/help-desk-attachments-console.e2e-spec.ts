import { readFileSync } from 'node:fs';
import { httpClient, signIn } from '@sfp/testing';
import type { Page } from 'playwright-core';
import { SERVICE_REQUEST } from '../support/test-platform';
import { startConsoleHarness, type ConsoleHarness } from './console-harness';
import { submitSignIn } from './console-steps';

/** Files on a help-desk request, through the console's request page, in a real browser. */
describe('help desk attachments in the console (browser e2e)', () => {
  const ADMIN_PASSWORD = 'attachments console phrase';
  const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
  let h: ConsoleHarness;
  let page: Page;
  let requestId: string;

  beforeAll(async () => {
    h = await startConsoleHarness(ADMIN_PASSWORD);
    page = h.page;
    const api = httpClient(
      `${h.platform.url}/api/help-desk`,
      await signIn(h.platform.url, 'admin', ADMIN_PASSWORD),
    );
    const filed = await api.post<{ requestId: string }>('/service-requests', SERVICE_REQUEST);
    expect(filed.status).toBe(201);
    requestId = filed.body.requestId;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('attaches a file, lists it with its type and size, downloads it as it was, and says why a file is refused', async () => {
    await submitSignIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.goto(`/help-desk/requests/${requestId}`);
    await page.getByRole('heading', { name: SERVICE_REQUEST.title }).waitFor();
    const section = page.getByRole('region', { name: 'Attachments' });
    await section.getByText('No files attached.').waitFor();

    await section.getByLabel('Attach a file').setInputFiles({
      name: 'Fund terms.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await section.getByText(`Attached Fund terms.pdf (${PDF.length} bytes)`).waitFor();
    const row = section.getByTestId('attachments').getByRole('row', { name: /Fund terms\.pdf/ });
    await row.getByText('PDF document').waitFor();
    await row.getByText(`${PDF.length} bytes`).waitFor();
    await row.getByText('by Platform administrator (you)').waitFor();
    await h.screenshot('help-desk-attachments');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'Fund terms.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Fund terms.pdf');
    expect(readFileSync(await download.path()).equals(PDF)).toBe(true);

    // An executable renamed to .pdf: refused, in words, and nothing is added.
    await section.getByLabel('Attach a file').setInputFiles({
      name: 'minutes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0x90)]),
    });
    const refusal = section.getByRole('alert').filter({ hasText: 'The file was not attached.' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('does not match its name: expected PDF document');
    expect(await section.getByTestId('attachments').getByRole('row').count()).toBe(2);
  });
});
