// The files of a help-desk request: the list (name, type, size, who added
// them and when), an upload for operators, and downloads. The API checks the
// size and the type (by content and name) and answers 413/415 in words.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, currentSession, get } from '../../api/client';
import { Empty, ErrorMessage, Notice, QueryState } from '../../components/feedback';
import { formatDateTime, formatNumber } from '../../components/format';
import { useDirectory } from '../../session';
import { HELP_DESK_KEY } from './help-desk.api';

/** An attachment as GET /service-requests/{id}/attachments answers it. */
export interface Attachment {
  attachmentId: string;
  requestId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  addedBy: string;
  addedAt: string;
  erased: boolean;
}

/** What the upload accepts (the API's allow-list; it checks the content too). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.docx,.xlsx,.pptx,.odt,.ods,.doc,.xls,.txt,.md,.csv';

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF document',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation':
    'PowerPoint presentation',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
  'application/msword': 'Word 97–2003 document',
  'application/vnd.ms-excel': 'Excel 97–2003 workbook',
  'text/plain; charset=utf-8': 'Text',
  'text/csv; charset=utf-8': 'CSV table',
};

const path = (requestId: string) =>
  `/api/help-desk/service-requests/${encodeURIComponent(requestId)}/attachments`;

export const attachmentsQuery = (requestId: string) => ({
  queryKey: [...HELP_DESK_KEY, 'attachments', requestId] as const,
  queryFn: () => get<Attachment[]>(path(requestId)),
});

/** 1536 → "1.5 KB": bytes for people. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes, 0)} bytes`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}

/** The request's files, and (for operators) the upload. */
export function Attachments({ requestId, canAdd }: { requestId: string; canAdd: boolean }) {
  const queryClient = useQueryClient();
  const nameOf = useDirectory();
  const list = useQuery(attachmentsQuery(requestId));
  const [notice, setNotice] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) =>
      (
        await api<Attachment>(`${path(requestId)}?filename=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          body: file,
          contentType: 'application/octet-stream',
        })
      ).body,
    onSuccess: async (added) => {
      setNotice(`Attached ${added.filename} (${formatSize(added.size)})`);
      await queryClient.invalidateQueries({
        queryKey: [...HELP_DESK_KEY, 'attachments', requestId],
      });
    },
  });
  const download = useMutation({ mutationFn: (a: Attachment) => saveAttachment(a) });
  const attachments = list.data ?? [];
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">Attachments</h2>
      <QueryState query={list} what="Loading the attachments" />
      {list.data && attachments.length === 0 ? <Empty>No files attached.</Empty> : null}
      {attachments.length ? (
        <table className="list" data-testid="attachments">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Type</th>
              <th scope="col">Size</th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {attachments.map((a) => (
              <tr key={a.attachmentId}>
                <td>
                  {a.erased ? (
                    <span>
                      {a.filename} <span className="sub">(removed with the requester’s data)</span>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="link"
                      onClick={() => download.mutate(a)}
                      title={`SHA-256 ${a.sha256}`}
                    >
                      {a.filename}
                    </button>
                  )}
                </td>
                <td>{TYPE_LABELS[a.contentType] ?? a.contentType}</td>
                <td>{formatSize(a.size)}</td>
                <td>
                  {formatDateTime(a.addedAt)}
                  <div className="sub">by {nameOf('person', a.addedBy)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ErrorMessage error={download.error} title="The file could not be downloaded." />
      {canAdd ? (
        <div className="field">
          <label htmlFor="attachment-file">Attach a file</label>
          <input
            id="attachment-file"
            type="file"
            accept={ACCEPT}
            disabled={upload.isPending}
            onChange={(e) => {
              const file = e.target.files?.[0];
              setNotice(null);
              if (file) upload.mutate(file);
              e.target.value = '';
            }}
          />
          <p className="sub">
            PDF, images, Office and OpenDocument files, text and CSV; the platform checks the
            content matches the name.
          </p>
        </div>
      ) : null}
      {upload.isPending ? <p className="loading">Uploading…</p> : null}
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorMessage error={upload.error} title="The file was not attached." />
    </section>
  );
}

/** Fetches the file's bytes (the API client reads JSON and text only) and saves them under its name. */
async function saveAttachment(attachment: Attachment): Promise<void> {
  // The list first: it refreshes an access token about to expire, and says whether the file is still there.
  const current = (await get<Attachment[]>(path(attachment.requestId))).find(
    (a) => a.attachmentId === attachment.attachmentId,
  );
  if (!current || current.erased) {
    throw new ApiError(410, 'ATTACHMENT_ERASED', 'The file was removed with the requester’s data');
  }
  const session = currentSession();
  const response = await fetch(`${path(attachment.requestId)}/${attachment.attachmentId}`, {
    headers: session ? { authorization: `Bearer ${session.accessToken}` } : {},
    cache: 'no-store',
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new ApiError(
      response.status,
      problem.code ?? `HTTP_${response.status}`,
      problem.detail ?? response.statusText,
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = attachment.filename === '[erased]' ? 'attachment' : attachment.filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
