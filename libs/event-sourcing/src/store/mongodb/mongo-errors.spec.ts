import { mongo } from 'mongoose';
import { duplicateIndexOf, storedPastCollision } from './mongo-errors';

/** An ordered insertMany's failure as the driver reports it: the first write error, the count the server stored. */
function bulkFailure(index: number, insertedCount: number): mongo.MongoBulkWriteError {
  const error = Object.create(mongo.MongoBulkWriteError.prototype) as mongo.MongoBulkWriteError;
  Object.assign(error, {
    writeErrors: [{ index, code: 11000 }],
    result: { insertedCount },
  });
  return error;
}

describe('an ordered insertMany that failed on a duplicate key', () => {
  it('names the document that collided', () => {
    expect(duplicateIndexOf(bulkFailure(10, 10))).toBe(10);
    expect(duplicateIndexOf(Object.assign(new Error('E11000'), { code: 11000 }))).toBe(0);
    expect(duplicateIndexOf(new Error('connection reset'))).toBeUndefined();
  });

  it('counts nothing stored past the collision when the server stopped there, as MongoDB does', () => {
    expect(storedPastCollision(bulkFailure(10, 10), 10)).toBe(0);
    expect(storedPastCollision(new Error('E11000'), 0)).toBe(0);
  });

  it('counts what a server that went on stored past it (FerretDB v1.24.2 as released)', () => {
    // 120 documents, a duplicate at index 10: it stored 0-9 and 100-119.
    expect(storedPastCollision(bulkFailure(10, 30), 10)).toBe(20);
  });
});
