// The static check of docker-compose.yml (CI has no Docker): every runnable
// service has an entry built from the one Dockerfile template, on the Node
// version the repository declares, with the ports and variables the services'
// own config schemas accept, Kafka the tests' image, MongoDB a replica set,
// the readiness order and no secret with a fallback.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { GATEWAY_SERVICES, loadGatewaySettings } from '@sfp/admin-console';
import { helpDeskService } from '@sfp/help-desk';
import { innovationResearchService } from '@sfp/innovation-research';
import { knowledgeBaseService } from '@sfp/knowledge-base';
import { qualityMonitoringService } from '@sfp/quality-monitoring';
import { ReportingServiceConfig } from '@sfp/reporting';
import { checkStandaloneSettings, kafkaSaslOf, loadConfig } from '@sfp/service-kit';
import { contextTopics } from '@sfp/messaging';
import { trainingService } from '@sfp/training';

const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** services/ folders with a main.ts that compose does not run, and why. */
const NOT_IN_COMPOSE: Record<string, string> = {
  platform: 'the embedded host (npm start): every context in one process, no Kafka or MongoDB',
};
/** Runnable apps outside services/<name>/src/main.ts. */
const OTHER_APPS = ['console-gateway'];
const TEMPLATE = 'infra/docker/service.Dockerfile';
/** A value for each `${NAME:?…}` secret: long enough for every rule. */
const TEST_SECRET = 'compose-check-secret-0123456789abcdefghij';

const CONTEXT_SERVICES = [
  helpDeskService,
  knowledgeBaseService,
  trainingService,
  innovationResearchService,
  qualityMonitoringService,
];

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string | number> };
  ports?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  command?: string[] | string;
  healthcheck?: { test: string[] };
  profiles?: string[];
}

const composeText = read('docker-compose.yml');
const compose = parse(composeText, { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;

/** Compose's interpolation, with the required secrets given a test value. */
function interpolate(value: string | number): string {
  return String(value)
    .replace(/\$\{([A-Z0-9_]+)(?::?([-?])([^}]*))?\}/g, (_all, _name, kind, rest) =>
      kind === '?' ? TEST_SECRET : kind === '-' ? rest : '',
    )
    .replace(/\$\$/g, '$');
}

/** A service's environment as the container gets it (unset when empty). */
function environmentOf(name: string): Record<string, string> {
  const env = services[name]?.environment ?? {};
  return Object.fromEntries(
    Object.entries(env)
      .map(([key, value]) => [key, interpolate(value)] as const)
      .filter(([, value]) => value !== ''),
  );
}

function runnableApps(): string[] {
  const apps = readdirSync(join(ROOT, 'services')).filter((name) =>
    existsSync(join(ROOT, 'services', name, 'src', 'main.ts')),
  );
  return [...apps.filter((name) => !(name in NOT_IN_COMPOSE)), ...OTHER_APPS].sort();
}

const builtFromTemplate = () =>
  Object.entries(services).filter(([, service]) => service.build?.dockerfile === TEMPLATE);

/** The variables documented in docs/operations.md#settings (the settings catalogue). */
function documentedSettings(): Set<string> {
  const doc = read('docs/operations.md');
  const start = doc.indexOf('## Settings');
  const end = doc.indexOf('\n## ', start + 1);
  return new Set(
    [...doc.slice(start, end).matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map((match) => match[1]!),
  );
}

describe('docker-compose.yml', () => {
  it('runs every service with a runnable app, each built from the one template as itself', () => {
    expect(
      builtFromTemplate()
        .map(([name]) => name)
        .sort(),
    ).toEqual(runnableApps());
    for (const [name, service] of builtFromTemplate()) {
      expect(service.build).toMatchObject({ context: '.', args: { SERVICE: name } });
      expect(service.image).toBe(`sfp-platform/${name}:local`);
      // In the default set: `docker compose up` starts them all.
      expect(service.profiles).toBeUndefined();
    }
    expect(
      Object.values(services).filter(
        (service) => service.build !== undefined && !service.build.dockerfile?.endsWith(TEMPLATE),
      ),
    ).toEqual([]);
  });

  it('gives each service the port its config schema defaults to, in the image, the variable and the mapping', () => {
    const defaults: Record<string, number> = {
      ...Object.fromEntries(
        CONTEXT_SERVICES.map((service) => [service.context, service.defaultPort]),
      ),
      reporting: loadConfig(ReportingServiceConfig, {
        KAFKA_BROKERS: 'kafka:19092',
        MONGODB_URI: 'mongodb://mongodb:27017',
      } as NodeJS.ProcessEnv).PORT,
      'console-gateway': loadGatewaySettings({}, '/console').port,
    };
    for (const [name, service] of builtFromTemplate()) {
      const port = defaults[name];
      expect({ name, port }).toEqual({ name, port: expect.any(Number) });
      expect({ name, arg: Number(service.build?.args?.['PORT']) }).toEqual({ name, arg: port });
      expect({ name, env: Number(service.environment?.['PORT']) }).toEqual({ name, env: port });
      expect({ name, ports: service.ports }).toEqual({
        name,
        ports: [`127.0.0.1:${port}:${port}`],
      });
    }
  });

  it("gives each context's service settings its config schema accepts, with its own database", () => {
    const documented = documentedSettings();
    for (const service of CONTEXT_SERVICES) {
      const env = environmentOf(service.context);
      const { config } = checkStandaloneSettings(service, env);
      expect({ service: service.context, port: config.PORT }).toEqual({
        service: service.context,
        port: service.defaultPort,
      });
      expect(config.MONGODB_DATABASE).toBe(`sfp_${service.context.replace(/-/g, '_')}`);
      // Its own Kafka user, on the listener of the services, with its own password.
      const password = `SFP_KAFKA_PASSWORD_${service.context.toUpperCase().replace(/-/g, '_')}`;
      expect({
        service: service.context,
        brokers: config.KAFKA_BROKERS,
        sasl: kafkaSaslOf(config),
        password: services[service.context]?.environment?.['KAFKA_SASL_PASSWORD'],
      }).toEqual({
        service: service.context,
        brokers: 'kafka:19094',
        sasl: {
          mechanism: 'scram-sha-512',
          username: `sfp-${service.context}`,
          password: TEST_SECRET,
        },
        password: expect.stringContaining(`\${${password}:?`),
      });
      const unknown = Object.keys(env).filter((name) => !documented.has(name));
      expect({ service: service.context, unknown }).toEqual({
        service: service.context,
        unknown: [],
      });
    }
    const reporting = environmentOf('reporting');
    expect(() => loadConfig(ReportingServiceConfig, reporting as NodeJS.ProcessEnv)).not.toThrow();
    expect(reporting['SFP_AUTH_TOKEN_SECRET']).toBe(TEST_SECRET);
    expect(Object.keys(reporting).filter((name) => !documented.has(name))).toEqual([]);
  });

  it("points the console gateway at every context's service and port, and the shared routes at one", () => {
    const env = environmentOf('console-gateway');
    const settings = loadGatewaySettings(env, '/console');
    for (const { context, variable } of GATEWAY_SERVICES) {
      expect(services[context]).toBeDefined();
      expect(env[variable]).toBe(`http://${context}:${services[context]?.environment?.['PORT']}`);
    }
    const shared = settings.routes.shared;
    expect(services[shared.hostname]?.environment?.['PORT']).toBe(Number(shared.port));
    expect(Object.keys(settings.routes.contexts).sort()).toEqual(
      GATEWAY_SERVICES.map((service) => service.context).sort(),
    );
  });

  it('starts in readiness order: the servers and the Kafka users, the help desk, the others, the gateway', () => {
    const contexts = builtFromTemplate()
      .map(([name]) => name)
      .filter((name) => name !== 'console-gateway');
    for (const name of contexts) {
      expect({ name, depends: services[name]?.depends_on }).toMatchObject({
        name,
        depends: {
          kafka: { condition: 'service_healthy' },
          mongodb: { condition: 'service_healthy' },
          'kafka-access': { condition: 'service_completed_successfully' },
          ...(name === 'help-desk' ? {} : { 'help-desk': { condition: 'service_healthy' } }),
        },
      });
    }
    expect(services['console-gateway']?.depends_on).toEqual(
      Object.fromEntries(contexts.map((name) => [name, { condition: 'service_healthy' }])),
    );
    for (const server of ['kafka', 'mongodb']) expect(services[server]?.healthcheck).toBeDefined();
  });

  it('runs the Kafka the tests and infra/local run, with a SCRAM user and ACLs for every context', () => {
    const image = services['kafka']?.image;
    expect(image).toMatch(/^apache\/kafka:\d+\.\d+\.\d+$/);
    expect(services['kafka-access']?.image).toBe(image);
    const version = image!.split(':')[1];
    expect(read('infra/local/up')).toMatch(
      new RegExp(`^KAFKA_VERSION="${version!.replace(/\./g, '\\.')}"$`, 'm'),
    );
    expect(read('libs/testing/src/infrastructure/apache-kafka-container.ts')).toContain(
      `export const KAFKA_IMAGE = '${image}';`,
    );
    const contexts = String(services['kafka-access']?.environment?.['CONTEXTS'])
      .split(/\s+/)
      .sort();
    expect(contexts).toEqual(GATEWAY_SERVICES.map((service) => service.context).sort());
    const script = String(services['kafka-access']?.command);
    expect(script).toContain('user="sfp-$$ctx"');
    expect(script).toContain('--topic "sfp.$$ctx." --resource-pattern-type prefixed');
    // Every context's topics, as the services name them, created before any service starts.
    const kinds = String(services['kafka-access']?.environment?.['TOPIC_KINDS']).split(/\s+/);
    for (const context of contexts) {
      expect(kinds.map((kind) => `sfp.${context}.${kind}`).sort()).toEqual(
        Object.values(contextTopics(context)).sort(),
      );
    }
    expect(script).toContain('--create --if-not-exists --topic "sfp.$$ctx.$$kind"');
  });

  it('runs MongoDB as a replica set, and the services connect to it as one', () => {
    expect(services['mongodb']?.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(JSON.stringify(services['mongodb']?.healthcheck)).toContain('rs.initiate');
    for (const [name] of builtFromTemplate().filter(([name]) => name !== 'console-gateway')) {
      expect({ name, uri: environmentOf(name)['MONGODB_URI'] }).toEqual({
        name,
        uri: 'mongodb://mongodb:27017/?replicaSet=rs0',
      });
    }
  });

  it('takes the secrets from the environment, with no fallback value', () => {
    for (const secret of [
      'SFP_AUTH_TOKEN_SECRET',
      'SFP_PSEUDONYM_SECRET',
      'SFP_KAFKA_DEPARTMENT_PASSWORD_SEED',
      ...GATEWAY_SERVICES.map(
        (service) => `SFP_KAFKA_PASSWORD_${service.context.toUpperCase().replace(/-/g, '_')}`,
      ),
    ]) {
      expect(composeText).toMatch(new RegExp(`\\$\\{${secret}:\\?[^}]+\\}`));
      expect(composeText).not.toMatch(new RegExp(`\\$\\{${secret}:-`));
    }
  });
});

describe('infra/docker/service.Dockerfile', () => {
  const dockerfile = read(TEMPLATE);

  it('is the only Dockerfile, multi-stage, running node main.js as the unprivileged user with a healthcheck', () => {
    expect(
      readdirSync(join(ROOT, 'infra', 'docker')).filter((name) => name.endsWith('Dockerfile')),
    ).toEqual(['service.Dockerfile']);
    const stages = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((match) => match[1]);
    expect(stages).toEqual([
      'node:${NODE_VERSION}-bookworm-slim',
      'node:${NODE_VERSION}-bookworm-slim',
    ]);
    const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^HEALTHCHECK /m);
    expect(final).toMatch(/^CMD \["node", "main\.js"\]$/m);
    expect(final).not.toMatch(/ts-node|npm ci(?! --omit=dev)/);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev/m);
    expect(dockerfile).toMatch(
      /^RUN node scripts\/build\/build-service\.mjs "\$SERVICE" --out \/out$/m,
    );
  });

  it("uses a Node version package.json's engines allow, of the major @types/node describes", () => {
    const version = /^ARG NODE_VERSION=(\d+)\.(\d+)$/m.exec(dockerfile);
    expect(version).not.toBeNull();
    const [major, minor] = [Number(version![1]), Number(version![2])];
    const pkg = JSON.parse(read('package.json')) as {
      engines: { node: string };
      devDependencies: Record<string, string>;
    };
    expect(satisfiesEngines(major, minor, pkg.engines.node)).toBe(true);
    expect(Number(pkg.devDependencies['@types/node']!.split('.')[0])).toBe(major);
  });
});

/** Whether major.minor (any patch) meets a range such as `>=20.19 <21 || >=22.12`. */
function satisfiesEngines(major: number, minor: number, range: string): boolean {
  const at = major * 1000 + minor;
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .split(/\s+/)
      .every((condition) => {
        const match = /^(>=|<|>|<=)?(\d+)(?:\.(\d+))?/.exec(condition);
        if (!match) return false;
        const bound = Number(match[2]) * 1000 + Number(match[3] ?? 0);
        switch (match[1]) {
          case '>=':
            return at >= bound;
          case '>':
            return at > bound;
          case '<':
            return at < bound;
          case '<=':
            return at <= bound;
          default:
            return at === bound;
        }
      }),
  );
}
