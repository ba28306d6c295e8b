/**
 * `npm run seed`: fills a running platform with demo data through its public API,
 * signed in as an administrator (SFP_ADMIN_USER, default admin; SFP_ADMIN_PASSWORD).
 *   SFP_URL=http://127.0.0.1:3000 SFP_ADMIN_PASSWORD=… npm run seed -- --count 180 --seed 7
 * Two years of history (December 2024 to now) in every context, recorded as
 * past facts (see seed-platform.ts); a second run adds nothing.
 */
import { seedPlatform } from './seed-platform';

async function main(argv: string[]): Promise<void> {
  const option = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    const value = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
    return value;
  };
  const baseUrl = process.env['SFP_URL'] ?? 'http://127.0.0.1:3000';
  const health = await fetch(`${baseUrl}/api/health/ready`).catch(() => undefined);
  if (!health?.ok) {
    throw new Error(
      `No platform answers at ${baseUrl}; start it with \`npm start\` (or set SFP_URL)`,
    );
  }
  const password = process.env['SFP_ADMIN_PASSWORD'];
  if (!password)
    throw new Error(
      'Set SFP_ADMIN_PASSWORD to the administrator\'s password (and SFP_ADMIN_USER if it is not "admin")',
    );
  const started = Date.now();
  await seedPlatform({
    baseUrl,
    admin: { username: process.env['SFP_ADMIN_USER'] ?? 'admin', password },
    count: option('--count', 180),
    seed: option('--seed', 2026),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(
    `Seeded in ${Math.round((Date.now() - started) / 1000)} s. Open ${baseUrl}/ and sign in: the home dashboard shows the seeded history.\n`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
