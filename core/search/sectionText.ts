import type { SearchIndex } from './searchIndexData';

/** Section `s`'s text, or `''` while it is still in storage (its chunks are then noted as wanted). */
export function sectionText(index: SearchIndex, s: number, decoder: TextDecoder): string {
  const { text, textStart, pendingText } = index.sections;
  const start = textStart[s]!;
  const end = textStart[s + 1]!;
  if (pendingText && end > start && !pendingText.holds(start, end)) return '';
  return decoder.decode(text.subarray(start, end));
}
