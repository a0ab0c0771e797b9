import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../core/contacts/contactModel';
import { choosePhoneRegion, normaliseRegion, regionOfLocale } from '../../../core/contacts/phoneRegion';
import { resolveContactRegions } from '../../../core/contacts/resolveContactRegions';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';

function contactsOf(markdown: string): Contact[] {
  const result = ingestRunbook('team', { path: 'ops/contacts.md', bytes: new TextEncoder().encode(markdown) });
  if (result.kind !== 'runbook') throw new Error('skipped');
  return result.meta.contacts ?? [];
}

const phones = (contacts: readonly Contact[]) => contacts.filter((c) => c.kind === 'phone').map((c) => [c.label, c.value, c.href]);

describe('phone numbers in contacts tables and lists, read in the runbook region', () => {
  it('reads a British table and list with `region: GB`', () => {
    const contacts = contactsOf(
      [
        '---',
        'title: London NOC',
        'region: GB',
        '---',
        '# London NOC',
        '',
        '## Emergency contacts',
        '',
        '| Role | Phone | Email |',
        '| --- | --- | --- |',
        '| Duty manager | 020 7946 0958 | duty@example.co.uk |',
        '| Facilities | 0161 496 0000 ext. 12 | |',
        '',
        '- **Out of hours**: 0800 REPAIRS',
        '- **Paris office**: +33 1 23 45 67 89',
        '- **Order desk**: order 4471 2209 1183, see ticket 2026-02-03',
      ].join('\n'),
    );
    expect(phones(contacts)).toEqual([
      ['Duty manager', '020 7946 0958', 'tel:+442079460958'],
      ['Facilities', '0161 496 0000 ext. 12', 'tel:+441614960000;ext=12'],
      ['Out of hours', '0800 REPAIRS', 'tel:+448007372477'],
      ['Paris office', '+33 1 23 45 67 89', 'tel:+33123456789'],
    ]);
    expect(contacts.find((c) => c.value === '020 7946 0958')?.phone).toEqual({ region: 'GB' });
  });

  it.each([
    ['DE', '030 1234567', 'tel:+49301234567'],
    ['FR', '01 23 45 67 89', 'tel:+33123456789'],
    ['IN', '098765 43210', 'tel:+919876543210'],
    ['JP', '03-1234-5678', 'tel:+81312345678'],
    ['AU', '(02) 9374 4000', 'tel:+61293744000'],
    ['BR', '(11) 91234-5678', 'tel:+5511912345678'],
    ['NL', '020 794 6095', 'tel:+31207946095'],
    ['IE', '01 234 5678', 'tel:+35312345678'],
    ['SG', '6123 4567', 'tel:+6561234567'],
    ['ZA', '011 123 4567', 'tel:+27111234567'],
    ['CA', '(416) 555-0199', 'tel:+14165550199'],
  ])('%s: a list item and a table cell with %s', (region, written, href) => {
    const contacts = contactsOf(
      `---\ntitle: Ops\nregion: ${region}\n---\n# Ops\n\n## Emergency contacts\n\n- **Duty engineer**: ${written}\n\n| Team | Phone |\n| --- | --- |\n| Network | ${written} ext 7 |\n`,
    );
    expect(phones(contacts)).toEqual([
      ['Duty engineer', written, href],
      ['Network', `${written} ext 7`, `${href};ext=7`],
    ]);
  });

  it('leaves national numbers of a runbook without `region:` for the source or device to place', () => {
    const contacts = contactsOf(
      '---\ntitle: Ops\n---\n# Ops\n\n## Emergency contacts\n\n- **Duty manager**: 020 7946 0958\n- **US desk**: +1 212 555 0123\n',
    );
    expect(phones(contacts)).toEqual([
      ['Duty manager', '020 7946 0958', undefined],
      ['US desk', '+1 212 555 0123', 'tel:+12125550123'],
    ]);
    const resolved = resolveContactRegions(contacts, () => ({ region: 'GB', from: 'source' }));
    expect(phones(resolved)).toEqual([
      ['Duty manager', '020 7946 0958', 'tel:+442079460958'],
      ['US desk', '+1 212 555 0123', 'tel:+12125550123'],
    ]);
    expect(resolved[0]?.phone).toEqual({ region: 'GB', regionFrom: 'source', checkReason: undefined });
    expect(resolved[0]?.id).toBe('phone:+442079460958');
  });

  it('keeps a number that is no number in the chosen region, unlinked and marked', () => {
    const contacts = contactsOf('---\ntitle: Ops\n---\n# Ops\n\n## Emergency contacts\n\n- **Lab**: (555) 123-4567\n');
    const [lab] = resolveContactRegions(contacts, () => ({ region: 'DE', from: 'device' }));
    expect(lab?.href).toBeUndefined();
    expect(lab?.phone?.regionFrom).toBe('device');
    expect(lab?.phone?.checkReason).toBeTruthy();
  });
});

describe('choosing the region', () => {
  it('prefers the runbook, then the source, then the device', () => {
    expect(choosePhoneRegion({ runbook: 'gb', source: 'DE', device: 'US' })).toEqual({ region: 'GB', from: 'runbook' });
    expect(choosePhoneRegion({ runbook: 'nowhere', source: 'de', device: 'US' })).toEqual({ region: 'DE', from: 'source' });
    expect(choosePhoneRegion({ device: regionOfLocale('en-IE') })).toEqual({ region: 'IE', from: 'device' });
    expect(choosePhoneRegion({})).toBeUndefined();
  });

  it('reads region codes and locales the way people write them', () => {
    expect(normaliseRegion(' uk ')).toBe('GB');
    expect(normaliseRegion('XX')).toBeUndefined();
    expect(normaliseRegion(44)).toBeUndefined();
    expect(regionOfLocale('pt-BR')).toBe('BR');
    expect(regionOfLocale('ja')).toBe('JP');
    expect(regionOfLocale('not a locale')).toBeUndefined();
  });
});
