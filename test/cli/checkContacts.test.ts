import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '../..');
const BIN = join(REPO, 'cli/bin.mjs');

/** Fields every runbook here has, so that only the contacts list can draw a finding. */
const COMMON = 'owner: team-ops\nstatus: active\nlast_reviewed: 2026-11-20';

const GOOD = `---
title: Good contacts
${COMMON}
region: GB
contacts:
  - name: On-call
    phone: 020 7946 0958
    pagerduty: ops-primary
  - "Security: security@example.com, +44 20 7946 0000"
---
# Good contacts

Nothing else to say.
`;

const BAD = `---
title: Bad contacts
${COMMON}
region: Britain
contacts:
  - name: Ops
    phone: 020 7946 0958
  - email: not-an-address
---
# Bad contacts

Nothing else to say.
`;

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'rr-check-contacts-'));
  writeFileSync(join(folder, 'good.md'), GOOD);
  writeFileSync(join(folder, 'bad.md'), BAD);
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

function check(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'check', ...args], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '' },
  });
  return { code: result.status, stdout: result.stdout };
}

interface Report {
  findings: { file: string; line: number | null; rule: string; severity: string; message: string }[];
}

describe('runbook-reader check on front-matter contacts', () => {
  it('warns about each bad contacts item and region:, passes a good list, and fails with --strict', () => {
    const { code, stdout } = check(['.', '--format', 'json', '--today', '2026-12-01']);
    expect(code).toBe(0);
    const findings = (JSON.parse(stdout) as Report).findings;
    expect(findings.filter((f) => f.file.endsWith('good.md'))).toEqual([]);
    const bad = findings.filter((f) => f.file.endsWith('bad.md'));
    expect(bad.map((f) => [f.rule, f.severity])).toEqual(bad.map(() => ['contact-invalid', 'warning']));
    const messages = bad.map((f) => f.message).join('\n');
    expect(messages).toMatch(/region: "Britain" is not a region code/);
    expect(messages).toMatch(/Phone 020 7946 0958 \(Ops\) has no country/);
    expect(messages).toMatch(/"not-an-address" is not an email address/);
    expect(bad).toHaveLength(3);
    expect(check(['.', '--strict', '--today', '2026-12-01']).code).toBe(1);
  });
});
