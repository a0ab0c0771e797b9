const MARKDOWN_FILE = /\.(md|markdown)$/i;

/** The files the checker reads as runbooks; the same extensions link resolution treats as runbooks. */
export function isMarkdownPath(path: string): boolean {
  return MARKDOWN_FILE.test(path);
}
