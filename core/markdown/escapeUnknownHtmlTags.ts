/*
 * HTML element names a browser knows (WHATWG HTML, with the obsolete ones still met in old documents, and the
 * roots of SVG and MathML). A tag with any other name — `<tracker-issue-number>`, `<USERID>` — is an author's
 * placeholder, not markup: GitHub shows it as typed, and so must the reader, or the text disappears.
 */
const KNOWN_ELEMENTS = new Set(
  (
    'a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink blockquote body br ' +
    'button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed ' +
    'fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe ' +
    'image img input ins isindex kbd keygen label legend li link listing main map mark marquee math menu menuitem meta ' +
    'meter multicol nav nextid nobr noembed noframes noscript object ol optgroup option output p param picture ' +
    'plaintext pre progress q rb rp rt rtc ruby s samp script search section select slot small source spacer span ' +
    'strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ' +
    'ul var video wbr xmp ' +
    // Inside <svg>: its common parts, so a drawing pasted into a runbook is removed, not shown as tags.
    'circle clippath defs desc ellipse filter foreignobject g line lineargradient marker mask path pattern polygon ' +
    'polyline radialgradient rect stop symbol text textpath tspan use'
  ).split(' '),
);

// An opening or closing tag as CommonMark reads raw HTML: a letter, then letters, digits or hyphens.
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/g;

/** Whether a browser would treat `<name>` as an element rather than literal text the author typed. */
export function isKnownHtmlElement(name: string): boolean {
  return KNOWN_ELEMENTS.has(name.toLowerCase());
}

/**
 * Rewrites the `<` of every tag with an unknown name in a piece of raw HTML as `&lt;`, so an HTML parser
 * reads the tag as the text the author typed. Tags of known elements are left for the sanitizer to judge.
 */
export function escapeUnknownHtmlTags(html: string): string {
  return html.replace(TAG, (tag: string, _slash: string, name: string) => (isKnownHtmlElement(name) ? tag : `&lt;${tag.slice(1)}`));
}
