import { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * GitHub's allow-list for HTML in Markdown (details/summary, kbd, br, sup/sub, tables, images …), with two
 * changes:
 * - `href` keeps every scheme: no link reaches the page without RunbookLink's judgement (the one external
 *   link policy, which also knows chat links such as `slack:` that GitHub's list would strip).
 * - `<style>` goes with its content, like `<script>`: its text is CSS, not words for the reader.
 * - `<source srcset>` is dropped: it would fetch an image past the `img` component, which alone decides
 *   what is loaded (from the cache, or another site only when the user allows it); `<picture>` then shows
 *   its `<img>`.
 * Image sources stay limited to relative paths and http(s).
 */
export const htmlSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, source: [] },
  protocols: { ...defaultSchema.protocols, href: undefined },
  strip: [...(defaultSchema.strip ?? []), 'style'],
};
