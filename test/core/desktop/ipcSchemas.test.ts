import { describe, expect, it } from 'vitest';
import {
  emptyRequestSchema,
  MAX_CACHED_FILES,
  openExternalRequestSchema,
  printToPdfRequestSchema,
  sourceSettingsSchema,
  setTokenRequestSchema,
  sourceTokenRequestSchema,
  syncRunRequestSchema,
  syncSourceRequestSchema,
} from '../../../core/desktop/ipcSchemas';
import { checkMessage } from '../../../core/messages/checkMessage';

const parseEmptyRequest = (raw: unknown) => checkMessage(emptyRequestSchema, raw);
const parseOpenExternalRequest = (raw: unknown) => checkMessage(openExternalRequestSchema, raw);
const parsePrintToPdfRequest = (raw: unknown) => checkMessage(printToPdfRequestSchema, raw);
const parseSaveSourceRequest = (raw: unknown) => checkMessage(sourceSettingsSchema, raw);
const parseSetTokenRequest = (raw: unknown) => checkMessage(setTokenRequestSchema, raw);
const parseSourceTokenRequest = (raw: unknown) => checkMessage(sourceTokenRequestSchema, raw);
const parseSyncRunRequest = (raw: unknown) => checkMessage(syncRunRequestSchema, raw);
const parseSyncSourceRequest = (raw: unknown) => checkMessage(syncSourceRequestSchema, raw);

describe('IPC request schemas', () => {
  it.each([
    [undefined, true],
    [null, false],
    [{}, false],
    ['x', false],
  ])('empty request %j → ok=%s', (raw, ok) => {
    expect(parseEmptyRequest(raw).ok).toBe(ok);
  });

  it.each([
    [{ url: 'https://example.com' }, true],
    [{ url: 'javascript:alert(1)' }, true], // shape only: the allowlist decides later
    [{ url: '' }, false],
    [{ url: 42 }, false],
    [{ url: `https://example.com/${'a'.repeat(9000)}` }, false],
    ['https://example.com', false],
    [null, false],
    [undefined, false],
    [['https://example.com'], false],
  ])('openExternal %j → ok=%s', (raw, ok) => {
    expect(parseOpenExternalRequest(raw).ok).toBe(ok);
  });

  it.each([
    [{ suggestedName: 'DB failover' }, true],
    [{ suggestedName: '' }, true],
    [{ suggestedName: 'x'.repeat(1001) }, false],
    [{ suggestedName: 3 }, false],
    [{}, false],
  ])('printToPdf %j → ok=%s', (raw, ok) => {
    expect(parsePrintToPdfRequest(raw).ok).toBe(ok);
  });

  it.each([
    [{ sourceId: 'ops' }, true],
    [{ sourceId: '' }, false],
    [{ sourceId: 'a\nb' }, false],
    [{ sourceId: 'x'.repeat(201) }, false],
    [{ sourceId: 7 }, false],
    [{}, false],
  ])('source token request %j → ok=%s', (raw, ok) => {
    expect(parseSourceTokenRequest(raw).ok).toBe(ok);
  });

  it.each([
    [{ sourceId: 'ops', token: 'ghp_abc' }, 'ghp_abc'],
    [{ sourceId: 'ops', token: '  glpat-xyz\n' }, 'glpat-xyz'],
    [{ sourceId: 'ops', token: '' }, undefined],
    [{ sourceId: 'ops', token: '   ' }, undefined],
    [{ sourceId: 'ops', token: 'two words' }, undefined],
    [{ sourceId: 'ops', token: 'abc\r\nX-Injected: 1' }, undefined],
    [{ sourceId: 'ops', token: 'a\u0000b' }, undefined],
    [{ sourceId: 'ops', token: 'x'.repeat(4097) }, undefined],
    [{ sourceId: '', token: 'abc' }, undefined],
    [{ token: 'abc' }, undefined],
    [{ sourceId: 'ops', token: 123 }, undefined],
  ])('setToken %j → %s', (raw, token) => {
    const parsed = parseSetTokenRequest(raw);
    expect(parsed.ok ? parsed.value.token : undefined).toBe(token);
  });

  it('never quotes the token in a refusal', () => {
    const secret = 'ghp_secret value';
    const parsed = parseSetTokenRequest({ sourceId: 'ops', token: secret });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).not.toContain('ghp_secret');
  });
});

describe('sync:run request validation', () => {
  const URL_OK = 'https://git.example.com/ops/runbooks.git';
  const OID = '0123456789abcdef0123456789abcdef01234567';
  const valid = (fields: Record<string, unknown> = {}) => ({ sourceId: 'git-1a2b3c4d', cached: {}, ...fields });
  const reasonOf = (raw: unknown) => {
    const parsed = parseSyncRunRequest(raw);
    return parsed.ok ? undefined : parsed.reason;
  };
  // Where a source syncs from is saved with `source:save`; `sync:run` cannot name it.
  const validSettings = (fields: Record<string, unknown> = {}) => ({ sourceId: 'git-1a2b3c4d', url: URL_OK, ...fields });
  const settingsReasonOf = (raw: unknown) => {
    const parsed = parseSaveSourceRequest(raw);
    return parsed.ok ? undefined : parsed.reason;
  };

  it('refuses a field the contract does not have, naming it', () => {
    expect(reasonOf(valid({ extra: 1 }))).toBe('extra: is not part of this message');
  });

  it.each([
    ['sourceId', { cached: {} }],
    ['cached', { sourceId: 'git-1' }],
  ])('refuses a request without %s, naming it', (field, raw) => {
    expect(reasonOf(raw)).toBe(`${field}: is missing`);
  });

  it('names the field of a wrong value', () => {
    expect(reasonOf(valid({ timeoutMs: 10 }))).toMatch(/^timeoutMs: is out of range/);
    expect(reasonOf(valid({ sourceId: 5 }))).toMatch(/^sourceId: /);
  });

  it('accepts a full request', () => {
    const parsed = parseSyncRunRequest(
      valid({
        previousCommit: OID,
        cached: { 'a.md': OID },
        maxFileBytes: 1024,
        timeoutMs: 5000,
        deadlineMs: 600_000,
        minBytesPerSecond: 0,
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        sourceId: 'git-1a2b3c4d',
        previousCommit: OID,
        cached: { 'a.md': OID },
        maxFileBytes: 1024,
        timeoutMs: 5000,
        deadlineMs: 600_000,
        minBytesPerSecond: 0,
      },
    });
  });

  it.each([{ url: URL_OK }, { url: 'https://attacker.example/x.git' }, { branch: 'main' }, { subdir: 'docs' }])(
    'refuses a sync request that names where to sync (%j): main syncs from its own saved settings',
    (fields) => {
      expect(reasonOf(valid(fields))).toMatch(/no address/);
    },
  );

  it('refuses source settings with a field the contract does not have', () => {
    expect(settingsReasonOf(validSettings({ extra: 1 }))).toBe('extra: is not part of this message');
  });

  it('carries pinned signing keys main checks syncs against, and refuses keys it could not read', () => {
    const keys = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICoOxCbT/rL5Xj7QrHU16ixwAibOjlfCBAXWrIua9VRl alice@ops';
    expect(parseSaveSourceRequest(validSettings({ pinnedSigningKeys: keys, requireSignedCommits: true }))).toEqual({
      ok: true,
      value: { sourceId: 'git-1a2b3c4d', url: URL_OK, pinnedSigningKeys: keys, requireSignedCommits: true },
    });
    expect(settingsReasonOf(validSettings({ pinnedSigningKeys: 'ssh-ed25519 oops' }))).toBe(
      'pinnedSigningKeys: A pinned signing key cannot be read.',
    );
  });

  it('accepts full source settings, sub-folder normalised', () => {
    expect(parseSaveSourceRequest(validSettings({ branch: 'release/2026-05', subdir: './docs//runbooks/' }))).toEqual({
      ok: true,
      value: { sourceId: 'git-1a2b3c4d', url: URL_OK, branch: 'release/2026-05', subdir: 'docs/runbooks' },
    });
  });

  it.each([
    ['file:///srv/runbooks.git', /Only http/],
    ['ssh://git@git.example.com/ops.git', /Only http/],
    ['git@git.example.com:ops/runbooks.git', /not a valid URL|Only http/],
    ['javascript:alert(1)', /Only http/],
    ['https://user:ghp_secret@git.example.com/ops.git', /user name or token/],
    ['https://ghp_secret@git.example.com/ops.git', /user name or token/],
    ['not a url', /not a valid URL/],
    ['', /required/],
    [`https://git.example.com/${'a'.repeat(9000)}`, /too long/],
    [42, /required/],
  ])('refuses the repository address %j', (url, reason) => {
    const refusal = settingsReasonOf(validSettings({ url }));
    expect(refusal).toMatch(reason);
    expect(refusal).not.toContain('ghp_secret');
  });

  it.each(['../etc', 'docs/../../etc', '..\\..\\windows', 'a\u0000b', 'x'.repeat(1025), 7])('refuses the sub-folder %j', (subdir) => {
    expect(settingsReasonOf(validSettings({ subdir }))).toBeDefined();
  });

  it.each(['main', 'release/2026-05', 'feature/x.y', 'refs/heads/main'])('accepts the branch %j', (branch) => {
    expect(parseSaveSourceRequest(validSettings({ branch })).ok).toBe(true);
  });

  it.each([
    '',
    '../../../../etc/passwd',
    'a..b',
    'two words',
    'a\nb',
    '-rf',
    '/main',
    'main/',
    'a//b',
    '.hidden',
    'x/.y',
    'main.lock',
    'a@{1}',
    '@',
    'a~1',
    'a^',
    'a:b',
    'a?',
    'a*',
    'a[b',
    'a\\b',
    'x'.repeat(256),
    5,
  ])('refuses the branch %j', (branch) => {
    expect(settingsReasonOf(validSettings({ branch }))).toMatch(/branch/);
  });

  it.each([
    [{ sourceId: '' }],
    [{ sourceId: 'a\nb' }],
    [{ sourceId: 'x'.repeat(201) }],
    [{ sourceId: 5 }],
    [{ previousCommit: 'HEAD' }],
    [{ previousCommit: OID.toUpperCase() }],
    [{ previousCommit: 1 }],
    [{ maxFileBytes: 0 }],
    [{ maxFileBytes: 1.5 }],
    [{ maxFileBytes: 65 * 1024 * 1024 }],
    [{ maxFileBytes: '2048' }],
    [{ timeoutMs: 10 }],
    [{ timeoutMs: Number.POSITIVE_INFINITY }],
    [{ timeoutMs: 11 * 60_000 }],
    [{ timeoutMs: Number.NaN }],
    [{ deadlineMs: 999 }],
    [{ deadlineMs: 1.5 }],
    [{ minBytesPerSecond: -1 }],
    [{ minBytesPerSecond: '512' }],
  ])('refuses %j', (fields) => {
    expect(reasonOf(valid(fields))).toBeDefined();
  });

  it.each([null, undefined, 'sync', [valid()], 42])('refuses a request that is not an object: %j', (raw) => {
    expect(reasonOf(raw)).toBeDefined();
  });

  it('refuses a request that carries a token, without quoting it', () => {
    const refusal = reasonOf(valid({ token: 'ghp_secret' }));
    expect(refusal).toMatch(/no token/);
    expect(refusal).not.toContain('ghp_secret');
  });

  it.each([
    ['missing', undefined],
    ['an array', [['a.md', OID]]],
    ['a Map', new Map([['a.md', OID]])],
    ['a non-hex blob id', { 'a.md': 'z'.repeat(40) }],
    ['a short blob id', { 'a.md': 'abc' }],
    ['a non-string blob id', { 'a.md': 1 }],
    ['an empty path', { '': OID }],
    ['a path with a control character', { 'a\u0000.md': OID }],
    ['a path too long', { ['p'.repeat(4097)]: OID }],
  ])('refuses a cached map that is %s', (_what, cached) => {
    expect(reasonOf(valid({ cached }))).toMatch(/cached file list/);
  });

  it('refuses a cached map larger than the bound, accepts one at it', () => {
    const entries = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}.md`, OID]));
    expect(reasonOf(valid({ cached: entries(MAX_CACHED_FILES + 1) }))).toMatch(/too large/);
    expect(parseSyncRunRequest(valid({ cached: entries(MAX_CACHED_FILES) })).ok).toBe(true);
  });

  it('copies the cached map so a `__proto__` path stays a plain path', () => {
    const cached = JSON.parse(`{"__proto__": "${OID}", "a.md": "${OID}"}`) as Record<string, string>;
    const parsed = parseSyncRunRequest(valid({ cached }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Object.entries(parsed.value.cached)).toEqual([
      ['__proto__', OID],
      ['a.md', OID],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.value.cached)).toBeNull();
  });
});

describe('sync:run re-read flag', () => {
  const base = { sourceId: 'git-1', cached: {} };

  it('is kept when true and dropped when false or absent', () => {
    expect(parseSyncRunRequest({ ...base, rereadAll: true })).toEqual({ ok: true, value: { ...base, rereadAll: true } });
    expect(parseSyncRunRequest({ ...base, rereadAll: false })).toEqual({ ok: true, value: base });
    expect(parseSyncRunRequest(base)).toEqual({ ok: true, value: base });
  });

  it.each(['true', 1, null, {}])('refuses %j', (rereadAll) => {
    expect(parseSyncRunRequest({ ...base, rereadAll })).toEqual({
      ok: false,
      reason: 'rereadAll: The re-read flag must be true or false.',
    });
  });
});

describe('sync:cancel and sync:delete-store requests', () => {
  const BAD_ID = 'must be a valid source id (1 to 200 characters, no control characters)';
  it.each([
    [{ sourceId: 'git-1' }, { ok: true, value: { sourceId: 'git-1' } }],
    [
      { sourceId: 'git-1', token: 'ghp_x' },
      { ok: false, reason: 'token: is not part of this message' },
    ],
    [{ sourceId: '' }, { ok: false, reason: `sourceId: ${BAD_ID}` }],
    [{ sourceId: 'a\nb' }, { ok: false, reason: `sourceId: ${BAD_ID}` }],
    [{ sourceId: 'x'.repeat(201) }, { ok: false, reason: `sourceId: ${BAD_ID}` }],
    [{}, { ok: false, reason: 'sourceId: is missing' }],
    ['git-1', { ok: false, reason: 'A valid source id is required.' }],
    [undefined, { ok: false, reason: 'A valid source id is required.' }],
  ])('%j → %j', (raw, parsed) => {
    expect(parseSyncSourceRequest(raw)).toEqual(parsed);
  });
});
