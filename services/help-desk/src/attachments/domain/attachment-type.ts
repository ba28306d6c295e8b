/**
 * What files a request may carry: an allow-list of types, each recognised by
 * its content (magic bytes, or readable text) AND named with one of its
 * extensions. A file whose name and content disagree (an executable renamed
 * .pdf) is refused, as is any type not on the list.
 */
export interface AttachmentType {
  /** The media type the file is served with. */
  contentType: string;
  /** What people call it. */
  label: string;
  extensions: readonly string[];
  /** Whether the content is of this type. */
  matches(content: Buffer): boolean;
}

const startsWith =
  (...signatures: ReadonlyArray<readonly number[]>) =>
  (content: Buffer): boolean =>
    signatures.some(
      (signature) =>
        content.length >= signature.length && signature.every((byte, i) => content[i] === byte),
    );

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** A ZIP container (Office Open XML and OpenDocument files are ZIPs). */
const zip = startsWith([0x50, 0x4b, 0x03, 0x04]);
/** The compound file format of older Office documents (.doc, .xls). */
const compoundFile = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Text a person can read: valid UTF-8 without control characters other than tab, CR, LF and form feed. */
export function isReadableText(content: Buffer): boolean {
  if (content.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

export const ATTACHMENT_TYPES: readonly AttachmentType[] = [
  {
    contentType: 'application/pdf',
    label: 'PDF document',
    extensions: ['pdf'],
    matches: startsWith(ascii('%PDF-')),
  },
  {
    contentType: 'image/png',
    label: 'PNG image',
    extensions: ['png'],
    matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    contentType: 'image/jpeg',
    label: 'JPEG image',
    extensions: ['jpg', 'jpeg'],
    matches: startsWith([0xff, 0xd8, 0xff]),
  },
  {
    contentType: 'image/gif',
    label: 'GIF image',
    extensions: ['gif'],
    matches: startsWith(ascii('GIF87a'), ascii('GIF89a')),
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word document',
    extensions: ['docx'],
    matches: zip,
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel workbook',
    extensions: ['xlsx'],
    matches: zip,
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint presentation',
    extensions: ['pptx'],
    matches: zip,
  },
  {
    contentType: 'application/vnd.oasis.opendocument.text',
    label: 'OpenDocument text',
    extensions: ['odt'],
    matches: zip,
  },
  {
    contentType: 'application/vnd.oasis.opendocument.spreadsheet',
    label: 'OpenDocument spreadsheet',
    extensions: ['ods'],
    matches: zip,
  },
  {
    contentType: 'application/msword',
    label: 'Word 97–2003 document',
    extensions: ['doc'],
    matches: compoundFile,
  },
  {
    contentType: 'application/vnd.ms-excel',
    label: 'Excel 97–2003 workbook',
    extensions: ['xls'],
    matches: compoundFile,
  },
  {
    contentType: 'text/plain; charset=utf-8',
    label: 'Text',
    extensions: ['txt', 'md'],
    matches: isReadableText,
  },
  {
    contentType: 'text/csv; charset=utf-8',
    label: 'CSV table',
    extensions: ['csv'],
    matches: isReadableText,
  },
];

/** The extensions accepted, for messages and the OpenAPI document. */
export const ALLOWED_EXTENSIONS: readonly string[] = ATTACHMENT_TYPES.flatMap((t) => t.extensions);

export type AttachmentTypeVerdict =
  | { accepted: true; type: AttachmentType }
  | { accepted: false; reason: string };

/** The file's extension, lower case, without the dot ('' when it has none). */
export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot <= 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/** Whether a file of this name and content may be attached, and as what type. */
export function checkAttachmentType(filename: string, content: Buffer): AttachmentTypeVerdict {
  const extension = extensionOf(filename);
  const named = ATTACHMENT_TYPES.filter((t) => t.extensions.includes(extension));
  if (named.length === 0) {
    return {
      accepted: false,
      reason: `Files named .${extension || '(none)'} are not accepted; accepted: ${ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(', ')}`,
    };
  }
  const type = named.find((t) => t.matches(content));
  if (!type) {
    return {
      accepted: false,
      reason: `The content of ${filename} does not match its name: expected ${named.map((t) => t.label).join(' or ')}`,
    };
  }
  return { accepted: true, type };
}
