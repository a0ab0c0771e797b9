import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type rehypeRaw from 'rehype-raw';
import type remarkEmoji from 'remark-emoji';
import { rehypeHighlightOnDemand } from './rehypeHighlightOnDemand';
import type { remarkContactLinks } from './remarkContactLinks';

/**
 * The parts of the Markdown pipeline only some bodies need, loaded the first time a body needs them rather
 * than with the app: together they were 610 KB of the 1.6 MB main chunk (emoji names, an HTML parser,
 * highlight.js's grammars), parsed and evaluated on every cold start before the first runbook was drawn; the
 * contact links bring the phone number library and its metadata (about 190 KB).
 *
 * Highlighting is the exception: it comes with the app. Most runbooks have fenced commands, and a body is drawn
 * only once what it needs is there; loaded on its own, its chunk (fetched from the service worker's cache by
 * 270 ms of a cold start) was evaluated by Chromium only at 587–682 ms, 330–450 ms after it was asked for,
 * while the body waited. In the main chunk its grammars cost a few ms to evaluate (they are set up per
 * language on first use, see rehypeHighlightOnDemand).
 */
export interface FormattingExtras {
  /** `:rocket:` shortcodes. */
  emoji?: typeof remarkEmoji | undefined;
  /** Raw HTML in the body, parsed (then sanitized). */
  rehypeRaw?: typeof rehypeRaw | undefined;
  /** Fenced code with a language, highlighted. */
  highlight?: typeof rehypeHighlightOnDemand | undefined;
  /** Phone numbers, emails and channels in contacts sections, linked. */
  contactLinks?: typeof remarkContactLinks | undefined;
}

export type FormattingExtra = keyof FormattingExtras;

const LOADERS: { [E in FormattingExtra]-?: () => Promise<NonNullable<FormattingExtras[E]>> } = {
  emoji: () => import('remark-emoji').then((module) => module.default),
  rehypeRaw: () => import('rehype-raw').then((module) => module.default),
  highlight: () => Promise.resolve(rehypeHighlightOnDemand),
  contactLinks: () => import('./remarkContactLinks').then((module) => module.remarkContactLinks),
};

/**
 * What a body needs, judged from its text: each test matches everything the extra would act on (and some
 * more, which only costs loading it): remark-emoji's own shortcode pattern, any `<` that can open a tag
 * (raw HTML only ever comes from one), and a fence with an info string or a `language-` class. Contact
 * links are needed when the runbook has a contacts section (known from its headings, see contactHeadings).
 */
export function extrasNeededBy(markdown: string, hasContactLines = false): FormattingExtra[] {
  const needed: FormattingExtra[] = [];
  if (hasContactLines) needed.push('contactLinks');
  if (/:\+1:|:-1:|:[\w-]+:/.test(markdown)) needed.push('emoji');
  if (/<[A-Za-z!?/]/.test(markdown)) needed.push('rehypeRaw');
  if (/(?:`{3}|~{3})[ \t]*[^\s`~]/.test(markdown) || markdown.includes('language-')) needed.push('highlight');
  return needed;
}

const loaded: FormattingExtras = { highlight: rehypeHighlightOnDemand };
/** Extras whose chunk could not be loaded: bodies are formatted without them (see MarkdownView) until a retry works. */
const failed = new Set<FormattingExtra>();
const inFlight = new Map<FormattingExtra, Promise<void>>();
const listeners = new Set<() => void>();
let version = 0;

function settled(extra: FormattingExtra): boolean {
  return loaded[extra] !== undefined || failed.has(extra);
}

function load<E extends FormattingExtra>(extra: E): Promise<void> {
  let loading = inFlight.get(extra);
  if (!loading) {
    loading = LOADERS[extra]()
      .then(
        (module) => {
          loaded[extra] = module as FormattingExtras[E];
          failed.delete(extra);
        },
        () => {
          failed.add(extra);
        },
      )
      .finally(() => {
        inFlight.delete(extra);
        version++;
        for (const listener of listeners) listener();
      });
    inFlight.set(extra, loading);
  }
  return loading;
}

/**
 * Loads what `markdown` needs and has not been loaded (an extra that failed before is tried again).
 * Settles when each has loaded or failed; never rejects.
 */
export function loadFormattingExtras(markdown: string, hasContactLines = false): Promise<void> {
  return Promise.all(
    extrasNeededBy(markdown, hasContactLines)
      .filter((extra) => loaded[extra] === undefined)
      .map(load),
  ).then(() => undefined);
}

/** Starts loading `extra` before any body asks for it (a guess at what the page will need); never rejects. */
export function preloadFormattingExtra(extra: FormattingExtra): Promise<void> {
  return settled(extra) ? Promise.resolve() : load(extra);
}

/** Loads every extra (what a test of the whole pipeline needs before it renders synchronously). */
export function loadEveryFormattingExtra(): Promise<void> {
  return Promise.all((Object.keys(LOADERS) as FormattingExtra[]).map(load)).then(() => undefined);
}

const combinations = new Map<string, FormattingExtras>();

/** The loaded ones of `needed`, the same object each time for the same ones (formatting is memoised on it). */
function loadedOf(needed: readonly FormattingExtra[]): FormattingExtras {
  const present = needed.filter((extra) => loaded[extra] !== undefined);
  const key = present.join(' ');
  let extras = combinations.get(key);
  if (!extras) {
    extras = Object.fromEntries(present.map((extra) => [extra, loaded[extra]]));
    combinations.set(key, extras);
  }
  return extras;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentVersion = () => version;

/**
 * The extras `markdown` needs, once each has loaded or failed to; `undefined` before (its loading is
 * started here if it was not already, at start by startCacheEarly).
 */
export function useFormattingExtras(markdown: string, hasContactLines = false): FormattingExtras | undefined {
  useSyncExternalStore(subscribe, currentVersion, currentVersion);
  const needed = useMemo(() => extrasNeededBy(markdown, hasContactLines), [markdown, hasContactLines]);
  const ready = needed.every(settled);
  useEffect(() => {
    if (!ready) void loadFormattingExtras(markdown, hasContactLines);
  }, [ready, markdown, hasContactLines]);
  return ready ? loadedOf(needed) : undefined;
}
