import { describe, expect, it } from 'vitest';
import {
  parseEmptyRequest,
  parseOpenExternalRequest,
  parsePrintToPdfRequest,
  parseSetTokenRequest,
  parseSourceTokenRequest,
} from '../../electron/ipcRequestValidation';

describe('IPC request validation', () => {
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
