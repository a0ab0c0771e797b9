import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cache = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

/** Runs cliBundle in a fresh Node process, as bin.mjs does, and returns the bundle's main module. */
function bundle(): string {
  const script = "const { cliBundle } = await import('./cli/cliBundle.mjs'); process.stdout.write(await cliBundle(process.argv[1]));";
  return execFileSync(process.execPath, ['--input-type=module', '-e', script, cache], { cwd: REPO, encoding: 'utf8' });
}

describe('the CLI bundle', () => {
  it('is built once, reused while the sources are unchanged, and rebuilt (old build removed) when one changes', () => {
    const first = bundle();
    expect(existsSync(first)).toBe(true);
    expect(existsSync(join(dirname(first), 'examineWorker.mjs'))).toBe(true);
    const builtAt = statSync(first).mtimeMs;
    expect(bundle()).toBe(first);
    expect(statSync(first).mtimeMs).toBe(builtAt);

    const source = join(REPO, 'core/check/finding.ts');
    const { atime, mtime } = statSync(source);
    try {
      utimesSync(source, atime, new Date(mtime.getTime() + 1000));
      const second = bundle();
      expect(second).not.toBe(first);
      expect(readdirSync(cache)).toEqual([dirname(second).split(/[\\/]/).pop()]);
    } finally {
      utimesSync(source, atime, mtime);
    }
  });

  it('runs the command with the same results as the sources do', () => {
    // A pinned day: the bundled set's review dates must not turn this test red as the calendar moves.
    const main = bundle();
    const script = `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(['check', 'runbooks', '--strict', '--format', 'json', '--today', '2026-11-26', '--max-age-days', '365']);`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
    expect((JSON.parse(out) as { findings: unknown[] }).findings).toEqual([]);
  });
});
