import { getCountries } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { PHONE_REGION_CODES } from '../../../core/contacts/phoneRegionCodes';
import { normaliseRegion } from '../../../core/contacts/phoneRegion';

describe('the region codes the main chunk checks against', () => {
  it('are exactly the regions the phone number library reads numbers for (regenerate the list after an upgrade)', () => {
    expect([...PHONE_REGION_CODES].sort()).toEqual([...getCountries()].sort());
  });

  it('accept what people write for a known region and refuse a code the library does not know', () => {
    expect(normaliseRegion(' gb ')).toBe('GB');
    expect(normaliseRegion('uk')).toBe('GB');
    expect(normaliseRegion('XK')).toBe('XK');
    expect(normaliseRegion('ZZ')).toBeUndefined();
    expect(normaliseRegion('EU')).toBeUndefined();
  });
});
