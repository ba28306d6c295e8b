import { randomUUID } from 'node:crypto';
import type { ResearchPublication } from '@sfp/contracts';
import type { RecordedEvent } from '@sfp/event-sourcing';
import { DEAD_LETTER_HEADERS, type IncomingMessage, type OutgoingMessage } from '@sfp/messaging';
import type { httpClient } from '@sfp/testing';
import {
  researchAssessmentId,
  researchNoteId,
} from '../src/research-findings/application/research-entry-ids';
import { examplePublication } from '../src/research-findings/domain/testing/example-publication';
import {
  findingsPublishedEvent,
  findingsPublishedMessage,
} from '../src/research-findings/testing/findings-published-message';
import { institutionRegistration } from '../src/testing/knowledge-base-requests';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers read field by field
type Json = Record<string, any>;

/** What the scenario needs of a host: its API, the research events topic, the knowledge base's DLQ. */
export interface ResearchFindingsHost {
  http: ReturnType<typeof httpClient>;
  /** Publishes on sfp.innovation-research.events. */
  publish(message: OutgoingMessage): Promise<void>;
  /** The dead letters seen so far on sfp.knowledge-base.dlq (their headers as text). */
  deadLetters(): Array<Pick<IncomingMessage, 'headers'>>;
}

/** Polls until `done` holds (the subscription and the projections work in the background). */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until)
      throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Research publishes a project's findings: the knowledge base records an
 * assessment of each partner and a practice note, with the link back; the
 * same event again (a redelivery) and the same version under a new event id
 * (a replay) add nothing; version 2 revises them with its reason; a malformed
 * publication is dead-lettered `schema-invalid`. Project ids are unique per run.
 */
export async function researchFindingsScenario(host: ResearchFindingsHost): Promise<void> {
  const { http } = host;
  const register = async (changes: Json) => {
    const answer = await http.post<Json>('/institutions', institutionRegistration(changes));
    expect(answer.status).toBe(201);
    return String(answer.body['id']);
  };
  const dakar = await register({
    name: 'Caisse des Femmes de Dakar',
    country: 'SN',
    region: 'africa',
    reportingDepartment: 'ro-africa',
  });
  const abidjan = await register({
    name: 'Epargne Abidjan',
    country: 'CI',
    region: 'africa',
    reportingDepartment: 'ro-africa',
  });
  const projectId = `rp-${randomUUID()}`;
  const v1: ResearchPublication = examplePublication({
    projectId,
    partnerInstitutionIds: [dakar, abidjan],
  });
  const assessmentIds = [
    researchAssessmentId(projectId, dakar),
    researchAssessmentId(projectId, abidjan),
  ];
  const noteId = researchNoteId(projectId);
  const first = findingsPublishedEvent(v1, { streamVersion: 40, position: 400 });
  await host.publish(findingsPublishedMessage(first));

  const detail = (id: string) => http.get<Json>(`/impact-assessments/${id}`);
  const note = () => http.get<Json>(`/practice-notes/${noteId}`);
  const recorded = await eventually(
    'the assessments and the note',
    async () => [...(await Promise.all(assessmentIds.map(detail))), await note()],
    (all) => all.every((a) => a.status === 200),
  );
  const [ofDakar, ofAbidjan, ofNote] = recorded.map((a) => a.body);
  expect(ofDakar).toMatchObject({
    streamVersion: 1,
    current: {
      title: v1.title,
      partnerInstitutionId: dakar,
      country: 'SN',
      status: 'completed',
      source: {
        context: 'innovation-research',
        projectId,
        publicationVersion: 1,
        url: `/research/projects/${projectId}`,
      },
      links: [{ label: 'Research project', url: `/research/projects/${projectId}` }],
    },
  });
  expect(ofAbidjan).toMatchObject({
    streamVersion: 1,
    current: { partnerInstitutionId: abidjan, country: 'SN' },
  });
  expect(ofNote).toMatchObject({
    streamVersion: 1,
    current: {
      title: v1.title,
      institutionIds: [dakar, abidjan],
      assessmentIds,
      source: { publicationVersion: 1 },
    },
  });

  // The library's lists show the source (the link back).
  const listed = await eventually(
    'the listed assessments',
    () => http.get<Json>('/impact-assessments?limit=1000'),
    (page) =>
      assessmentIds.every((id) => (page.body['items'] as Json[]).some((i) => i['entryId'] === id)),
  );
  const item = (listed.body['items'] as Json[]).find((i) => i['entryId'] === assessmentIds[0]);
  expect(item).toMatchObject({ revision: 1, source: { projectId, publicationVersion: 1 } });

  // The institution's library: the assessment of it as a partner, and the note that names it.
  const ofInstitution = await http.get<Json>(`/impact-assessments?institutionId=${dakar}`);
  expect((ofInstitution.body['items'] as Json[]).map((i) => i['entryId'])).toEqual([
    assessmentIds[0],
  ]);
  const notesOfInstitution = await http.get<Json>(
    `/practice-notes?institutionId=${abidjan}&country=SN`,
  );
  expect((notesOfInstitution.body['items'] as Json[]).map((i) => i['entryId'])).toEqual([]);
  const notesOfAbidjan = await http.get<Json>(`/practice-notes?institutionId=${abidjan}`);
  expect(notesOfAbidjan.body['items']).toEqual([
    expect.objectContaining({ entryId: noteId, source: expect.objectContaining({ projectId }) }),
  ]);
  const assessmentsInSenegal = await http.get<Json>(
    `/impact-assessments?institutionId=${abidjan}&country=SN`,
  );
  expect((assessmentsInSenegal.body['items'] as Json[]).map((i) => i['entryId'])).toEqual([
    assessmentIds[1],
  ]);

  // A redelivery of the same event, and the same version under another event id: nothing more.
  await host.publish(findingsPublishedMessage(first));
  await host.publish(
    findingsPublishedMessage(findingsPublishedEvent(v1, { streamVersion: 40, position: 401 })),
  );
  // Version 2 (a correction) after them: once it shows, the two before it were handled.
  const v2 = examplePublication({
    projectId,
    partnerInstitutionIds: [dakar, abidjan],
    version: 2,
    correctionReason: 'Attrition re-weighted at endline',
    summary: 'Corrected: fewer distress sales; still no effect on profit.',
  });
  await host.publish(
    findingsPublishedMessage(findingsPublishedEvent(v2, { streamVersion: 43, position: 430 })),
  );
  const revised = await eventually(
    'the revision',
    () => detail(assessmentIds[0] ?? ''),
    (a) => a.body['streamVersion'] >= 2,
  );
  expect(revised.body).toMatchObject({
    streamVersion: 2,
    current: { summary: v2.summary, source: { publicationVersion: 2 } },
  });
  const history = revised.body['history'] as Json[];
  expect(history).toHaveLength(2);
  expect(JSON.stringify(history[1])).toContain('Attrition re-weighted at endline');
  const revisedNote = await eventually(
    'the note’s revision',
    note,
    (n) => n.body['streamVersion'] >= 2,
  );
  expect(revisedNote.body).toMatchObject({
    streamVersion: 2,
    current: { source: { publicationVersion: 2 } },
  });
  // Version 1 again, late: nothing.
  await host.publish(findingsPublishedMessage(first));

  // A malformed publication of the same project (the same key: after the late version 1): dead-lettered with its reason and fields.
  const bad: RecordedEvent = findingsPublishedEvent({ projectId, version: 0 });
  await host.publish(findingsPublishedMessage(bad));
  const letter = await eventually(
    'the dead letter',
    async () => host.deadLetters().find((m) => m.headers['eventId'] === bad.eventId),
    (m) => m !== undefined,
  );
  expect(letter?.headers[DEAD_LETTER_HEADERS.reason]).toBe('schema-invalid');
  expect(letter?.headers[DEAD_LETTER_HEADERS.fieldErrors]).toContain('data.publication.version');

  // The late version 1 (published before the malformed one) changed nothing, and there are no duplicates.
  for (const id of assessmentIds) expect((await detail(id)).body['streamVersion']).toBe(2);
  expect((await note()).body['streamVersion']).toBe(2);
  const all = await http.get<Json>('/impact-assessments?limit=1000');
  const ofProject = (all.body['items'] as Json[]).filter(
    (i) => i['source']?.['projectId'] === projectId,
  );
  expect(ofProject).toHaveLength(2);
}
