import { mongo } from 'mongoose';
import { isStoreUnavailable } from './store-unavailable';

describe('isStoreUnavailable', () => {
  it('recognises the driver errors of a server that cannot be reached, also as a cause', () => {
    expect(isStoreUnavailable(new mongo.MongoNetworkError('connection reset'))).toBe(true);
    expect(isStoreUnavailable(new mongo.MongoNotConnectedError('not connected'))).toBe(true);
    const wrapped = new Error('append failed', {
      cause: new mongo.MongoNetworkTimeoutError('timed out'),
    });
    expect(isStoreUnavailable(wrapped)).toBe(true);
  });

  it('does not take a refused write or a plain error for an outage', () => {
    expect(isStoreUnavailable(new mongo.MongoServerError({ message: 'E11000', code: 11000 }))).toBe(
      false,
    );
    expect(isStoreUnavailable(new Error('boom'))).toBe(false);
    expect(isStoreUnavailable(undefined)).toBe(false);
  });
});
