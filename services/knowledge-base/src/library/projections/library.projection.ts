import type { LibraryEntrySummary, LibraryKind } from '@sfp/contracts';
import type { RecordedEvent } from '@sfp/event-sourcing';
import { defineProjection, type ViewWriter } from '@sfp/projections';
import type { ImpactAssessment, LibrarySource, PracticeNote } from '../domain/library.entries';
import type { LibraryTheme } from '../domain/library.reference-data';
import type { ImpactAssessmentEvent, PracticeNoteEvent } from '../domain/library.events';
import { weightedTokens } from '../domain/search-tokens';

export const LIBRARY_PROJECTION = 'kb-library';

export type { LibraryKind } from '@sfp/contracts';

/** An entry of the library (docType entry), one of its search tokens (docType token), or one of the institutions it is about (docType institution-link). */
export type LibraryDoc = LibraryEntryDoc | LibraryTokenDoc | LibraryInstitutionLinkDoc;

/** The entry as the library's lists and its search answer it (@sfp/contracts), with what indexes it. */
export interface LibraryEntryDoc extends LibraryEntrySummary {
  docType: 'entry';
  themes: LibraryTheme[];
  country?: string;
  revision: number;
  revisedAt?: string;
  tokens: string[];
  /** Where it comes from when research made it: the project, the version, the link back. */
  source?: LibrarySource;
  assessment?: ImpactAssessment;
  note?: PracticeNote;
}

export interface LibraryTokenDoc {
  docType: 'token';
  token: string;
  entryKey: string;
  weight: number;
}

/** An entry about an institution (an assessment of its partner, a note naming it): the institution's library. */
export interface LibraryInstitutionLinkDoc {
  docType: 'institution-link';
  institutionId: string;
  kind: LibraryKind;
  entryKey: string;
  recordedAt: string;
  /** The entry's country (an assessment's), so the institution's entries filter by it too. */
  country?: string;
}

export const entryKeyOf = (kind: LibraryKind, id: string) => `entry|${kind}|${id}`;
const tokenId = (token: string, entryKey: string) => `token|${token}|${entryKey}`;
const linkId = (institutionId: string, entryKey: string) => `link|${institutionId}|${entryKey}`;

/** The institutions an entry is about. */
const institutionsOf = (entry: Pick<LibraryEntryDoc, 'assessment' | 'note'> | undefined) =>
  entry?.assessment?.partnerInstitutionId
    ? [entry.assessment.partnerInstitutionId]
    : (entry?.note?.institutionIds ?? []);

/** A first record (revision 1), or a revision that keeps the time the entry was first recorded. */
type Recording = { recordedAt: string } | { revision: number; revisedAt: string };

async function index(
  view: ViewWriter<LibraryDoc>,
  entry: Omit<LibraryEntryDoc, 'tokens' | 'docType' | 'revision' | 'recordedAt' | 'revisedAt'>,
  recording: Recording,
): Promise<void> {
  const key = entryKeyOf(entry.kind, entry.entryId);
  const previous = (await view.get(key)) as LibraryEntryDoc | undefined;
  const weights = weightedTokens(entry);
  for (const token of previous?.tokens ?? []) {
    if (!weights.has(token)) await view.delete(tokenId(token, key));
  }
  for (const [token, weight] of weights) {
    await view.upsert(tokenId(token, key), { docType: 'token', token, entryKey: key, weight });
  }
  const revision =
    'recordedAt' in recording
      ? { revision: 1, recordedAt: recording.recordedAt }
      : {
          revision: recording.revision,
          recordedAt: previous?.recordedAt ?? recording.revisedAt,
          revisedAt: recording.revisedAt,
        };
  await view.upsert(key, { docType: 'entry', ...entry, ...revision, tokens: [...weights.keys()] });
  const institutions = new Set(institutionsOf(entry));
  for (const institutionId of institutionsOf(previous)) {
    if (!institutions.has(institutionId)) await view.delete(linkId(institutionId, key));
  }
  for (const institutionId of institutions) {
    await view.upsert(linkId(institutionId, key), {
      docType: 'institution-link',
      institutionId,
      kind: entry.kind,
      entryKey: key,
      recordedAt: revision.recordedAt,
      ...(entry.country ? { country: entry.country } : {}),
    });
  }
}

/** An entry's title, summary, tags and themes: what the library lists and searches; and its source. */
const listed = ({ title, summary, tags, themes, source }: ImpactAssessment | PracticeNote) => ({
  title,
  summary,
  tags,
  themes,
  ...(source ? { source } : {}),
});

/** Each event of an assessment or a note indexes the entry it carries, as first recorded or revised. */
async function onEntry(recorded: RecordedEvent, view: ViewWriter<LibraryDoc>): Promise<void> {
  const data = recorded.data as (ImpactAssessmentEvent | PracticeNoteEvent)['data'];
  await index(
    view,
    'assessment' in data
      ? {
          kind: 'impact-assessment',
          entryId: data.assessmentId,
          ...listed(data.assessment),
          country: data.assessment.country,
          assessment: data.assessment,
        }
      : { kind: 'practice-note', entryId: data.noteId, ...listed(data.note), note: data.note },
    'revision' in data
      ? { revision: data.revision, revisedAt: data.revisedAt }
      : { recordedAt: 'recordedAt' in data ? data.recordedAt : data.publishedAt },
  );
}

/**
 * The library of impact assessments and practice notes, with its own search
 * index: one token document per word of an entry's title, tags and summary
 * (with a weight), kept in step when an entry is revised. A search looks up
 * each query word by equality (or prefix) on the indexed `token` field, which
 * works the same on SQLite and on MongoDB/FerretDB (no $text needed).
 */
export const libraryProjection = defineProjection<LibraryDoc>({
  name: LIBRARY_PROJECTION,
  version: 2,
  fields: {
    docType: 'string',
    institutionId: 'string',
    kind: 'string',
    token: 'string',
    entryKey: 'string',
    country: 'string',
    recordedAt: 'string',
  },
  handlers: {
    'knowledge-base.ImpactAssessmentRecorded': onEntry,
    'knowledge-base.ImpactAssessmentRevised': onEntry,
    'knowledge-base.PracticeNotePublished': onEntry,
    'knowledge-base.PracticeNoteRevised': onEntry,
  },
});
