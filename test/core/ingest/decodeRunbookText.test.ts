import { describe, expect, it } from 'vitest';
import { decodeRunbookText, DEFAULT_MAX_RUNBOOK_BYTES, formatBytes } from '../../../core/ingest/decodeRunbookText';

const utf8 = (text: string) => new TextEncoder().encode(text);

function decodedText(bytes: Uint8Array): string {
  const result = decodeRunbookText(bytes);
  if (!result.ok) throw new Error(`expected text, got ${result.reason}: ${result.message}`);
  return result.text;
}

describe('decodeRunbookText', () => {
  it('keeps UTF-8 text, including accents, Japanese and emoji', () => {
    const text = 'Café 手順 🚨\n';
    expect(decodedText(utf8(text))).toBe(text);
  });

  it('drops a byte order mark, and a second one left by double saving', () => {
    const bom = [0xef, 0xbb, 0xbf];
    expect(decodedText(new Uint8Array([...bom, ...utf8('# T\n')]))).toBe('# T\n');
    expect(decodedText(new Uint8Array([...bom, ...bom, ...utf8('# T\n')]))).toBe('# T\n');
  });

  it('normalises CRLF and lone CR line endings to \\n without adding or losing lines', () => {
    expect(decodedText(utf8('a\r\nb\r\n\r\nc'))).toBe('a\nb\n\nc');
    expect(decodedText(utf8('a\rb\r'))).toBe('a\nb\n');
  });

  it.each([
    ['Latin-1 é', [0x63, 0x61, 0x66, 0xe9]],
    ['Windows-1252 curly quote', [0x93, 0x68, 0x69, 0x94]],
    ['overlong slash', [0xc0, 0xaf]],
    ['encoded UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['multi-byte sequence cut at the end', [0x61, 0xe2, 0x82]],
  ])('refuses %s as not UTF-8 with a message that says how to fix it', (_name, bytes) => {
    const result = decodeRunbookText(new Uint8Array(bytes));
    expect(result).toMatchObject({ ok: false, reason: 'not-utf8' });
    if (!result.ok) expect(result.message).toMatch(/UTF-8/);
  });

  it('refuses files with NUL bytes as binary: images and UTF-16 text', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(decodeRunbookText(png)).toMatchObject({ ok: false, reason: 'binary' });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x23, 0x00, 0x20, 0x00, 0x54, 0x00]); // "# T" as UTF-16 LE
    expect(decodeRunbookText(utf16)).toMatchObject({ ok: false, reason: 'binary' });
  });

  it('refuses a file over the limit, naming its size and the limit', () => {
    const result = decodeRunbookText(new Uint8Array(3 * 1024 * 1024), DEFAULT_MAX_RUNBOOK_BYTES);
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    if (!result.ok) {
      expect(result.message).toContain('3.0 MiB');
      expect(result.message).toContain('2.0 MiB');
    }
  });

  it('names exact byte counts when rounding would show the same size twice', () => {
    const result = decodeRunbookText(new Uint8Array(DEFAULT_MAX_RUNBOOK_BYTES + 1).fill(0x61));
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    if (!result.ok) {
      expect(result.message).toContain(`${DEFAULT_MAX_RUNBOOK_BYTES + 1} B`);
      expect(result.message).toContain(`${DEFAULT_MAX_RUNBOOK_BYTES} B`);
    }
  });

  it('checks the size before anything else, so a huge binary file is reported as too large', () => {
    expect(decodeRunbookText(new Uint8Array(20), 10)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('accepts an empty file', () => {
    expect(decodedText(new Uint8Array())).toBe('');
  });
});

describe('formatBytes', () => {
  it('uses B, KiB and MiB', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MiB');
  });
});
