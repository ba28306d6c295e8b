import { existsSync } from 'node:fs';

/** Where Debian's `faketime` package (libfaketime) puts the preload library. */
const LIBFAKETIME_PATHS = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
];

/**
 * The environment that runs a child process with its wall clock `offsetSeconds`
 * ahead (libfaketime preloaded; `FAKETIME=+300s`): `Date.now()`, `new Date()`
 * and every timestamp it writes are off by that much, while its monotonic
 * clock (timers, timeouts) stays true, as on a host whose NTP drifted.
 * Throws, naming the package to install, when libfaketime is not there.
 */
export function clockAheadEnv(offsetSeconds: number): Record<string, string> {
  const library = LIBFAKETIME_PATHS.find((path) => existsSync(path));
  if (!library) {
    throw new Error(
      `libfaketime is not installed (looked in ${LIBFAKETIME_PATHS.join(', ')}): ` +
        'the clock-skew scenario needs the Debian package faketime (apt-get install -y faketime)',
    );
  }
  return {
    LD_PRELOAD: library,
    FAKETIME: `+${offsetSeconds}s`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    DONT_FAKE_MONOTONIC: '1',
  };
}
