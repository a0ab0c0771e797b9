/**
 * Folding makes what people type match what authors wrote: case, accents and compatibility forms
 * (full-width letters, ligatures) are ignored. Platform-free.
 */

/** Letters that carry no combining mark to strip but are written without the diacritic by most people. */
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const LETTER_FOLD_PATTERN = /[ßæœøłđðþı]/g;
/** Latin, Greek and Cyrillic diacritics only; kana voicing marks (U+3099/309A) are meaning, not accent. */
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
const ASCII_LOWER = /^[\x00-\x40\x5b-\x7f]*$/;

/** `Données` → `donnees`, `ＡＰＩ` → `api`, `ﬁle` → `file`; Japanese is kept as written (kana recomposed). */
export function foldSearchText(text: string): string {
  if (ASCII_LOWER.test(text)) return text;
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_DIACRITICS, '')
    .normalize('NFC')
    .replace(LETTER_FOLD_PATTERN, (ch) => LETTER_FOLDS[ch] ?? ch);
}
