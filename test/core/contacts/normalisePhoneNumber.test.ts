import { describe, expect, it } from 'vitest';
import { findPhoneNumbers, normalisePhoneNumber, readPhoneNumber } from '../../../core/contacts/normalisePhoneNumber';

// Numbers from each region's published example or drama ranges where they exist (Ofcom 020 7946 0xxx,
// NANP 555-01xx), otherwise numbers of the right shape for the region.
const REGIONS: [region: string, national: string, international: string, e164: string][] = [
  ['GB', '020 7946 0958', '+44 20 7946 0958', '+442079460958'],
  ['DE', '030 1234567', '+49 30 1234567', '+49301234567'],
  ['FR', '01 23 45 67 89', '+33 1 23 45 67 89', '+33123456789'],
  ['IN', '098765 43210', '+91 98765 43210', '+919876543210'],
  ['JP', '03-1234-5678', '+81 3-1234-5678', '+81312345678'],
  ['AU', '(02) 9374 4000', '+61 2 9374 4000', '+61293744000'],
  ['BR', '(11) 91234-5678', '+55 11 91234-5678', '+5511912345678'],
  ['NL', '020 794 6095', '+31 20 794 6095', '+31207946095'],
  ['IE', '01 234 5678', '+353 1 234 5678', '+35312345678'],
  ['SG', '6123 4567', '+65 6123 4567', '+6561234567'],
  ['ZA', '011 123 4567', '+27 11 123 4567', '+27111234567'],
  ['US', '(212) 555-0123', '+1 212 555 0123', '+12125550123'],
  ['CA', '416-555-0199', '+1 416 555 0199', '+14165550199'],
];

describe('phone numbers from every region, national and international', () => {
  it.each(REGIONS)('%s: national %s dials %s', (region, national, _international, e164) => {
    const [found] = findPhoneNumbers(`Call ${national} now`, { region });
    expect(found?.text).toBe(national);
    expect(found?.href).toBe(`tel:${e164}`);
    expect(found?.region).toBe(region);
  });

  it.each(REGIONS)('%s: international %s dials %s whatever the region', (_region, _national, international, e164) => {
    for (const region of [undefined, 'GB', 'US', 'JP']) {
      const [found] = findPhoneNumbers(`Call ${international} now`, { region });
      expect(found?.text).toBe(international);
      expect(found?.href).toBe(`tel:${e164}`);
      expect(found?.region).toBeUndefined();
    }
  });

  it('reads the same written number in the region it is given', () => {
    expect(normalisePhoneNumber('020 7946 0958', { region: 'GB' })).toBe('tel:+442079460958');
    expect(normalisePhoneNumber('020 794 6095', { region: 'NL' })).toBe('tel:+31207946095');
    expect(normalisePhoneNumber('020 794 6095', { region: 'GB' })).not.toBe('tel:+31207946095');
    expect(normalisePhoneNumber('gb: 020 7946 0958', { region: 'gb' })).toBe('tel:+442079460958');
  });

  it('without a region finds a national number but does not guess its country', () => {
    const [found] = findPhoneNumbers('Ops: 020 7946 0958', {});
    expect(found).toMatchObject({ text: '020 7946 0958', needsRegion: true });
    expect(found?.href).toBeUndefined();
    // International numbers need no region.
    expect(findPhoneNumbers('+44 (0)20 7946 0958')[0]?.href).toBe('tel:+442079460958');
  });

  it('a number written without its region trunk prefix is not dialled into that region', () => {
    // "(555) 123-4567" in a British runbook would dial +44 555 … : a stranger, not the on-call.
    const [found] = findPhoneNumbers('(555) 123-4567', { region: 'GB' });
    expect(found?.href).toBeUndefined();
    expect(found?.checkReason).toMatch(/GB numbers are dialled with 0/);
  });

  it('the fictional 555 numbers stay links but say to check them', () => {
    const reading = readPhoneNumber('(555) 123-4567', { region: 'US' });
    expect(reading?.href).toBe('tel:+15551234567');
    expect(reading?.checkReason).toMatch(/not a valid US number/);
    expect(readPhoneNumber('+1 555 010 3300')?.checkReason).toMatch(/not a valid/);
    // A real-shaped number has no doubt attached.
    expect(readPhoneNumber('020 7946 0958', { region: 'GB' })?.checkReason).toBeUndefined();
  });
});

describe('extensions and vanity numbers', () => {
  it.each([
    ['555-123-4567 ext 12', 'US', 'tel:+15551234567;ext=12'],
    ['555.010.4477 ext. 12', 'US', 'tel:+15550104477;ext=12'],
    ['(555) 123-4567 x12', 'US', 'tel:+15551234567;ext=12'],
    ['555-123-4567 #12', 'US', 'tel:+15551234567;ext=12'],
    ['+1 555 123 4567, extension 305', undefined, 'tel:+15551234567;ext=305'],
    ['020 7946 0958 ext. 4021', 'GB', 'tel:+442079460958;ext=4021'],
    ['+49 30 1234567 x 22', undefined, 'tel:+49301234567;ext=22'],
    ['03-1234-5678 内線 (ext. 210)', 'JP', 'tel:+81312345678'],
  ])('%s (%s) → %s', (written, region, href) => {
    expect(findPhoneNumbers(written, { region })[0]?.href).toBe(href);
  });

  it.each([
    ['1-800-FLOWERS', 'US', 'tel:+18003569377'],
    ['1-800-GOT-JUNK', 'CA', 'tel:+18004685865'],
    ['+1 800 FLOWERS', undefined, 'tel:+18003569377'],
    ['0800 REPAIRS', 'GB', 'tel:+448007372477'],
  ])('vanity %s (%s) dials %s and shows the letters', (written, region, href) => {
    const [found] = findPhoneNumbers(`Call ${written}.`, { region });
    expect(found?.text).toBe(written);
    expect(found?.href).toBe(href);
  });
});

describe('values known to be phone numbers (a Phone column, a phone: field)', () => {
  it('accepts a bare digit run there, and only there', () => {
    expect(normalisePhoneNumber('02079460958', { region: 'GB' })).toBeUndefined();
    expect(normalisePhoneNumber('02079460958', { region: 'GB', assumePhone: true })).toBe('tel:+442079460958');
    expect(normalisePhoneNumber(5551234567, { region: 'US', assumePhone: true })).toBe('tel:+15551234567');
    expect(normalisePhoneNumber('+442079460958', { assumePhone: true })).toBe('tel:+442079460958');
    expect(normalisePhoneNumber('call someone', { assumePhone: true })).toBeUndefined();
    expect(readPhoneNumber('5551234567', { assumePhone: true })).toEqual({ needsRegion: true });
  });
});

describe('what must not be taken for a phone number, in any region', () => {
  it.each([
    ['a version', 'upgrade to 2.14.3 first'],
    ['a four-part version', 'agent v1.2.3.4 is affected'],
    ['a long version', 'release 10.4.12.2024'],
    ['an ISO date', 'since 2026-02-03 the job fails'],
    ['a day/month/year date', 'on 03/02/2026 at noon'],
    ['a dotted German date', 'seit 03.02.2026 fehlerhaft'],
    ['a dashed date', 'from 03-02-2026 on'],
    ['an IPv4 address', 'ssh 10.0.12.45 and check'],
    ['an IP that looks like 3.3.4 digits', 'host 192.168.100.200'],
    ['an incident id', 'see INC-20260203 for details'],
    ['a Jira key', 'tracked in JIRA-1234'],
    ['a ticket id shaped like a number', 'ticket INC-555-123-4567'],
    ['an order id with spaces', 'order 4471 2209 1183 was charged twice'],
    ['an order number', 'Order no. 020 7946 0958 is stuck'],
    ['a ticket number', 'ticket #5551234567'],
    ['a case reference', 'case ref: 0123 456 789'],
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
    ['an email local part', 'write to 555-123-4567@sms.example.com'],
    ['a path segment', 'GET /v2/555-123-4567'],
    ['part of a request id', 'X-Request-Id: 555-123-4567-abc'],
    ['a path continuing after it', 'see /calls/555-123-4567/recording'],
  ])('not %s: %s', (_what, text) => {
    for (const region of [undefined, 'US', 'GB', 'DE', 'IN']) {
      expect(findPhoneNumbers(text, { region }).filter((f) => f.href)).toEqual([]);
    }
  });

  it('a number that is not possible in the region is not a number at all', () => {
    expect(findPhoneNumbers('dial 555-0199', { region: 'US' })).toEqual([]);
    expect(findPhoneNumbers('code 123 45', { region: 'GB' })).toEqual([]);
  });
});

describe('findPhoneNumbers in running text', () => {
  it('finds every number in a line with the offsets of what was written', () => {
    const text = 'Ops: (555) 010-3300 or +44 20 7946 0958 (24/7), DB 555.010.4477 ext. 12.';
    const found = findPhoneNumbers(text, { region: 'US' });
    expect(found.map((f) => [f.text, f.href])).toEqual([
      ['(555) 010-3300', 'tel:+15550103300'],
      ['+44 20 7946 0958', 'tel:+442079460958'],
      ['555.010.4477 ext. 12', 'tel:+15550104477;ext=12'],
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('stops a number before a count that follows it', () => {
    const [found] = findPhoneNumbers('call +1 555 123 4567 2 times', { region: 'US' });
    expect(found?.text).toBe('+1 555 123 4567');
    expect(found?.href).toBe('tel:+15551234567');
  });

  it('accepts a number right after a label colon or in brackets', () => {
    expect(findPhoneNumbers('Phone:555-123-4567', { region: 'US' }).map((f) => f.href)).toEqual(['tel:+15551234567']);
    expect(findPhoneNumbers('(call 020 7946 0958)', { region: 'GB' }).map((f) => f.href)).toEqual(['tel:+442079460958']);
  });
});
