import 'reflect-metadata';
import { IsOptional, Matches } from 'class-validator';
import { EventTypeRegistry } from '@sfp/event-sourcing';
import { ConfigurationError } from '../config/env-config';
import * as contextStores from '../runtime/context-stores';
import * as resources from '../runtime/standalone-resources';
import { defineService } from '../service/service-definition';
import { startStandaloneHost } from './standalone-host';
import { startStandaloneService } from './start-standalone-service';

class RoomSettings {
  @IsOptional()
  @Matches(/^\d+$/, { message: 'must be a whole number of rooms' })
  ROOMS?: string;
}

/** A context with personal data and settings of its own: what the help desk declares. */
const rooms = defineService({
  context: 'rooms',
  title: 'Rooms',
  description: 'A context for the settings check',
  defaultPort: 3098,
  personalData: true,
  eventTypes: () => new EventTypeRegistry(),
  errorStatuses: {},
  settings: RoomSettings,
});

/** Servers that would refuse: a start that reached them would fail otherwise, and slowly. */
const unreachable = { KAFKA_BROKERS: '127.0.0.1:1', MONGODB_URI: 'mongodb://127.0.0.1:1' };

describe('starting a standalone service with wrong settings', () => {
  const connect = jest.spyOn(resources, 'openStandaloneConnections');
  const openStores = jest.spyOn(contextStores, 'openDistributedContextStores');
  afterEach(() => jest.clearAllMocks());
  afterAll(() => jest.restoreAllMocks());

  it('fails before connecting anything, naming every wrong variable at once', async () => {
    const started = Date.now();
    const error = await startStandaloneService(rooms, {
      ...unreachable,
      SFP_ADMIN_PASSWORD: 'admin passphrase 2026',
      ROOMS: 'many',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems;
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'SFP_ADMIN_PASSWORD',
      'SFP_AUTH_TOKEN_SECRET',
      'SFP_PSEUDONYM_SECRET',
      'ROOMS',
    ]);
    expect((error as Error).message).toMatch(
      /SFP_ADMIN_PASSWORD: invalid — the password policy refuses it \(it must not contain the user name "admin"\)/,
    );
    expect(connect).not.toHaveBeenCalled();
    expect(openStores).not.toHaveBeenCalled();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('with right settings, goes on to connect (so the spies above do watch the connections)', async () => {
    connect.mockRejectedValueOnce(new Error('no servers in a unit test'));
    await expect(
      startStandaloneService(rooms, {
        ...unreachable,
        LOG_LEVEL: 'silent',
        SFP_AUTH_TOKEN_SECRET: 'a-token-secret-of-at-least-32-characters',
        SFP_PSEUDONYM_SECRET: 'a-pseudonym-secret-of-at-least-32-chars',
        SFP_ADMIN_PASSWORD: 'choose a long passphrase',
        ROOMS: '12',
      }),
    ).rejects.toThrow('no servers in a unit test');
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('stops a host given a config without the token secret before it connects', async () => {
    const error = await startStandaloneHost({
      name: 'rooms',
      title: 'Rooms',
      description: '',
      config: { ...unreachable, PORT: 0, LOG_LEVEL: 'silent' } as never,
      mount: () => Promise.reject(new Error('not reached')),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems).toEqual([
      expect.stringMatching(/^SFP_AUTH_TOKEN_SECRET: not set — /),
    ]);
    expect(connect).not.toHaveBeenCalled();
  });
});
