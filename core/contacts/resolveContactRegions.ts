import { contactId } from './contactId';
import type { Contact } from './contactModel';
import { readPhoneNumber } from './normalisePhoneNumber';
import type { PhoneRegion } from './phoneRegion';

/**
 * Reads the national phone numbers ingest could not place (no `region:` in their runbook) in the region the
 * caller knows for them: the source's setting, else the device's (see `choosePhoneRegion`). A number that is
 * possible there gets its `tel:` link; one that is not stays listed, unlinked, with the reason to check it,
 * so nothing the runbook says is lost. Numbers read with the runbook's own region are marked as such. Returns
 * new contacts (ids follow the new links, so `(555) 010-3300` and `+1 555 010 3300` become one entry);
 * the input is not changed.
 */
export function resolveContactRegions(contacts: readonly Contact[], regionFor: (contact: Contact) => PhoneRegion | undefined): Contact[] {
  return contacts.map((contact) => {
    const phone = contact.phone;
    if (contact.kind !== 'phone' || !phone) return contact;
    if (!phone.needsRegion) {
      return phone.region && !phone.regionFrom ? { ...contact, phone: { ...phone, regionFrom: 'runbook' } } : contact;
    }
    const chosen = regionFor(contact);
    if (!chosen) return contact;
    const reading = readPhoneNumber(contact.value, { assumePhone: true, region: chosen.region });
    const resolved: Contact = {
      ...contact,
      phone: {
        region: chosen.region,
        regionFrom: chosen.from,
        checkReason: reading ? reading.checkReason : `not a possible ${chosen.region} number as written`,
      },
    };
    if (reading?.href) resolved.href = reading.href;
    else delete resolved.href;
    return { ...resolved, id: contactId(resolved) };
  });
}
