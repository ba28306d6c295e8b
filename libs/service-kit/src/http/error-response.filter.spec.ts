import { mongo } from 'mongoose';
import { filterAnswer } from './filter-answer.testing';

/** Runs the filter on `error` as for a request to /api/things; returns the answer and what was logged. */
const answerTo = (error: unknown) => filterAnswer(error, '/api/things');

describe('ErrorResponseFilter: a store that cannot be reached', () => {
  it('answers 503 STORE_UNAVAILABLE with Retry-After, and logs the cause', () => {
    const answer = answerTo(new mongo.MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017'));
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ code: 'STORE_UNAVAILABLE', status: 503 });
    expect(answer.headers['Retry-After']).toBe('5');
    expect(answer.logged).toEqual(['The data store refused the request or could not be reached']);
  });

  it('still answers an unknown error 500 without detail', () => {
    const answer = answerTo(new Error('boom'));
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect(answer.logged).toEqual(['Unhandled error']);
  });
});
