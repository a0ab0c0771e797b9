import { isValidElement, useRef, type ComponentProps, type ReactNode } from 'react';
import { FilledCode } from '../incident/FilledCode';
import { CodeCopyButton } from './CodeCopyButton';

/**
 * A fenced code block with a Copy button. What is copied is the block's text exactly as written in the
 * runbook (without the trailing newline the Markdown renderer adds), never the highlighted markup.
 */
export function CodeBlock({ children, node: _node, ...rest }: ComponentProps<'pre'> & { node?: unknown }) {
  const preRef = useRef<HTMLPreElement>(null);
  const language = languageOf(children);
  // The shown text: with this incident's values in its placeholders (FilledCode), never the highlighted markup.
  const text = () => ((preRef.current?.querySelector('code') ?? preRef.current)?.textContent ?? '').replace(/\n$/, '');

  return (
    <div className="rr-code">
      <div className="rr-code-bar">
        <span className="rr-code-lang">{language ?? 'text'}</span>
        <CodeCopyButton language={language} text={text} />
      </div>
      <pre ref={preRef} tabIndex={0} {...rest}>
        <FilledCode>{children}</FilledCode>
      </pre>
    </div>
  );
}

function languageOf(children: ReactNode): string | undefined {
  const code: ReactNode = Array.isArray(children) ? (children as ReactNode[])[0] : children;
  if (!isValidElement<{ className?: string }>(code)) return undefined;
  return /language-([\w+#-]+)/.exec(code.props.className ?? '')?.[1];
}
