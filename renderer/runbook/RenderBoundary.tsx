import { Component, type ReactNode } from 'react';

interface Props {
  /** The raw text shown when rendering fails, so the procedure is never lost. */
  fallbackText: string;
  /** Given for a whole runbook: the fallback then keeps its title above the text. */
  title?: string | undefined;
  children: ReactNode;
}

/** If a document cannot be rendered, show its text as written with a warning instead of a blank page. */
export class RenderBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const text = (
      <>
        <p className="rr-warnings" role="note">
          This runbook could not be formatted; it is shown as plain text.
        </p>
        <pre className="rr-plain-text">{this.props.fallbackText}</pre>
      </>
    );
    if (this.props.title === undefined) return <div>{text}</div>;
    return (
      <article className="rr-runbook" aria-labelledby="rr-runbook-title">
        <h1 className="rr-runbook-title" id="rr-runbook-title">
          {this.props.title}
        </h1>
        {text}
      </article>
    );
  }
}
