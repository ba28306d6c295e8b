import type { QualityPartnerView, QualityProposalDetail } from '@sfp/contracts';
import { institutionRegistration, workedExampleA } from '@sfp/knowledge-base/testing';
import { EVENT_HEADERS } from '@sfp/messaging';
import { proposalBody } from '@sfp/quality-monitoring/testing';
import type { httpClient } from '@sfp/testing';

type Json = Record<string, unknown>;
type Client = ReturnType<typeof httpClient>;

/** A message of a context's events topic as the test saw it: its headers, text and exact bytes. */
export interface SeenEvent {
  topic: string;
  headers: Record<string, string>;
  value: string | null;
  bytes: { key: Buffer | null; value: Buffer | null; headers: Record<string, Buffer[]> };
}

/** What the scenario needs of a mode (distributed on Kafka, or the embedded platform). */
export interface FrozenRatiosMode {
  /** The knowledge base's API and quality monitoring's, each at `<url>/api`, as an administrator. */
  knowledgeBase: Client;
  qualityMonitoring: Client;
  /** A user of the platform quality monitoring runs in (the reviewer). */
  reviewer: string;
  /** The messages seen so far on sfp.knowledge-base.events and sfp.quality-monitoring.events. */
  seen(): SeenEvent[];
  /** Publishes a seen message again, byte for byte, on its topic (as a broker redelivers it). */
  redeliver(message: SeenEvent): Promise<void>;
}

export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 90_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until)
      throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Worked example A with more of its portfolio past 30 days: PAR30 well above the policy's 10 %. */
function restatedFigures(reason: string, par30Balance: number): Json {
  const { currency, fx, inputs } = workedExampleA();
  return { currency, fx, inputs: { ...inputs, par30Balance }, reason };
}

/**
 * The partner appraisal's freeze, end to end: the knowledge base files a
 * partner's performance report; quality monitoring learns its ratios from
 * the knowledge base's public events; a proposal is submitted and its review
 * started (the ratios frozen into it); the knowledge base restates the report
 * (PAR30 now above the red-flag threshold). The review keeps the earlier
 * ratios and raises no flag for them, and its detail says a newer report
 * exists. The filing and the restatement delivered again note nothing new.
 */
export async function partnerRatiosFreezeScenario(mode: FrozenRatiosMode): Promise<void> {
  const kb = mode.knowledgeBase;
  const qm = mode.qualityMonitoring;

  const registered = await kb.post<Json>(
    '/knowledge-base/institutions',
    institutionRegistration({ name: 'Caisse Populaire de Kaolack', country: 'SN' }),
  );
  expect(registered.status).toBe(201);
  const institutionId = String(registered.body['id']);
  const activated = await kb.post(`/knowledge-base/institutions/${institutionId}/activate`);
  expect(activated.status).toBeLessThan(300);
  const filed = await kb.post<Json>(
    `/knowledge-base/institutions/${institutionId}/performance-reports`,
    workedExampleA(),
  );
  expect(filed.status).toBe(201);
  const reportId = String(filed.body['id']);

  const partner = () =>
    qm
      .get<QualityPartnerView>(`/quality-monitoring/partners/${institutionId}`)
      .then((answer) => (answer.status === 200 ? answer.body : undefined));
  const first = await eventually(
    'quality monitoring to learn the partner’s ratios from the knowledge base’s events',
    partner,
    (view) => view?.ratios?.reportVersion === 1,
  );
  const frozenPar30 = first?.ratios?.par30;
  expect(frozenPar30).toBeLessThan(0.1);

  // A proposal with that partner, its review started: the ratios frozen into it.
  const submitted = await qm.post<Json>(
    '/quality-monitoring/proposals',
    proposalBody({ partnerInstitutionIds: [institutionId] }),
  );
  expect(submitted.status).toBe(201);
  const proposalId = String(submitted.body['proposalId']);
  const started = await qm.post<Json>(`/quality-monitoring/proposals/${proposalId}/reviewers`, {
    reviewers: [mode.reviewer],
  });
  expect(started.status).toBe(200);

  // The knowledge base restates the report: PAR30 now 14 %, above the policy's threshold.
  const restated = await kb.post<Json>(
    `/knowledge-base/performance-reports/${reportId}/restatements`,
    restatedFigures('Audited statements: loans rescheduled in the drought were past due', 126_000),
  );
  expect(restated.status).toBeLessThan(300);
  const second = await eventually(
    'quality monitoring to learn the restated ratios',
    partner,
    (view) => view?.ratios?.reportVersion === 2,
  );
  expect(second?.ratios?.par30).toBeGreaterThan(0.1);

  const detail = () =>
    qm
      .get<QualityProposalDetail>(`/quality-monitoring/proposals/${proposalId}`)
      .then((answer) => answer.body);
  const review = async () => (await detail()).reviews.at(-1);
  const marked = await eventually(
    'the review’s detail to show that a newer report exists',
    review,
    (r) => r?.partnerRatios[0]?.newerReportAvailable === true,
  );
  // The review keeps what it started with: version 1, its PAR30, no red flag for the partner.
  expect(marked?.partnerRatios).toEqual([
    expect.objectContaining({
      institutionId,
      reportId,
      reportVersion: 1,
      par30: frozenPar30,
      newerReportAvailable: true,
      latest: expect.objectContaining({ reportId, reportVersion: 2 }),
    }),
  ]);
  expect(marked?.redFlags.map((f) => f.flag)).not.toContain('partner-par30-above-threshold');

  // The filing and the restatement delivered again, then a second restatement behind them
  // on the same partition: quality monitoring notes the second restatement and nothing else.
  const reportMessages = await eventually(
    'the knowledge base’s report events on its topic',
    async () =>
      mode
        .seen()
        .filter(
          (m) =>
            m.topic === 'sfp.knowledge-base.events' &&
            m.headers[EVENT_HEADERS.type]?.startsWith('knowledge-base.PerformanceReport') &&
            m.value?.includes(reportId),
        ),
    (found) => found.length >= 2,
  );
  for (const message of reportMessages) await mode.redeliver(message);
  const again = await kb.post<Json>(
    `/knowledge-base/performance-reports/${reportId}/restatements`,
    restatedFigures('Write-offs of the drought loans booked in the period', 120_000),
  );
  expect(again.status).toBeLessThan(300);
  const third = await eventually(
    'quality monitoring to learn the second restatement',
    partner,
    (view) => view?.ratios?.reportVersion === 3,
  );
  expect(third?.ratios?.reportId).toBe(reportId);

  const notedVersions = () =>
    mode
      .seen()
      .filter(
        (m) =>
          m.topic === 'sfp.quality-monitoring.events' &&
          m.headers[EVENT_HEADERS.type] === 'quality-monitoring.PartnerRatiosNoted' &&
          m.value?.includes(institutionId),
      )
      .map((m) => Number(/"reportVersion":(\d+)/.exec(m.value ?? '')?.[1]));
  const noted = await eventually(
    'quality monitoring’s PartnerRatiosNoted events on its topic',
    async () => notedVersions(),
    (versions) => versions.includes(3),
  );
  expect(noted).toEqual([1, 2, 3]);
  const after = await review();
  expect(after?.partnerRatios[0]).toMatchObject({
    reportVersion: 1,
    par30: frozenPar30,
    newerReportAvailable: true,
    latest: expect.objectContaining({ reportVersion: 3 }),
  });
}
