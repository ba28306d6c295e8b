import { mongo } from 'mongoose';
import { bytesOfChunk } from './mongodb.attachment-storage';

// The BSON of the driver mongoose uses.
const { Binary, deserialize, serialize } = mongo.BSON;

describe('the MongoDB attachment storage reads a chunk', () => {
  it('as the bytes stored, from the BSON Binary the driver gives back', () => {
    const stored = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    const read = deserialize(serialize({ data: stored }))['data'] as InstanceType<typeof Binary>;
    expect(bytesOfChunk(read).equals(stored)).toBe(true);
  });

  it('only the bytes of a Binary whose buffer is longer than its content', () => {
    const binary = new Binary(Buffer.alloc(16));
    binary.position = 0;
    binary.write(Buffer.from('abc'), 0);
    expect(bytesOfChunk(binary).toString()).toBe('abc');
  });

  it('a Buffer as it is, and refuses anything else', () => {
    expect(bytesOfChunk(Buffer.from('x')).toString()).toBe('x');
    expect(() => bytesOfChunk('text')).toThrow('not binary data');
  });
});
