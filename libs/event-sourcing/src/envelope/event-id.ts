import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 4 KiB at a time: one system call per 256 ids. */
const pool = Buffer.alloc(4096);
let offset = pool.length;

function sixteenRandomBytes(): Buffer {
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += 16;
  return Buffer.from(pool.subarray(offset - 16, offset));
}

/**
 * A new event id: a UUID version 7 (RFC 9562), the Unix time in milliseconds
 * in its first 48 bits, then 74 random bits. Ids made later sort later (to the
 * millisecond), so the stores' unique eventId indexes grow at their end instead
 * of at random places: with random (version 4) ids each append of a batch
 * dirties its own index page, and the SQLite store spent about twice the time
 * per insert (docs/performance.md). Any other unique string is still accepted
 * as an eventId.
 */
export function newEventId(nowMs: number = Date.now()): string {
  const bytes = sixteenRandomBytes();
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70; // version 7
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // variant 10
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
