import { regionOfLocale } from '../../core/contacts/phoneRegion';

/** The region of the device's preferred language (`en-GB` → `GB`), the last choice for national phone numbers. */
export function deviceRegion(): string | undefined {
  const preferred = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const locale of preferred) {
    const region = regionOfLocale(locale);
    if (region) return region;
  }
  return regionOfLocale(Intl.DateTimeFormat().resolvedOptions().locale);
}
