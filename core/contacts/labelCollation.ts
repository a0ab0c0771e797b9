/**
 * Team labels in the order people expect (case-insensitive, by the runtime's locale), fast enough to sort
 * 30,000 of them while the contacts panel opens: `Intl.Collator#compare` was the largest single cost there.
 *
 * A label made only of ASCII letters, digits, spaces, hyphens and full stops sorts, in English and in the root
 * collation, exactly as its lower-cased form sorts by code unit (space, then hyphen, full stop, digits, letters a–z;
 * no tailoring), so such labels get that key and compare without the collator. Any other label, or a runtime locale with its own
 * tailoring (Estonian puts z after s, Lithuanian y after i, Danish aa after z), goes to the collator.
 */
// Made on first use, not when the module loads: the first Intl object a page makes loads the locale data, 10–13
// ms of a cold start's longest task, for sorting that only the contacts panel does.
let collator: Intl.Collator | undefined;
let rootOrder: boolean | undefined;
const theCollator = () => (collator ??= new Intl.Collator(undefined, { sensitivity: 'base' }));
const isRootOrder = () => (rootOrder ??= /^(?:en|und|root)(?:-|$)/i.test(theCollator().resolvedOptions().locale));
const PLAIN = /^[A-Za-z0-9 .-]*$/;

/**
 * The key `compareLabels` can use instead of the collator, worked out once per label before sorting; undefined
 * when the label needs the collator.
 */
export function plainSortKey(label: string): string | undefined {
  return PLAIN.test(label) && isRootOrder() ? label.toLowerCase() : undefined;
}

/** Negative, zero or positive as `Intl.Collator(undefined, { sensitivity: 'base' })` compares `a` and `b`. */
export function compareLabels(a: string, aKey: string | undefined, b: string, bKey: string | undefined): number {
  if (aKey !== undefined && bKey !== undefined) return aKey < bKey ? -1 : aKey > bKey ? 1 : 0;
  return theCollator().compare(a, b);
}
