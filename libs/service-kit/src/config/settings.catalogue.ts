/**
 * Every environment variable the platform reads, in one place: the source of
 * the "Settings" table of docs/operations.md (settingsTable, written by
 * `write-settings-table.ts`; a unit test fails when the document differs, or
 * when a settings declaration or an `env['…']` read names a variable missing
 * here). The rules are those of the settings classes (AuthConfig, HostConfig,
 * StandaloneConfig, PlatformConfig, ReportingServiceConfig, each context's
 * settings), checked at start before anything is opened.
 */
export interface SettingDescription {
  name: string;
  /** Who reads it: `every host` (embedded and each service), `embedded`, `each service`, or named ones. */
  readBy: string;
  /** The default, or `—` (none), or `required`. */
  default: string;
  /** What a value must be. */
  rule: string;
  /** What it is for. */
  purpose: string;
}

const EVERY_HOST = 'every host';
const EACH_SERVICE = 'each service';
const HELP_DESK = 'embedded, help desk service';
const RESEARCH = 'embedded, innovation-research service';
const QUALITY = 'embedded, quality-monitoring service';

export const SETTINGS: readonly SettingDescription[] = [
  // Where a host listens and how much it logs (HostConfig).
  {
    name: 'PORT',
    readBy: EVERY_HOST,
    default:
      'embedded 3000; help desk 3001, reporting 3002, knowledge base 3003, training 3004, innovation research 3005, quality monitoring 3006',
    rule: 'whole number 0–65535 (0: any free port)',
    purpose: 'the HTTP port',
  },
  {
    name: 'HOST',
    readBy: EVERY_HOST,
    default: '`127.0.0.1`',
    rule: 'an interface address or name',
    purpose: 'the interface to listen on (`0.0.0.0` in a container)',
  },
  {
    name: 'LOG_LEVEL',
    readBy: EVERY_HOST,
    default: '`info`',
    rule: 'trace, debug, info, warn, error, fatal or silent',
    purpose: 'how much the JSON log says',
  },
  {
    name: 'SFP_MAX_BODY_DEPTH',
    readBy: EVERY_HOST,
    default: '32',
    rule: 'whole number 2–1000',
    purpose:
      'the deepest nesting of objects and arrays a JSON body may have (deeper: 400 `BODY_TOO_DEEP`)',
  },
  {
    name: 'SFP_PROJECTION_STALL_AFTER_MS',
    readBy: EVERY_HOST,
    default: '30000 (30 s)',
    rule: 'whole number 1000–86400000',
    purpose:
      "how long a projection's position may stand still while events wait before it is reported stalled (its status, the readiness detail `projections`, `sfp_projection_stalled`)",
  },
  {
    name: 'SFP_FAILPOINTS',
    readBy: EVERY_HOST,
    default: '— (none)',
    rule: '`name[=key]:[count*]sleep(ms)` or `…throw(message)`, `;`-separated',
    purpose:
      '**test only, never in production**: makes named places misbehave on purpose for the fault suite (docs/reliability.md), e.g. `projection.apply=help-desk-requests:3*sleep(4000)`',
  },
  // Identities and tokens (AuthConfig).
  {
    name: 'SFP_AUTH_TOKEN_SECRET',
    readBy: EVERY_HOST,
    default:
      'embedded: made at first start into `<SFP_DATA_DIR>/auth/token-secret.json`; each service: **required**',
    rule: 'at least 32 characters, the same value in every service',
    purpose: 'signs the access tokens (HS256) that every service accepts',
  },
  {
    name: 'SFP_ADMIN_PASSWORD',
    readBy: `${EVERY_HOST}, \`npm run seed\``,
    default: '— (a one-time password is printed)',
    rule: 'the password policy of every account: 12–200 characters, at least 5 different, not containing the user name `admin`',
    purpose:
      'the first administrator’s password, used only on the very first start (and the seed’s sign-in)',
  },
  {
    name: 'SFP_ACCESS_TOKEN_MINUTES',
    readBy: EVERY_HOST,
    default: '15',
    rule: 'whole number 1–1440',
    purpose: 'how long an access token is valid',
  },
  {
    name: 'SFP_REFRESH_TOKEN_DAYS',
    readBy: EVERY_HOST,
    default: '14',
    rule: 'whole number 1–365',
    purpose: 'how long a refresh token (a session) is valid',
  },
  {
    name: 'SFP_SIGN_IN_FREE_FAILURES',
    readBy: EVERY_HOST,
    default: '5',
    rule: 'whole number 1–100',
    purpose: 'failed sign-ins of one user name from one address before the back-off starts',
  },
  {
    name: 'SFP_SIGN_IN_MAX_BACKOFF_MINUTES',
    readBy: EVERY_HOST,
    default: '15',
    rule: 'whole number 1–1440',
    purpose: 'the longest wait of the sign-in back-off',
  },
  {
    name: 'SFP_SIGN_IN_FAILURE_WINDOW_HOURS',
    readBy: EVERY_HOST,
    default: '12',
    rule: 'whole number 1–720',
    purpose: 'how long a failed sign-in counts',
  },
  {
    name: 'SFP_SIGN_INS_PER_MINUTE',
    readBy: EVERY_HOST,
    default: '10',
    rule: 'whole number 1–10000',
    purpose: 'sign-in attempts per client address per minute, per process (more: 429)',
  },
  {
    name: 'SFP_API_KEY_CALLS_PER_MINUTE',
    readBy: EVERY_HOST,
    default: '1200',
    rule: 'whole number 1–1000000',
    purpose: 'calls per API key per minute, per process (more: 429)',
  },
  {
    name: 'SFP_TRUSTED_PROXIES',
    readBy: EVERY_HOST,
    default: '— (none)',
    rule: 'comma-separated IP addresses, CIDR subnets, `loopback`, `linklocal` or `uniquelocal`',
    purpose:
      'the reverse proxies whose `X-Forwarded-For` is believed (the client address sign-in is throttled by)',
  },
  {
    name: 'SFP_CORS_ORIGINS',
    readBy: EVERY_HOST,
    default: '— (none: the console is same-origin)',
    rule: 'comma-separated http(s) origins',
    purpose: 'the browser origins allowed by CORS',
  },
  {
    name: 'SFP_OIDC_ISSUER',
    readBy: EVERY_HOST,
    default: '—',
    rule: 'a URL with its protocol',
    purpose: 'trust this OpenID Connect issuer’s tokens too',
  },
  {
    name: 'SFP_OIDC_AUDIENCE',
    readBy: EVERY_HOST,
    default: '—',
    rule: 'required with `SFP_OIDC_ISSUER`',
    purpose: 'the audience the issuer’s tokens must name',
  },
  {
    name: 'SFP_OIDC_JWKS_URI',
    readBy: EVERY_HOST,
    default: 'from the issuer’s discovery document',
    rule: 'a URL with its protocol',
    purpose: 'where the issuer’s signing keys are',
  },
  {
    name: 'SFP_OIDC_ROLES_CLAIM',
    readBy: EVERY_HOST,
    default: '`roles`',
    rule: '1–100 letters, digits, `_ . : / -`',
    purpose: 'the token claim that lists the platform roles',
  },
  {
    name: 'SFP_OIDC_DEPARTMENT_CLAIM',
    readBy: EVERY_HOST,
    default: '`department`',
    rule: '1–100 letters, digits, `_ . : / -`',
    purpose: 'the token claim that names the department',
  },
  // Embedded only (PlatformConfig).
  {
    name: 'SFP_DATA_DIR',
    readBy: 'embedded',
    default: '`./data`',
    rule: 'a folder path',
    purpose: 'where the SQLite files and the generated secrets live',
  },
  // Each standalone service (StandaloneConfig).
  {
    name: 'KAFKA_BROKERS',
    readBy: `${EACH_SERVICE}, \`npm run dlq:redrive\``,
    default: '**required**',
    rule: 'comma-separated `host:port`, e.g. `127.0.0.1:9092`',
    purpose: 'the Kafka bootstrap brokers',
  },
  {
    name: 'MONGODB_URI',
    readBy: EACH_SERVICE,
    default: '**required**',
    rule: 'a `mongodb://` or `mongodb+srv://` connection string',
    purpose: 'the MongoDB (or FerretDB) server',
  },
  {
    name: 'MONGODB_DATABASE',
    readBy: EACH_SERVICE,
    default: '`sfp_<context>` (e.g. `sfp_help_desk`, `sfp_reporting`)',
    rule: '1–63 letters, digits, `_` or `-`',
    purpose: 'the service’s own database: one per context',
  },
  {
    name: 'SFP_AUTH_DATABASE',
    readBy: EACH_SERVICE,
    default: '`sfp_auth`',
    rule: '1–63 letters, digits, `_` or `-`',
    purpose: 'the identities (users, integration clients, API keys) shared by every service',
  },
  {
    name: 'SFP_PSEUDONYM_SECRET',
    readBy: 'each service that holds personal data (the help desk)',
    default:
      'embedded: made at first start into `<SFP_DATA_DIR>/secrets.json`; help desk service: **required**',
    rule: 'at least 32 characters, the same value in every service',
    purpose:
      'the key that turns a person’s e-mail into a stable pseudonymous id (`person-` + HMAC-SHA256) carried by events instead of the address: the same person has one id in every service, so their data can be found and erased (their encryption key deleted) on request, and without the key the id reveals nothing',
  },
  {
    name: 'KAFKA_TOPIC_PARTITIONS',
    readBy: EACH_SERVICE,
    default: '3',
    rule: 'whole number 1–1000',
    purpose: 'partitions of the `sfp.<context>.*` topics when the service creates them',
  },
  {
    name: 'KAFKA_REPLICATION_FACTOR',
    readBy: EACH_SERVICE,
    default: '1',
    rule: 'whole number 1–32',
    purpose: 'replication factor of those topics when the service creates them',
  },
  {
    name: 'KAFKA_CLIENT_ID',
    readBy: EACH_SERVICE,
    default: '`sfp-<context>`',
    rule: '1–100 letters, digits, `.`, `_` or `-`',
    purpose: 'the Kafka client id',
  },
  {
    name: 'KAFKA_SASL_MECHANISM',
    readBy: EACH_SERVICE,
    default: '(none: no SASL)',
    rule: '`scram-sha-512`, `scram-sha-256` or `plain`; with `KAFKA_SASL_USERNAME` and `KAFKA_SASL_PASSWORD`',
    purpose:
      "how the service logs in to Kafka as its own user (compose: `sfp-<context>` on the brokers' SASL listener, limited by ACLs to its topics and groups)",
  },
  {
    name: 'KAFKA_SASL_USERNAME',
    readBy: EACH_SERVICE,
    default: '(none)',
    rule: '1–100 letters, digits, `.`, `_` or `-`; with `KAFKA_SASL_MECHANISM`',
    purpose: "the service's Kafka user",
  },
  {
    name: 'KAFKA_SASL_PASSWORD',
    readBy: EACH_SERVICE,
    default: '(none)',
    rule: 'not empty; with `KAFKA_SASL_MECHANISM`',
    purpose: "that user's password (never logged)",
  },
  {
    name: 'SFP_LEADER_LEASE_MS',
    readBy: EACH_SERVICE,
    default: '10000',
    rule: 'whole number 1000–600000',
    purpose:
      'with several instances of a service, the one holding the lease `<context>.leader` runs its projections, reactors and scheduled workers, and the holder of `<context>.outbox` publishes its events; a lease lasts this long unless renewed (every third of it), so another instance takes over within this time after its holder dies',
  },
  // A given service (its settings class).
  {
    name: 'SLA_CHECK_INTERVAL_MS',
    readBy: HELP_DESK,
    default: '60000',
    rule: 'whole number ≥ 0 (0: off)',
    purpose: 'how often the help desk checks SLAs',
  },
  {
    name: 'RESEARCH_SLIPPAGE_CHECK_INTERVAL_MS',
    readBy: RESEARCH,
    default: '3600000',
    rule: 'whole number ≥ 0 (0: off)',
    purpose: 'how often research flags milestones past their planned date',
  },
  {
    name: 'QUALITY_SUBSCRIPTION_GROUP_SUFFIX',
    readBy: QUALITY,
    default: '(none)',
    rule: 'kebab-case letters and digits',
    purpose:
      'appended to the consumer groups of quality monitoring’s subscriptions to other contexts’ events: a second deployment on the same Kafka reads them on its own',
  },
  {
    name: 'QUALITY_IATI_REPORTING_ORG_REF',
    readBy: QUALITY,
    default: '`XM-DAC-41302`',
    rule: 'an IATI organisation identifier (blank: the default)',
    purpose: 'the reporting organisation of the IATI activities quality monitoring exports',
  },
  {
    name: 'QUALITY_IATI_REPORTING_ORG_NAME',
    readBy: QUALITY,
    default: '`International Labour Organization`',
    rule: 'text (blank: the default)',
    purpose: 'its name in the exported activities',
  },
  {
    name: 'QUALITY_IATI_REPORTING_ORG_TYPE',
    readBy: QUALITY,
    default: '`40`',
    rule: 'an IATI OrganisationType code (blank: the default)',
    purpose: 'its type in the exported activities (40: multilateral)',
  },
  {
    name: 'HELP_DESK_SLA_DAYS',
    readBy: HELP_DESK,
    default: '`urgent=2,high=5,normal=10,low=20`',
    rule: '`<priority>=<days>`, comma-separated, any subset, days > 0',
    purpose: 'resolution days per priority',
  },
  {
    name: 'HELP_DESK_REOPEN_WINDOW_DAYS',
    readBy: HELP_DESK,
    default: '14',
    rule: 'a number of days > 0',
    purpose: 'how long after resolution a requester may reopen',
  },
  {
    name: 'HELP_DESK_BUSINESS_DAYS',
    readBy: HELP_DESK,
    default: '`mon,tue,wed,thu,fri`',
    rule: 'weekdays `mon` … `sun`, comma-separated',
    purpose: 'the days SLA time counts on (SLA days are business days of the calendar)',
  },
  {
    name: 'HELP_DESK_BUSINESS_HOURS',
    readBy: HELP_DESK,
    default: '`09:00-17:00`',
    rule: '`HH:MM-HH:MM`, opening before closing, or `always` (every hour counts: calendar days)',
    purpose:
      'the opening hours SLA time counts in; a due date is so many business days of these hours on',
  },
  {
    name: 'HELP_DESK_TIME_ZONE',
    readBy: HELP_DESK,
    default: '`UTC`',
    rule: 'an IANA time zone the runtime knows (e.g. `Europe/Zurich`)',
    purpose: 'the time zone of the opening hours and the holidays',
  },
  {
    name: 'HELP_DESK_HOLIDAYS',
    readBy: HELP_DESK,
    default: 'none',
    rule: 'dates `YYYY-MM-DD`, comma-separated',
    purpose: 'the days the help desk is closed (no SLA time counts)',
  },
  {
    name: 'HELP_DESK_SLA_WARNING_SHARE',
    readBy: HELP_DESK,
    default: '0.8',
    rule: 'a share from 0 (never) to below 1',
    purpose:
      'the share of its SLA (in business hours) past which an open request escalates to its team lead as approaching its breach',
  },
  {
    name: 'HELP_DESK_THEME_TEAMS',
    readBy: HELP_DESK,
    default: 'none (every operator may take every request)',
    rule: '`<theme>=<team>`, comma-separated; a team is the department of its members in the platform’s users',
    purpose:
      'which team handles each theme: the assignees offered and accepted for a request, and whom it escalates to',
  },
  {
    name: 'HELP_DESK_TEAM_LEADS',
    readBy: HELP_DESK,
    default: 'none',
    rule: '`<team>=<username>`, comma-separated',
    purpose: 'each team’s lead: escalations go to them, and they write the macros of the help desk',
  },
  {
    name: 'HELP_DESK_ESCALATION_LEAD',
    readBy: HELP_DESK,
    default: '`admin`',
    rule: 'a username',
    purpose:
      'whom a request escalates to when its themes have no team, or its team no lead (also writes macros)',
  },
  {
    name: 'HELP_DESK_ATTACHMENT_MAX_BYTES',
    readBy: HELP_DESK,
    default: '10485760 (10 MB)',
    rule: 'whole number of bytes, 1 – 1073741824',
    purpose: 'the largest file a help-desk request may carry (a larger upload is refused with 413)',
  },
  {
    name: 'HELP_DESK_MAIL_INTERVAL_MS',
    readBy: HELP_DESK,
    default: '5000',
    rule: 'whole number ≥ 0 (0: off)',
    purpose:
      'how often the mail outbox sends the requester mails due (a failed send is tried again after 30 s, 1, 2, 4 … minutes, at most an hour)',
  },
  {
    name: 'SFP_SMTP_URL',
    readBy: HELP_DESK,
    default: '— (embedded: the in-process SMTP sink)',
    rule: '`smtp://[user:pass@]host[:port]` or `smtps://…`',
    purpose: 'the SMTP server of the mails to requesters (receipt, public reply, resolution)',
  },
  {
    name: 'SFP_SMTP_FROM',
    readBy: HELP_DESK,
    default: '`SFP Help Desk <help-desk@sfp.local>`',
    rule: 'at least 3 characters',
    purpose: 'the sender of the mails to requesters',
  },
  {
    name: 'SFP_SMTP_SINK',
    readBy: HELP_DESK,
    default: 'embedded `true`; help desk service `false`',
    rule: '`true` or `false`',
    purpose:
      'without SFP_SMTP_URL, catch the requester mails in an in-process SMTP server (kept in SQLite under SFP_DATA_DIR), shown on the console’s Sent mail page; nothing leaves the machine',
  },
  {
    name: 'HELP_DESK_REQUESTER_LINK_SECRET',
    readBy: HELP_DESK,
    default:
      'derived from `SFP_PSEUDONYM_SECRET` when it is set (the help desk service); else, embedded, made at first start into `<SFP_DATA_DIR>/help-desk/requester-link.secret`',
    rule: 'at least 32 characters',
    purpose:
      'the key of the requester’s signed links (HMAC-SHA256 over the request, the requester’s e-mail and the expiry)',
  },
  {
    name: 'HELP_DESK_REQUESTER_LINK_DAYS',
    readBy: HELP_DESK,
    default: '30',
    rule: 'whole number 1–3650',
    purpose: 'how long a requester’s link works (401 when forged, 410 once expired)',
  },
  {
    name: 'HELP_DESK_PUBLIC_URL',
    readBy: HELP_DESK,
    default: '`http://localhost:3000`',
    rule: 'an http(s) URL',
    purpose:
      'the console’s address in the requester mails (their page is `<url>/requester/<link>`)',
  },
  {
    name: 'REPORTING_CONSUMER_GROUP_PREFIX',
    readBy: 'reporting service',
    default: '`sfp.reporting`',
    rule: '1–100 letters, digits, `.`, `_` or `-`',
    purpose: 'prefix of reporting’s consumer groups, one per context',
  },
  {
    name: 'REPORTING_MAX_SCANNED_ROWS',
    readBy: 'reporting service',
    default: '50000',
    rule: 'whole number ≥ 1',
    purpose: 'documents one analyst query may read',
  },
  {
    name: 'REPORTING_QUERY_TIMEOUT_MS',
    readBy: 'reporting service',
    default: '10000',
    rule: 'whole number ≥ 100',
    purpose: 'the time one analyst query may take',
  },
  // Tools.
  {
    name: 'SFP_URL',
    readBy: '`npm run seed`',
    default: '`http://127.0.0.1:3000`',
    rule: 'a URL',
    purpose: 'the platform the seed fills',
  },
  {
    name: 'SFP_ADMIN_USER',
    readBy: '`npm run seed`',
    default: '`admin`',
    rule: 'a user name',
    purpose: 'the administrator the seed signs in as',
  },
];

/** The markers around the generated table in docs/operations.md. */
export const SETTINGS_TABLE_START =
  '<!-- settings-table:start (generated from settings.catalogue.ts) -->';
export const SETTINGS_TABLE_END = '<!-- settings-table:end -->';

/** The "Settings" table of docs/operations.md, as markdown (unaligned: prettier aligns it the same way). */
export function settingsTable(settings: readonly SettingDescription[] = SETTINGS): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| variable | read by | default | rule | what it is for |',
    '| --- | --- | --- | --- | --- |',
    ...settings.map(
      (s) =>
        `| \`${s.name}\` | ${cell(s.readBy)} | ${cell(s.default)} | ${cell(s.rule)} | ${cell(s.purpose)} |`,
    ),
  ].join('\n');
}
