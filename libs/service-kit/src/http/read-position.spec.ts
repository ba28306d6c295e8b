import { PositionBeyondHeadError, ProjectionTimeoutError } from '@sfp/projections';
import { MIN_POSITION_REFUSAL_CODES, MIN_POSITION_REFUSALS } from './read-position';
import { filterAnswer } from './filter-answer.testing';

/** What the filter answers for an error thrown by a read with minPosition. */
const answer = (error: unknown) =>
  filterAnswer(error, '/api/help-desk/service-requests?minPosition=9');

describe('the refusals of minPosition over HTTP', () => {
  it('answers a position beyond the head 400 POSITION_BEYOND_HEAD, with a field error naming the head', () => {
    const { status, headers, body } = answer(new PositionBeyondHeadError('requests', 900, 42));
    expect(status).toBe(400);
    expect(headers['Retry-After']).toBeUndefined();
    expect(body).toMatchObject({
      status: 400,
      code: MIN_POSITION_REFUSAL_CODES[400],
      fieldErrors: [
        { field: 'minPosition', messages: [expect.stringContaining('head, which is 42')] },
      ],
      details: { position: 900, headPosition: 42 },
    });
  });

  it('answers a projection still behind after the wait 503 PROJECTION_TIMEOUT with Retry-After', () => {
    const { status, headers, body } = answer(new ProjectionTimeoutError('requests', 40, 38, 5_000));
    expect(status).toBe(503);
    expect(headers['Retry-After']).toBe('5');
    expect(body).toMatchObject({
      status: 503,
      code: MIN_POSITION_REFUSAL_CODES[503],
      details: { position: 40, appliedPosition: 38, retryAfterSeconds: 5 },
    });
  });

  it('describes both refusals for the OpenAPI document, by status', () => {
    expect(Object.keys(MIN_POSITION_REFUSALS)).toEqual(['400', '503']);
    expect(MIN_POSITION_REFUSALS[400]).toMatch(/^POSITION_BEYOND_HEAD: /);
    expect(MIN_POSITION_REFUSALS[503]).toMatch(/^PROJECTION_TIMEOUT: .*Retry-After/);
  });
});
