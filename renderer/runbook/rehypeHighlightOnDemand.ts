import type { Element, Root } from 'hast';
import { common } from 'lowlight';
import rehypeHighlight from 'rehype-highlight';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

type Grammars = typeof common;
type Highlighter = (tree: Root, file: VFile) => void;

/**
 * Syntax highlighting that sets up only the languages a body's code blocks name. Setting up all of
 * highlight.js's common languages took 14–24 ms of a cold start's first formatting; most runbooks name one
 * or two (`sh`, `yaml`) and many none. A name it cannot place falls back to every common language, so what
 * is highlighted never depends on the tables below being complete.
 */
export function rehypeHighlightOnDemand(): Highlighter {
  return (tree, file) => {
    const names = codeLanguagesOf(tree);
    if (names.size === 0) return;
    highlighterFor(names)(tree, file);
  };
}

/** Aliases of the common languages (highlight.js's own, checked against it by a unit test). */
const ALIAS_OF: Readonly<Record<string, string>> = {
  ino: 'arduino',
  sh: 'bash',
  zsh: 'bash',
  h: 'c',
  cc: 'cpp',
  'c++': 'cpp',
  'h++': 'cpp',
  hpp: 'cpp',
  hh: 'cpp',
  hxx: 'cpp',
  cxx: 'cpp',
  cs: 'csharp',
  'c#': 'csharp',
  patch: 'diff',
  golang: 'go',
  gql: 'graphql',
  toml: 'ini',
  jsp: 'java',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsonc: 'json',
  json5: 'json',
  kt: 'kotlin',
  kts: 'kotlin',
  pluto: 'lua',
  mk: 'makefile',
  mak: 'makefile',
  make: 'makefile',
  md: 'markdown',
  mkdown: 'markdown',
  mkd: 'markdown',
  mm: 'objectivec',
  objc: 'objectivec',
  'obj-c': 'objectivec',
  'obj-c++': 'objectivec',
  'objective-c++': 'objectivec',
  pl: 'perl',
  pm: 'perl',
  text: 'plaintext',
  txt: 'plaintext',
  py: 'python',
  gyp: 'python',
  ipython: 'python',
  pycon: 'python-repl',
  rb: 'ruby',
  gemspec: 'ruby',
  podspec: 'ruby',
  thor: 'ruby',
  irb: 'ruby',
  rs: 'rust',
  console: 'shell',
  shellsession: 'shell',
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  vb: 'vbnet',
  html: 'xml',
  xhtml: 'xml',
  rss: 'xml',
  atom: 'xml',
  xjb: 'xml',
  xsd: 'xml',
  xsl: 'xml',
  plist: 'xml',
  wsf: 'xml',
  svg: 'xml',
  yml: 'yaml',
};

/** Languages a grammar hands parts of its text to (a console session's commands are bash), from highlight.js's `subLanguage`s. */
const EMBEDS: Readonly<Record<string, readonly string[]>> = {
  javascript: ['xml', 'css', 'graphql'],
  typescript: ['xml', 'css', 'graphql'],
  markdown: ['xml'],
  'php-template': ['xml', 'php'],
  'python-repl': ['python'],
  shell: ['bash'],
  xml: ['css', 'javascript'],
  yaml: ['ruby'],
};

const EVERY_LANGUAGE = '*';
const highlighters = new Map<string, Highlighter>();

/** One highlighter per set of languages, kept for the page's life (a runbook's slices share one). */
function highlighterFor(names: ReadonlySet<string>): Highlighter {
  const grammars = grammarsFor(names);
  const key = grammars ? Object.keys(grammars).sort().join(' ') : EVERY_LANGUAGE;
  let highlighter = highlighters.get(key);
  if (!highlighter) {
    highlighter = rehypeHighlight({ detect: false, ...(grammars ? { languages: grammars } : {}) });
    highlighters.set(key, highlighter);
  }
  return highlighter;
}

/** The grammars that highlight `names`, or undefined when a name is not a common language or alias. */
function grammarsFor(names: ReadonlySet<string>): Grammars | undefined {
  const wanted = new Set<string>();
  const add = (language: string) => {
    if (wanted.has(language)) return;
    wanted.add(language);
    for (const embedded of EMBEDS[language] ?? []) add(embedded);
  };
  for (const name of names) {
    const lower = name.toLowerCase();
    const language = Object.hasOwn(common, lower) ? lower : ALIAS_OF[lower];
    if (!language) return undefined;
    add(language);
  }
  const grammars: Grammars = {};
  for (const language of wanted) if (common[language]) grammars[language] = common[language];
  return grammars;
}

/** The languages named by `pre > code` blocks (`language-x` or `lang-x`), as rehype-highlight reads them. */
function codeLanguagesOf(tree: Root): Set<string> {
  const names = new Set<string>();
  visit(tree, 'element', (node: Element, _index, parent) => {
    if (node.tagName !== 'code' || !parent || parent.type !== 'element' || parent.tagName !== 'pre') return;
    const classes = node.properties.className;
    if (!Array.isArray(classes)) return;
    for (const value of classes.map(String)) {
      if (value.startsWith('language-')) names.add(value.slice(9));
      else if (value.startsWith('lang-')) names.add(value.slice(5));
    }
  });
  return names;
}
