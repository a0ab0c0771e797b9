import { useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The Copy button in a code block's bar, with a spoken "copied" or "could not copy". `text` is asked for on
 * the click, so what is copied is what the block shows at that moment (with this incident's values).
 */
export function CodeCopyButton({ language, text }: { language: string | undefined; text: () => string }) {
  const [state, setState] = useState<CopyState>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(text());
      setState('copied');
    } catch {
      setState('failed');
    }
    window.setTimeout(() => setState('idle'), 2000);
  }

  const label = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy';
  return (
    <>
      <button
        type="button"
        className="rr-copy"
        // copy() handles its own failure (it shows "Copy failed"), so nothing waits on it here.
        onClick={() => void copy()}
        aria-label={state === 'idle' ? `Copy ${language ?? 'code'} block to clipboard` : label}
      >
        {label}
      </button>
      <span className="rr-visually-hidden" role="status">
        {state === 'copied' ? 'Code copied to clipboard' : state === 'failed' ? 'Could not copy; select the text instead' : ''}
      </span>
    </>
  );
}
