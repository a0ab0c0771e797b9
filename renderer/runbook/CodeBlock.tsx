import { isValidElement, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { FilledCode } from '../incident/FilledCode';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * A fenced code block with a Copy button. What is copied is the block's text exactly as written in the
 * runbook (without the trailing newline the Markdown renderer adds), never the highlighted markup.
 */
export function CodeBlock({ children, node: _node, ...rest }: ComponentProps<'pre'> & { node?: unknown }) {
  const preRef = useRef<HTMLPreElement>(null);
  const [state, setState] = useState<CopyState>('idle');
  const language = languageOf(children);

  async function copy() {
    const code = preRef.current?.querySelector('code') ?? preRef.current;
    const text = (code?.textContent ?? '').replace(/\n$/, '');
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    window.setTimeout(() => setState('idle'), 2000);
  }

  const label = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy';
  return (
    <div className="rr-code">
      <div className="rr-code-bar">
        <span className="rr-code-lang">{language ?? 'text'}</span>
        <button
          type="button"
          className="rr-copy"
          // copy() handles its own failure (it shows "Copy failed"), so nothing waits on it here.
          onClick={() => void copy()}
          aria-label={state === 'idle' ? `Copy ${language ?? 'code'} block to clipboard` : label}
        >
          {label}
        </button>
      </div>
      <pre ref={preRef} tabIndex={0} {...rest}>
        <FilledCode>{children}</FilledCode>
      </pre>
      <span className="rr-visually-hidden" role="status">
        {state === 'copied' ? 'Code copied to clipboard' : state === 'failed' ? 'Could not copy; select the text instead' : ''}
      </span>
    </div>
  );
}

function languageOf(children: ReactNode): string | undefined {
  const code: ReactNode = Array.isArray(children) ? (children as ReactNode[])[0] : children;
  if (!isValidElement<{ className?: string }>(code)) return undefined;
  return /language-([\w+#-]+)/.exec(code.props.className ?? '')?.[1];
}
