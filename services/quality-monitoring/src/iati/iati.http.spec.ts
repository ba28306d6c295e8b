import 'reflect-metadata';
import type { ProposalDefinition } from '@sfp/contracts';
import { newEventId } from '@sfp/event-sourcing';
import { defineService } from '@sfp/service-kit';
import { startEmbeddedContextHost, type EmbeddedContextHost } from '@sfp/service-kit/testing';
import {
  ProposalDecided,
  ProposalSubmitted,
  type ProposalDecidedData,
} from '../proposal/domain/proposal.events';
import {
  proposalStreamId,
  QUALITY_MONITORING_CONTEXT,
  QUALITY_MONITORING_ERROR_STATUSES,
  qualityMonitoringEventTypes,
} from '../quality-monitoring.context';
import { parseIatiActivity } from './iati-activity.parser';
import { IATI_CONTROLLERS, IatiReportingOrgSettings } from './index';
import { completedGuaranteeFund, WOMEN_SME_GUARANTEE_FUND_XML } from './testing/iati-fixtures';

type Json = Record<string, any>;

/** The IATI routes alone, on the platform's HTTP setup (body limits, problem documents, OpenAPI). */
const iatiOnly = defineService({
  context: QUALITY_MONITORING_CONTEXT,
  title: 'IATI routes',
  description: 'The quality-monitoring IATI routes',
  defaultPort: 3006,
  eventTypes: qualityMonitoringEventTypes,
  errorStatuses: QUALITY_MONITORING_ERROR_STATUSES,
  settings: IatiReportingOrgSettings,
  controllers: IATI_CONTROLLERS,
});

const APPROVED = '2f6a9c1e-4b7d-4e8a-9c3f-5d1b7e9a2c4f';
const UNDER_REVIEW = '8c1e3a5f-7b9d-4f2a-8e6c-0a2c4e6b8d1f';
const UNKNOWN = '4d6f8a0c-2e4b-4c6d-8f0a-2c4e6a8c0e2b';

describe('IATI over HTTP', () => {
  let host: EmbeddedContextHost;
  const proposal: ProposalDefinition = completedGuaranteeFund(
    parseIatiActivity(WOMEN_SME_GUARANTEE_FUND_XML).proposal,
  );

  const append = async (proposalId: string, type: string, data: object, at: string) =>
    host.events.append(proposalStreamId(proposalId), 'any', [
      {
        eventId: newEventId(),
        type,
        schemaVersion: 1,
        data,
        metadata: {
          correlationId: 'corr-iati',
          actor: { kind: 'person', id: 'amina.diallo' },
          occurredAt: at,
        },
      },
    ]);
  const submitted = (proposalId: string) => ({
    proposalId,
    version: 1,
    proposal,
    origin: { channel: 'iati-import', submittedBy: 'amina.diallo' },
    submittedAt: '2026-03-02T09:00:00.000Z',
  });
  const decided: ProposalDecidedData = {
    proposalId: APPROVED,
    version: 1,
    reviewNumber: 1,
    decision: 'approved-with-conditions',
    reasons: ['A market-priced guarantee through specialised lenders'],
    conditions: ['The guarantee fee is reviewed against the loss rate after 12 months'],
    score: 78.5,
    redFlags: [],
    turnaroundWorkingDays: 9,
    withinServiceLevel: true,
    title: proposal.title,
    department: proposal.department,
    instrument: 'guarantee-fund',
    channel: 'specialised-provider',
    countries: proposal.countries,
    amount: proposal.financialComponent.amount,
    currency: proposal.currency,
    budgetUsd: proposal.budgetUsd,
    decidedBy: 'joseph.mensah',
    decidedAt: '2026-03-13T16:45:00.000Z',
  };

  beforeAll(async () => {
    // The reporting organisation's name from its variable (the ref and type keep their defaults)
    process.env['QUALITY_IATI_REPORTING_ORG_NAME'] = 'ILO Social Finance Programme';
    try {
      host = await startEmbeddedContextHost(iatiOnly, {
        clock: () => new Date('2026-04-01T08:00:00Z'),
      });
    } finally {
      delete process.env['QUALITY_IATI_REPORTING_ORG_NAME'];
    }
    await append(APPROVED, ProposalSubmitted.type, submitted(APPROVED), '2026-03-02T09:00:00Z');
    await append(APPROVED, ProposalDecided.type, decided, '2026-03-13T16:45:00Z');
    await append(
      UNDER_REVIEW,
      ProposalSubmitted.type,
      submitted(UNDER_REVIEW),
      '2026-03-20T10:00:00Z',
    );
  });
  afterAll(() => host.close());

  const importing = (body: string, contentType = 'application/xml') =>
    fetch(`${host.url}/iati/activities`, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body,
    });

  it('reads an activity file posted as application/xml', async () => {
    const res = await importing(WOMEN_SME_GUARANTEE_FUND_XML);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body['proposal']).toMatchObject({
      iatiIdentifier: 'XM-DAC-41302-RAF-26-02-LUX',
      countries: ['GH', 'CI'],
      budget: 3_550_000,
    });
    expect(body['missing']).toContain('financialComponent');
  });

  it('answers bad XML with a 400 problem naming the line', async () => {
    const res = await importing(
      '<iati-activities version="2.03">\n  <iati-activity>\n</iati-activities>',
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as Json;
    expect(problem['code']).toBe('MALFORMED_XML');
    expect(problem['detail']).toMatch(/line 3/);
    expect(problem['details']).toMatchObject({ line: 3 });
    expect(problem['fieldErrors'][0]['field']).toBe('(body)');
  });

  it('answers another IATI version with a 400 naming iati-activities/@version', async () => {
    const res = await importing(
      WOMEN_SME_GUARANTEE_FUND_XML.replace('version="2.03"', 'version="2.01"'),
      'text/xml; charset=utf-8',
    );
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Json;
    expect(problem['code']).toBe('IATI_VERSION_UNSUPPORTED');
    expect(problem['fieldErrors']).toEqual([
      {
        field: 'iati-activities/@version',
        messages: ['is "2.01": only IATI 2.03 files are imported'],
      },
    ]);
  });

  it('answers an activity without identifier or title with a 400 naming them', async () => {
    const res = await importing(
      '<iati-activities version="2.03"><iati-activity><title/></iati-activity></iati-activities>',
    );
    const problem = (await res.json()) as Json;
    expect(res.status).toBe(400);
    expect(problem['code']).toBe('IATI_ACTIVITY_INVALID');
    expect(problem['fieldErrors'].map((f: Json) => f['field'])).toEqual([
      'iati-activities/iati-activity/iati-identifier',
      'iati-activities/iati-activity/title/narrative',
    ]);
  });

  it('answers an empty XML body with a 400', async () => {
    const res = await importing('');
    expect(res.status).toBe(400);
    expect((await res.json()) as Json).toMatchObject({
      code: 'MALFORMED_XML',
      detail: 'The file is empty: send an IATI activity file',
    });
  });

  it('refuses JSON (415) and a body over the limit (413)', async () => {
    const json = await importing(JSON.stringify({ title: 'x' }), 'application/json');
    expect(json.status).toBe(415);
    expect(((await json.json()) as Json)['code']).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await importing(`<x>${'a'.repeat(2 * 1024 * 1024)}</x>`);
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as Json)['code']).toBe('PAYLOAD_TOO_LARGE');
  });

  it('exports an approved proposal as IATI XML that reads back as the proposal', async () => {
    const res = await fetch(`${host.url}/proposals/${APPROVED}/iati`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${APPROVED}.iati.xml"`,
    );
    const xml = await res.text();
    expect(xml).toContain(
      '<reporting-org ref="XM-DAC-41302" type="40">\n      <narrative>ILO Social Finance Programme</narrative>',
    );
    expect(xml).toContain('generated-datetime="2026-04-01T08:00:00.000Z"');
    expect(xml).toContain('<activity-status code="1"/>');
    expect(xml).toContain('<conditions attached="1">');
    const again = parseIatiActivity(xml);
    expect(again.proposal).toEqual(proposal);
    expect(again.missing).toEqual([]);
  });

  it('refuses to export a proposal not approved (409) or unknown (404)', async () => {
    const pending = await fetch(`${host.url}/proposals/${UNDER_REVIEW}/iati`);
    expect(pending.status).toBe(409);
    expect((await pending.json()) as Json).toMatchObject({
      code: 'PROPOSAL_NOT_APPROVED',
      detail: `Proposal ${UNDER_REVIEW} is not exported: version 1 has no decision yet; only an approved proposal is`,
    });
    const unknown = await fetch(`${host.url}/proposals/${UNKNOWN}/iati`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Json)['code']).toBe('PROPOSAL_NOT_FOUND');
    const notAnId = await fetch(`${host.url}/proposals/not-a-uuid/iati`);
    expect(notAnId.status).toBe(400);
  });

  it('documents both routes in the OpenAPI document: XML bodies, an example, every status', async () => {
    const origin = new URL(host.url).origin;
    const document = (await (await fetch(`${origin}/api/docs-json`)).json()) as Json;
    const post = document['paths']['/api/quality-monitoring/iati/activities']['post'];
    expect(Object.keys(post['requestBody']['content'])).toEqual(['application/xml', 'text/xml']);
    expect(post['requestBody']['content']['application/xml']['schema']['example']).toContain(
      '<iati-activities version="2.03"',
    );
    expect(Object.keys(post['responses']).sort()).toEqual(
      expect.arrayContaining(['200', '400', '413', '415']),
    );
    const get = document['paths']['/api/quality-monitoring/proposals/{id}/iati']['get'];
    expect(Object.keys(get['responses']['200']['content'])).toEqual(['application/xml']);
    expect(Object.keys(get['responses'])).toEqual(
      expect.arrayContaining(['200', '400', '404', '409']),
    );
  });
});
