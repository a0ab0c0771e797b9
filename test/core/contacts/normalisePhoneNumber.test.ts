import { describe, expect, it } from 'vitest';
import { findPhoneNumbers, normalisePhoneNumber } from '../../../core/contacts/normalisePhoneNumber';

describe('normalisePhoneNumber: the ways people write a phone number become one dialable tel: URI', () => {
  it.each([
    ['(555) 123-4567', 'tel:+15551234567'],
    ['(555)123-4567', 'tel:+15551234567'],
    ['555-123-4567', 'tel:+15551234567'],
    ['555.123.4567', 'tel:+15551234567'],
    ['555 123 4567', 'tel:+15551234567'],
    ['+1 555 123 4567', 'tel:+15551234567'],
    ['+1-555-123-4567', 'tel:+15551234567'],
    ['+1 (555) 123-4567', 'tel:+15551234567'],
    ['+1.555.123.4567', 'tel:+15551234567'],
    ['+15551234567', 'tel:+15551234567'],
    ['1-800-555-0199', 'tel:+18005550199'],
    ['1 (800) 555-0199', 'tel:+18005550199'],
    ['+44 20 7946 0958', 'tel:+442079460958'],
    ['+44 (0)20 7946 0958', 'tel:+442079460958'],
    ['+81 3-1234-5678', 'tel:+81312345678'],
    ['+33 1 23 45 67 89', 'tel:+33123456789'],
    ['+49 30 1234567', 'tel:+49301234567'],
    ['555-010-3300', 'tel:+15550103300'],
    ['555.010.4477 ext. 12', 'tel:+15550104477;ext=12'],
    ['555-123-4567 ext 12', 'tel:+15551234567;ext=12'],
    ['(555) 123-4567 x12', 'tel:+15551234567;ext=12'],
    ['555-123-4567x12', 'tel:+15551234567;ext=12'],
    ['555-123-4567 #12', 'tel:+15551234567;ext=12'],
    ['+1 555 123 4567, extension 305', 'tel:+15551234567;ext=305'],
    ['555\u00a0123\u00a04567', 'tel:+15551234567'],
  ])('%s → %s', (written, href) => {
    expect(normalisePhoneNumber(written)).toBe(href);
  });

  it('gives 10-digit national numbers the configured country calling code', () => {
    expect(normalisePhoneNumber('(555) 123-4567', { defaultCountryCode: '44' })).toBe('tel:+445551234567');
    expect(normalisePhoneNumber('(555) 123-4567', { defaultCountryCode: '+61' })).toBe('tel:+615551234567');
    // A nonsense setting falls back to +1 rather than producing an undialable URI.
    expect(normalisePhoneNumber('(555) 123-4567', { defaultCountryCode: 'abc' })).toBe('tel:+15551234567');
    // International numbers keep their own code whatever the setting.
    expect(normalisePhoneNumber('+44 20 7946 0958', { defaultCountryCode: '1' })).toBe('tel:+442079460958');
  });

  it('accepts a bare digit run only where the value is known to be a phone number', () => {
    expect(normalisePhoneNumber('5551234567')).toBeUndefined();
    expect(normalisePhoneNumber('5551234567', { assumePhone: true })).toBe('tel:+15551234567');
    expect(normalisePhoneNumber(5551234567, { assumePhone: true })).toBe('tel:+15551234567');
    expect(normalisePhoneNumber('+442079460958', { assumePhone: true })).toBe('tel:+442079460958');
    expect(normalisePhoneNumber('call someone', { assumePhone: true })).toBeUndefined();
    expect(normalisePhoneNumber('1-800-FLOWERS', { assumePhone: true })).toBeUndefined();
  });
});

describe('findPhoneNumbers: what must not be taken for a phone number', () => {
  it.each([
    ['a version', 'upgrade to 2.14.3 first'],
    ['a four-part version', 'agent v1.2.3.4 is affected'],
    ['an ISO date', 'since 2026-02-03 the job fails'],
    ['a day/month/year date', 'on 03/02/2026 at noon'],
    ['an IPv4 address', 'ssh 10.0.12.45 and check'],
    ['an IP that looks like 3.3.4 digits', 'host 192.168.100.200'],
    ['an incident id', 'see INC-20260203 for details'],
    ['a Jira key', 'tracked in JIRA-1234'],
    ['a ticket id shaped like a number', 'ticket INC-555-123-4567'],
    ['a port', 'listens on :8080'],
    ['a duration', 'timeout 5000ms'],
    ['a time', 'handover at 12:30'],
    ['money', 'budget $1,234.56'],
    ['a commit hash', 'reverted in 3f2a9c1d5e'],
    ['a hash with digit groups', 'build a555-123-4567b'],
    ['a long integer', 'user id 5551234567'],
    ['a percentage', 'error rate 555.123.4567%'],
    ['a number followed by more digits', 'serial 555-123-4567-89'],
    ['a decimal after a number', 'value 555.123.4567.8'],
    ['too few digits after +', 'call +1 555 1234'],
    ['a NANP number with a 0/1 area code', 'code 123-456-7890'],
    ['a seven-digit local number', 'dial 555-0199'],
    ['an email local part', 'write to 555-123-4567@sms.example.com'],
    ['a path segment', 'GET /v2/555-123-4567'],
    ['part of a request id', 'X-Request-Id: 555-123-4567-abc'],
    ['a path continuing after it', 'see /calls/555-123-4567/recording'],
  ])('not %s: %s', (_what, text) => {
    expect(findPhoneNumbers(text)).toEqual([]);
  });

  it('finds every number in a line with the offsets of what was written', () => {
    const text = 'Ops: (555) 010-3300 or +44 20 7946 0958 (24/7), DB 555.010.4477 ext. 12.';
    const found = findPhoneNumbers(text);
    expect(found.map((f) => [f.text, f.href])).toEqual([
      ['(555) 010-3300', 'tel:+15550103300'],
      ['+44 20 7946 0958', 'tel:+442079460958'],
      ['555.010.4477 ext. 12', 'tel:+15550104477;ext=12'],
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('stops a +1 number at its ten national digits', () => {
    const [found] = findPhoneNumbers('call +1 555 123 4567 2 times');
    expect(found?.text).toBe('+1 555 123 4567');
    expect(found?.href).toBe('tel:+15551234567');
  });

  it('accepts a number right after a label colon or in brackets', () => {
    expect(findPhoneNumbers('Phone:555-123-4567').map((f) => f.href)).toEqual(['tel:+15551234567']);
    expect(findPhoneNumbers('(call 555-123-4567)').map((f) => f.href)).toEqual(['tel:+15551234567']);
  });
});
