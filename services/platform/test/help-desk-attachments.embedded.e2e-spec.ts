import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningConsumer } from '@sfp/messaging';
import { httpClient as client, signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { SERVICE_REQUEST, startTestPlatform } from './support/test-platform';

const MAX_BYTES = 64 * 1024;
const PASSWORD = 'an attachments e2e phrase';

/** A small but real PDF header and body: what the type check recognises. */
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** Files on help-desk requests, over HTTP, on the embedded platform (its file-system storage). */
describe('help desk attachments on the embedded platform (e2e)', () => {
  let platform: EmbeddedPlatform;
  let dataDir: string;
  let authorization: string;
  let http: ReturnType<typeof client>;
  let recorder: RunningConsumer;
  const published: Array<{ type: string; data: Record<string, unknown> }> = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sfp-attachments-e2e-'));
    platform = await startTestPlatform('sfp-attachments-', {
      SFP_ADMIN_PASSWORD: PASSWORD,
      SFP_DATA_DIR: dataDir,
      HELP_DESK_ATTACHMENT_MAX_BYTES: MAX_BYTES,
    });
    ({ authorization } = await signIn(platform.url, 'admin', PASSWORD));
    http = client(`${platform.url}/api/help-desk`, { authorization });
    recorder = await platform.bus.consume({
      groupId: 'attachments-e2e-recorder',
      topics: ['sfp.help-desk.events'],
      fromBeginning: true,
      handler: async (message) => {
        const envelope = JSON.parse(String(message.value)) as {
          type: string;
          data: Record<string, unknown>;
        };
        published.push({ type: envelope.type, data: envelope.data });
      },
    });
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function fileRequest(email = 'kofi@example.org'): Promise<string> {
    const filed = await http.post<{ requestId: string }>('/service-requests', {
      ...SERVICE_REQUEST,
      requester: { ...SERVICE_REQUEST.requester, email },
    });
    expect(filed.status).toBe(201);
    return filed.body.requestId;
  }

  function upload(
    requestId: string,
    filename: string,
    content: Buffer,
    type = 'application/octet-stream',
  ) {
    return fetch(
      `${platform.url}/api/help-desk/service-requests/${requestId}/attachments?filename=${encodeURIComponent(filename)}`,
      { method: 'POST', headers: { authorization, 'content-type': type }, body: content },
    );
  }

  const download = (requestId: string, attachmentId: string) =>
    fetch(
      `${platform.url}/api/help-desk/service-requests/${requestId}/attachments/${attachmentId}`,
      {
        headers: { authorization },
      },
    );

  const storedFile = (hash: string) =>
    join(dataDir, 'help-desk', 'attachments', hash.slice(0, 2), hash);

  async function published_(type: string, attachmentId: string) {
    for (let i = 0; i < 100; i++) {
      const found = published.find(
        (e) => e.type === type && e.data['attachmentId'] === attachmentId,
      );
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${type} of ${attachmentId} was not published`);
  }

  it('keeps a file outside the event log, its hash in the event, and gives it back as it was', async () => {
    const requestId = await fileRequest();
    const added = await upload(requestId, 'Guarantee fund terms (v2).pdf', PDF, 'application/pdf');
    expect(added.status).toBe(201);
    const body = (await added.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      requestId,
      filename: 'Guarantee fund terms (v2).pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
      erased: false,
    });
    const attachmentId = body['attachmentId'] as string;
    expect(added.headers.get('location')).toBe(
      `/api/help-desk/service-requests/${requestId}/attachments/${attachmentId}`,
    );
    // The bytes are in the storage (by their hash), not in the event.
    expect(existsSync(storedFile(sha256(PDF)))).toBe(true);
    const event = await published_('help-desk.AttachmentAdded', attachmentId);
    expect(event.data).toMatchObject({ requestId, sha256: sha256(PDF), size: PDF.length });
    expect(JSON.stringify(event.data)).not.toContain(PDF.toString('base64').slice(0, 20));
    expect(JSON.stringify(event.data)).not.toContain('/Catalog');

    const listed = await http.get<Array<Record<string, unknown>>>(
      `/service-requests/${requestId}/attachments`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining({ attachmentId, sha256: sha256(PDF) })]);

    const file = await download(requestId, attachmentId);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="Guarantee fund terms (v2).pdf"',
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('refuses a file over the size limit with 413, and records nothing', async () => {
    const requestId = await fileRequest();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_BYTES)]);
    const refused = await upload(requestId, 'scan.pdf', big);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({
      code: 'ATTACHMENT_TOO_LARGE',
      details: { maxBytes: MAX_BYTES },
    });
    expect(existsSync(storedFile(sha256(big)))).toBe(false);
    const listed = await http.get<unknown[]>(`/service-requests/${requestId}/attachments`);
    expect(listed.body).toEqual([]);
  });

  it('refuses with 415 a type not on the list, content that is not what its name says, and JSON', async () => {
    const requestId = await fileRequest();
    const executable = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const renamed = await upload(requestId, 'minutes.pdf', executable);
    expect(renamed.status).toBe(415);
    expect(await renamed.json()).toMatchObject({
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      detail: expect.stringContaining('does not match its name: expected PDF document'),
    });
    const exe = await upload(requestId, 'setup.exe', executable);
    expect(exe.status).toBe(415);
    expect(await exe.json()).toMatchObject({
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      detail: expect.stringContaining('.exe are not accepted'),
    });
    const json = await upload(requestId, 'notes.txt', Buffer.from('{"a":1}'), 'application/json');
    expect(json.status).toBe(415);
    // A text file is text: accepted, served as text.
    const notes = await upload(requestId, 'notes.txt', Buffer.from('Call the CFO on Monday\n'));
    expect(notes.status).toBe(201);
    expect(((await notes.json()) as { contentType: string }).contentType).toBe(
      'text/plain; charset=utf-8',
    );
    const listed = await http.get<unknown[]>(`/service-requests/${requestId}/attachments`);
    expect(listed.body).toHaveLength(1);
  });

  it('answers 404 for an unknown request or attachment, 400 without a file name', async () => {
    const requestId = await fileRequest();
    expect((await upload('8c0e4f8e-5d1a-4c3b-9a57-2f1d7b6e9a10', 'a.pdf', PDF)).status).toBe(404);
    const unknown = await download(requestId, '8c0e4f8e-5d1a-4c3b-9a57-2f1d7b6e9a10');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('ATTACHMENT_NOT_FOUND');
    const unnamed = await fetch(
      `${platform.url}/api/help-desk/service-requests/${requestId}/attachments`,
      { method: 'POST', headers: { authorization }, body: PDF },
    );
    expect(unnamed.status).toBe(400);
    expect((await upload(requestId, '../etc/a.pdf', PDF)).status).toBe(400);
  });

  it('does not serve a file whose stored bytes no longer match the hash in its event', async () => {
    const requestId = await fileRequest();
    const content = Buffer.from('%PDF-1.4\nthe original annex\n');
    const added = (await (await upload(requestId, 'annex.pdf', content)).json()) as {
      attachmentId: string;
    };
    writeFileSync(storedFile(sha256(content)), Buffer.from('%PDF-1.4\nan altered annex!!\n'));
    const served = await download(requestId, added.attachmentId);
    expect(served.status).toBe(500);
    expect(((await served.json()) as { code: string }).code).toBe('ATTACHMENT_CORRUPTED');
  });

  it('removes the files of an erased requester’s requests (410 after), and keeps the same content on another’s request', async () => {
    const erasedRequest = await fileRequest('leaving@example.org');
    const otherRequest = await fileRequest('staying@example.org');
    const content = Buffer.from('%PDF-1.5\nthe shared terms\n');
    const own = Buffer.from('%PDF-1.5\nonly the leaving person’s letter\n');
    const shared = (await (await upload(erasedRequest, 'terms.pdf', content)).json()) as {
      attachmentId: string;
    };
    const letter = (await (await upload(erasedRequest, 'letter.pdf', own)).json()) as {
      attachmentId: string;
    };
    const kept = (await (await upload(otherRequest, 'terms.pdf', content)).json()) as {
      attachmentId: string;
    };

    const erased = await http.post('/personal-data/erasures', { email: 'leaving@example.org' });
    expect(erased.status).toBe(200);

    for (const id of [shared.attachmentId, letter.attachmentId]) {
      const gone = await download(erasedRequest, id);
      expect(gone.status).toBe(410);
      expect(((await gone.json()) as { code: string }).code).toBe('ATTACHMENT_ERASED');
    }
    expect(existsSync(storedFile(sha256(own)))).toBe(false);
    const listed = await http.get<Array<Record<string, unknown>>>(
      `/service-requests/${erasedRequest}/attachments`,
    );
    expect(listed.body.map((a) => [a['filename'], a['erased']])).toEqual([
      ['[erased]', true],
      ['[erased]', true],
    ]);
    // The other requester's copy of the same content stays.
    const stays = await download(otherRequest, kept.attachmentId);
    expect(stays.status).toBe(200);
    expect(Buffer.from(await stays.arrayBuffer()).equals(content)).toBe(true);
  });
});
