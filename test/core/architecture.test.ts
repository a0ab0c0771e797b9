import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Design invariant 6: the core runs unchanged in the Electron main process, a Web Worker, the renderer and
 * the CLI, so it imports nothing from Electron, Node-only or DOM-only modules. Adapters are injected instead.
 */

const CORE_DIR = fileURLToPath(new URL('../../core/', import.meta.url));

const NODE_BUILTINS = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));

/** Why a module specifier is off limits for core/, or undefined when it is fine. */
function forbiddenImport(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return 'a Node built-in';
  const root = specifier.split('/')[0]!;
  if (NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(root)) return 'a Node built-in';
  if (root === 'electron' || root.startsWith('@electron')) return 'Electron';
  if (/^react(-dom)?$/.test(root) || root === 'dexie-react-hooks' || root === 'react-router-dom' || root === 'react-markdown') {
    return 'React (DOM only)';
  }
  if (specifier === 'isomorphic-git/http/node') return 'a Node-only transport (inject http instead)';
  if (specifier === 'fake-indexeddb' || specifier.startsWith('fake-indexeddb/')) return 'a test-only module';
  return undefined;
}

/** Browser-only globals the core must not reach for (storage and the page itself). */
const DOM_GLOBALS = new Set(['window', 'document', 'localStorage', 'sessionStorage']);

interface Violation {
  line: number;
  what: string;
}

/** Imports, re-exports, dynamic imports, require calls and DOM globals in one TypeScript source text. */
function findViolations(fileName: string, source: string): Violation[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const violations: Violation[] = [];
  const lineOf = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const checkSpecifier = (node: ts.Node, specifier: string) => {
    const why = forbiddenImport(specifier);
    if (why) violations.push({ line: lineOf(node), what: `imports "${specifier}" (${why})` });
  };

  const declared = declaredNames(file);
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      checkSpecifier(node, node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      if (ts.isStringLiteral(expr)) checkSpecifier(node, expr.text);
    } else if (ts.isCallExpression(node)) {
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      const [first] = node.arguments;
      if ((isDynamicImport || isRequire) && first && ts.isStringLiteralLike(first)) checkSpecifier(node, first.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      checkSpecifier(node, node.argument.literal.text);
    } else if (ts.isIdentifier(node) && DOM_GLOBALS.has(node.text) && !declared.has(node.text) && isGlobalReference(node)) {
      violations.push({ line: lineOf(node), what: `uses the DOM global "${node.text}"` });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return violations;
}

/**
 * Names the file declares itself (variables, parameters, destructured fields, imports, functions). A file
 * with its own `document` is not using the DOM's, so those names are not checked there.
 */
function declaredNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    const named =
      ts.isVariableDeclaration(node) ||
      ts.isParameter(node) ||
      ts.isBindingElement(node) ||
      ts.isFunctionDeclaration(node) ||
      ts.isImportSpecifier(node) ||
      ts.isImportClause(node) ||
      ts.isNamespaceImport(node);
    if (named && node.name && ts.isIdentifier(node.name)) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

/** `window.x`, `localStorage`, `globalThis.document`: a reference to the global, not a property name. */
function isGlobalReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) {
    return ts.isIdentifier(parent.expression) && (parent.expression.text === 'globalThis' || parent.expression.text === 'self');
  }
  if (ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) {
    return parent.name !== node;
  }
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  return true;
}

function listTypeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listTypeScriptFiles(full);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [full] : [];
  });
}

describe('architecture: core/ is platform-free', () => {
  const files = listTypeScriptFiles(CORE_DIR);

  it('finds the core sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.endsWith(join('ingest', 'ingestRunbook.ts')))).toBe(true);
  });

  it('imports nothing from Electron, Node-only or DOM-only modules, and uses no DOM globals', () => {
    const found = files.flatMap((f) =>
      findViolations(f, readFileSync(f, 'utf8')).map((v) => `core/${relative(CORE_DIR, f).split('\\').join('/')}:${v.line} ${v.what}`),
    );
    expect(found).toEqual([]);
  });
});

describe('architecture checker', () => {
  it.each([
    ["import { readFile } from 'node:fs/promises';", 'node:fs/promises'],
    ["import fs from 'fs';", '"fs"'],
    ["import { join } from 'path';", '"path"'],
    ["import * as cp from 'child_process';", 'child_process'],
    ["export { app } from 'electron';", 'electron'],
    ["import React from 'react';", '"react"'],
    ["import { createRoot } from 'react-dom/client';", 'react-dom/client'],
    ["import { useLiveQuery } from 'dexie-react-hooks';", 'dexie-react-hooks'],
    ["import http from 'isomorphic-git/http/node';", 'isomorphic-git/http/node'],
    ["const os = require('os');", '"os"'],
    ["const m = await import('node:crypto');", 'node:crypto'],
    ["type T = import('electron').App;", 'electron'],
    ['const w = window.innerWidth;', 'window'],
    ["document.title = 'x';", 'document'],
    ["localStorage.setItem('k', 'v');", 'localStorage'],
    ["const s = globalThis.sessionStorage;", 'sessionStorage'],
  ])('flags %s', (source, mentioned) => {
    const violations = findViolations('sample.ts', source);
    expect(violations).toHaveLength(1);
    expect(violations[0]!.what).toContain(mentioned.replace(/"/g, ''));
  });

  it.each([
    "import matter from 'gray-matter';",
    "import Dexie from 'dexie';",
    "import git from 'isomorphic-git';",
    "import { sha1 } from '@noble/hashes/legacy.js';",
    "import { gitBlobId } from './ingest/gitBlobId';",
    "import { pathOf } from '../paths';",
    '// window.open is never called here; document.title neither.',
    "const message = 'Open the document. Then the window.';",
    'interface Options { window: number; document?: string }',
    'const { document } = parsed; const size = options.window;',
    'function f(localStorage: Map<string, string>) { return localStorage.get("x"); }',
    'const text = new TextDecoder().decode(bytes); const url = new URL(href);',
  ])('allows %s', (source) => {
    expect(findViolations('sample.ts', source)).toEqual([]);
  });
});
