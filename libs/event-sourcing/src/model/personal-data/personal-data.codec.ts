import type { NewEvent, RecordedEvent } from '../../envelope/event-envelope';
import { getAtPath, setAtPath } from '../event-type/data-path';
import type { EventTypeRegistry } from '../event-type/event-type.registry';
import {
  decryptValue,
  ENCRYPTED_VALUE_KEY,
  encryptValue,
  isEncryptedValue,
  type EncryptedValue,
} from './encrypted-value';
import type { KeyStore, SubjectKey } from './key-store.port';
import {
  PersonalDataSubjectMissingError,
  PersonalDataUnprotectedError,
} from './personal-data.errors';

/**
 * Encrypts the personal fields of events on their way into the store and decrypts
 * them on the way out (crypto-shredding). Which fields are personal comes from the
 * event type's definition at append; on read the encrypted values describe
 * themselves, so events of any version or type decrypt.
 */
export class PersonalDataCodec {
  constructor(
    private readonly keyStore: KeyStore,
    private readonly eventTypes: EventTypeRegistry,
  ) {}

  /**
   * The event with its declared personal fields encrypted (a copy; the input is not changed).
   * Fields that are absent, null or already encrypted are left as they are.
   */
  async protect(event: NewEvent): Promise<NewEvent> {
    const declaration = this.eventTypes.personalDataOf(event.type);
    if (!declaration) return event;
    const present = declaration.fields.filter((path) => {
      const value = getAtPath(event.data, path);
      return value !== undefined && value !== null && !isEncryptedValue(value);
    });
    if (present.length === 0) return event;
    const current = this.eventTypes.currentVersion(event.type);
    if (event.schemaVersion !== current) {
      throw new PersonalDataUnprotectedError(
        event.type,
        `its personal fields are declared for schema version ${current}, the event is at ${event.schemaVersion}`,
      );
    }
    const subjectId = getAtPath(event.data, declaration.subjectIdPath);
    if (typeof subjectId !== 'string' || subjectId.length === 0) {
      throw new PersonalDataSubjectMissingError(event.type, declaration.subjectIdPath);
    }
    const key = await this.keyStore.getOrCreateKey(subjectId);
    const data = copyJson(event.data);
    for (const path of present) setAtPath(data, path, encryptValue(getAtPath(data, path), key));
    return { ...event, data };
  }

  async protectAll(events: readonly NewEvent[]): Promise<NewEvent[]> {
    const protectedEvents: NewEvent[] = [];
    for (const event of events) protectedEvents.push(await this.protect(event));
    return protectedEvents;
  }

  /**
   * The events with every encrypted value replaced by its clear value, or by
   * `ERASED` when the subject's key is gone. Events without encrypted values are
   * returned as they are. Keys are looked up once per subject per call.
   */
  async reveal(events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    const subjects = new Set<string>();
    for (const event of events) collectSubjects(event.data, subjects);
    if (subjects.size === 0) return [...events];
    const keys = new Map<string, SubjectKey | undefined>();
    await Promise.all(
      [...subjects].map(async (subjectId) =>
        keys.set(subjectId, await this.keyStore.getKey(subjectId)),
      ),
    );
    return events.map((event) => {
      const data = replaceEncrypted(event.data, (value) =>
        decryptValue(value, keys.get(value[ENCRYPTED_VALUE_KEY].subjectId)),
      );
      return data === event.data ? event : { ...event, data };
    });
  }
}

/**
 * A deep copy of plain JSON data, made of this realm's objects and arrays
 * (structuredClone would hand back another realm's objects under Jest).
 */
function copyJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    Object.defineProperty(copy, key, {
      value: copyJson(child),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

function collectSubjects(value: unknown, subjects: Set<string>): void {
  if (typeof value !== 'object' || value === null) return;
  if (isEncryptedValue(value)) {
    subjects.add(value[ENCRYPTED_VALUE_KEY].subjectId);
    return;
  }
  for (const child of Array.isArray(value) ? value : Object.values(value))
    collectSubjects(child, subjects);
}

/** A copy of `value` with each encrypted value replaced; the same reference where nothing changed. */
function replaceEncrypted(
  value: unknown,
  replace: (encrypted: EncryptedValue) => unknown,
): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isEncryptedValue(value)) return replace(value);
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const next = replaceEncrypted(item, replace);
      if (next !== item) changed = true;
      return next;
    });
    return changed ? items : value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, child] of Object.entries(value)) {
    const next = replaceEncrypted(child, replace);
    if (next !== child) {
      copy ??= { ...(value as Record<string, unknown>) };
      // defineProperty, not assignment: a JSON key "__proto__" stays a plain key.
      Object.defineProperty(copy, key, {
        value: next,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return copy ?? value;
}
