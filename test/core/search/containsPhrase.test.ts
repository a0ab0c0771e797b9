import { describe, expect, it } from 'vitest';
import { containsPhrase } from '../../../core/search/containsPhrase';
import { phraseWords } from '../../../core/search/scanSearchTokens';

const has = (text: string, phrase: string) => containsPhrase(text, phraseWords(phrase));

describe('containsPhrase', () => {
  it('finds the words side by side and in order, across punctuation and line breaks', () => {
    expect(has('Use the emergency ban now.', 'emergency ban')).toBe(true);
    expect(has('the Emergency\n\n  Ban, now', 'emergency ban')).toBe(true);
    expect(has('ban the emergency', 'emergency ban')).toBe(false);
    expect(has('emergency user ban', 'emergency ban')).toBe(false);
  });

  it('matches the parts of identifiers and camelCase words', () => {
    expect(has('restart kube-apiserver now', 'kube apiserver')).toBe(true);
    expect(has('the PodDisruptionBudget object', 'disruption budget')).toBe(true);
    expect(has('run deploy/kube-apiserver', 'apiserver')).toBe(true);
  });

  it('finds a phrase whose first word also occurs earlier inside other words', () => {
    expect(has('banner banned ban list', 'ban list')).toBe(true);
    expect(has(`${'ban '.repeat(500)}ban sync`, 'ban sync')).toBe(true);
  });

  it('folds accents and reads Japanese', () => {
    expect(has('aux données personnelles', 'donnees personnelles')).toBe(true);
    expect(has('障害対応が続いている', '障害対応')).toBe(true);
    expect(has('障害の対応', '障害対応')).toBe(false);
  });

  it('treats an empty phrase as found', () => {
    expect(containsPhrase('anything', [])).toBe(true);
  });
});
