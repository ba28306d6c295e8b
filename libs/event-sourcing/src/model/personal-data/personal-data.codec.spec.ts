import type { NewEvent } from '../../envelope/event-envelope';
import { UnknownEventTypeError } from '../event-type/event-type.errors';
import { ledgerEventTypes } from '../test-fixtures/ledger.events';
import { recorded } from '../test-fixtures/recorded.fixture';
import {
  decryptValue,
  encryptValue,
  ERASED,
  isEncryptedValue,
  type EncryptedValue,
} from './encrypted-value';
import { generateSubjectKey } from './key-store.port';
import { MemoryKeyStore } from './memory.key-store';
import { PersonalDataCodec } from './personal-data.codec';
import {
  PersonalDataDecryptionError,
  PersonalDataSubjectMissingError,
  PersonalDataUnprotectedError,
} from './personal-data.errors';

const metadata = {
  correlationId: 'c-1',
  actor: { kind: 'person' as const, id: 'staff-7' },
  occurredAt: '2024-03-01T10:00:00Z',
};

function opened(owner: Record<string, unknown>, schemaVersion = 1): NewEvent {
  return {
    eventId: 'e-1',
    type: 'ledger.LedgerOpened',
    schemaVersion,
    data: { ledgerId: 'ledger-1', owner, openedAt: '2024-03-01' },
    metadata,
  };
}

describe('encrypted values', () => {
  const key = generateSubjectKey('person-1');

  it('round-trips any JSON value, with a fresh IV every time', () => {
    for (const value of ['Ada Lovelace', 'élève ✓ 名前', 42, { nested: [1, [2]] }, ['a'], true]) {
      const first = encryptValue(value, key);
      const second = encryptValue(value, key);
      expect(isEncryptedValue(first)).toBe(true);
      expect(first['sfp:personal-data'].iv).not.toBe(second['sfp:personal-data'].iv);
      expect(decryptValue(first, key)).toEqual(value);
    }
  });

  it('reads as erased without the key, or with a later key of the same subject', () => {
    const sealed = encryptValue('Ada', key);
    expect(decryptValue(sealed, undefined)).toBe(ERASED);
    expect(decryptValue(sealed, generateSubjectKey('person-1'))).toBe(ERASED);
  });

  it('detects a ciphertext that was altered', () => {
    const sealed = encryptValue('Ada', key);
    const inner = sealed['sfp:personal-data'];
    const bytes = Buffer.from(inner.ciphertext, 'base64');
    bytes[0] = bytes[0]! ^ 0xff;
    const altered: EncryptedValue = {
      'sfp:personal-data': { ...inner, ciphertext: bytes.toString('base64') },
    };
    expect(() => decryptValue(altered, key)).toThrow(PersonalDataDecryptionError);
  });
});

describe('PersonalDataCodec', () => {
  let keys: MemoryKeyStore;
  let codec: PersonalDataCodec;

  beforeEach(() => {
    keys = new MemoryKeyStore();
    codec = new PersonalDataCodec(keys, ledgerEventTypes());
  });

  it('encrypts the declared fields only, leaving the input unchanged', async () => {
    const event = opened({ personId: 'person-1', name: 'Ada Lovelace', email: 'ada@example.org' });
    const before = JSON.stringify(event);
    const stored = await codec.protect(event);
    expect(JSON.stringify(event)).toBe(before);
    const text = JSON.stringify(stored);
    expect(text).not.toContain('Ada');
    expect(text).not.toContain('ada@example.org');
    const owner = (stored.data as { owner: Record<string, unknown> }).owner;
    expect(owner['personId']).toBe('person-1');
    expect(isEncryptedValue(owner['name'])).toBe(true);
    expect(isEncryptedValue(owner['email'])).toBe(true);
    expect((stored.data as { ledgerId: string }).ledgerId).toBe('ledger-1');
  });

  it('decrypts on reveal, and reads erased fields as "[erased]" once the key is gone', async () => {
    const stored = await codec.protect(
      opened({ personId: 'person-1', name: 'Ada', email: 'ada@example.org' }),
    );
    const record = recorded(stored.type, 1, stored.data);
    const [clear] = await codec.reveal([record]);
    expect(clear!.data).toEqual({
      ledgerId: 'ledger-1',
      owner: { personId: 'person-1', name: 'Ada', email: 'ada@example.org' },
      openedAt: '2024-03-01',
    });

    expect(await keys.erase('person-1')).toBe(true);
    const [erased] = await codec.reveal([record]);
    expect(erased!.data).toEqual({
      ledgerId: 'ledger-1',
      owner: { personId: 'person-1', name: ERASED, email: ERASED },
      openedAt: '2024-03-01',
    });
    expect(erased!.eventId).toBe(record.eventId);
    expect(erased!.position).toBe(record.position);
  });

  it('keeps erased data erased when the subject comes back with a new key', async () => {
    const before = recorded(
      'ledger.LedgerOpened',
      1,
      (await codec.protect(opened({ personId: 'p', name: 'Old' }))).data,
    );
    await keys.erase('p');
    const after = recorded(
      'ledger.LedgerOpened',
      1,
      (await codec.protect(opened({ personId: 'p', name: 'New' }))).data,
    );
    const [old, fresh] = await codec.reveal([before, after]);
    expect((old!.data as { owner: { name: string } }).owner.name).toBe(ERASED);
    expect((fresh!.data as { owner: { name: string } }).owner.name).toBe('New');
  });

  it('leaves absent and null personal fields, and events without personal data, as they are', async () => {
    const noEmail = opened({ personId: 'p', name: 'Ada' });
    const stored = await codec.protect(noEmail);
    expect((stored.data as { owner: Record<string, unknown> }).owner).not.toHaveProperty('email');
    const nothing = opened({ personId: 'p', name: null });
    expect(await codec.protect(nothing)).toBe(nothing);
    const deposit: NewEvent = {
      eventId: 'e',
      type: 'ledger.AmountDeposited',
      schemaVersion: 3,
      data: { amount: 1, currency: 'EUR' },
      metadata,
    };
    expect(await codec.protect(deposit)).toBe(deposit);
  });

  it('does not encrypt an already encrypted value twice', async () => {
    const once = await codec.protect(opened({ personId: 'p', name: 'Ada' }));
    const twice = await codec.protect(once);
    expect(twice.data).toEqual(once.data);
  });

  it('refuses personal data without a subject id', async () => {
    await expect(codec.protect(opened({ name: 'Ada' }))).rejects.toThrow(
      PersonalDataSubjectMissingError,
    );
    await expect(codec.protect(opened({ personId: '', name: 'Ada' }))).rejects.toThrow(
      'owner.personId',
    );
  });

  it('refuses to store personal data of an event not at its current version', async () => {
    await expect(codec.protect(opened({ personId: 'p', name: 'Ada' }, 0))).rejects.toThrow(
      PersonalDataUnprotectedError,
    );
  });

  it('refuses an unregistered type on the way in', async () => {
    await expect(codec.protect({ ...opened({}), type: 'ledger.Mystery' })).rejects.toThrow(
      UnknownEventTypeError,
    );
  });

  it('decrypts values wherever they sit, and looks each subject key up once per read', async () => {
    const a = await codec.protect(opened({ personId: 'a', name: 'Ann' }));
    const b = await codec.protect(opened({ personId: 'b', name: 'Bob' }));
    const spy = jest.spyOn(keys, 'getKey');
    const nested = recorded('x.Anything', 7, { list: [a.data, { deep: [b.data] }], plain: 'x' });
    const [clear] = await codec.reveal([
      nested,
      recorded('x.Anything', 7, a.data),
      recorded('x.Plain', 1, { n: 1 }),
    ]);
    expect(JSON.stringify(clear!.data)).toContain('Ann');
    expect(JSON.stringify(clear!.data)).toContain('Bob');
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('returns events without encrypted values untouched', async () => {
    const plain = recorded('ledger.AmountDeposited', 3, { amount: 1, currency: 'EUR' });
    const [same] = await codec.reveal([plain]);
    expect(same).toBe(plain);
  });
});
