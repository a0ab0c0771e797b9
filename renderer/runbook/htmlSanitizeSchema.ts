import { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * GitHub's allow-list for HTML in Markdown (details/summary, kbd, br, sup/sub, tables, images …), with two
 * changes:
 * - `href` keeps every scheme: no link reaches the page without RunbookLink's judgement (the one external
 *   link policy, which also knows chat links such as `slack:` that GitHub's list would strip).
 * - `<style>` goes with its content, like `<script>`: its text is CSS, not words for the reader.
 * Image sources stay limited to relative paths and http(s); the `img` component decides what is loaded.
 */
export const htmlSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: undefined },
  strip: [...(defaultSchema.strip ?? []), 'style'],
};
