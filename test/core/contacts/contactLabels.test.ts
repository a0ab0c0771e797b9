import { describe, expect, it } from 'vitest';
import { labelKey } from '../../../core/contacts/contactLabels';

describe('labelKey', () => {
  it.each([
    ['Trust & Safety Lead', 'trust and safety lead'],
    ['Trust-and-Safety  lead', 'trust and safety lead'],
    ['Secondary On-Call (automatic)', 'secondary oncall automatic'],
    ['on call/DB', 'oncall db'],
    ['  #sre-oncall!  ', 'sre oncall'],
  ])('keys the plain-ASCII label %j as %j', (label, key) => {
    expect(labelKey(label)).toBe(key);
  });

  it('gives an ASCII label and the same label written with accents or full-width letters one key', () => {
    expect(labelKey('Cafe\u0301 On-Call & Ops')).toBe(labelKey('Cafe On-Call & Ops'));
    expect(labelKey('Ｄａｔａｂａｓｅ ｏｎ-ｃａｌｌ')).toBe(labelKey('Database on-call'));
    expect(labelKey('Équipe réseau')).toBe('equipe reseau');
  });
});
