import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IReporterOutput } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

/**
 * Design invariant 6 and the layer table of DESIGN.md, checked by dependency-cruiser with the project's own
 * .dependency-cruiser.cjs (the same rules `npm run deps:check` applies): core/ imports no platform code,
 * renderer/ and electron/ never import each other, no import cycles. DOM globals in core/ are ESLint's part.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../.dependency-cruiser.cjs', import.meta.url));
/** A small tree that breaks every rule once. */
const BROKEN_TREE = fileURLToPath(new URL('../fixtures/architecture/', import.meta.url));

/** `rule: from → to` for every violation found when cruising `folders` inside `baseDir`. */
async function violations(baseDir: string, folders: string[]): Promise<string[]> {
  const options = await extractDepcruiseOptions(CONFIG);
  const tsConfig = extractTSConfig(fileURLToPath(new URL('../../tsconfig.json', import.meta.url)));
  const reported: IReporterOutput = await cruise(folders, { ...options, baseDir, cache: false, validate: true }, undefined, { tsConfig });
  const result = reported.output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('architecture: the import rules hold for the real tree', () => {
  it('finds no violation in core/, electron/, renderer/, cli/, bench/ and test/', async () => {
    expect(await violations(REPO, ['core', 'electron', 'renderer', 'cli', 'bench', 'test'])).toEqual([]);
  });
});

describe('architecture: each rule fires on a tree that breaks it', () => {
  it('reports every broken rule, and nothing for allowed imports', async () => {
    const found = await violations(BROKEN_TREE, ['core', 'electron', 'renderer', 'cli']);
    const rulesBrokenBy = (from: string) => found.filter((v) => v.includes(`: ${from} →`)).map((v) => v.split(':')[0]);

    expect(rulesBrokenBy('core/usesNode.ts')).toEqual(['core-no-node-builtins']);
    expect(rulesBrokenBy('core/usesElectron.ts')).toEqual(['core-no-electron']);
    expect(rulesBrokenBy('core/usesReact.ts')).toEqual(['core-no-dom-only-packages']);
    expect(rulesBrokenBy('core/usesUndici.ts')).toEqual(['core-no-node-only-packages']);
    expect(rulesBrokenBy('core/usesRenderer.ts')).toEqual(['core-no-edges']);
    // The renderer ↔ electron cycle is reported once, from the side the cruise reaches first.
    expect(rulesBrokenBy('renderer/view.ts')).toEqual(['renderer-not-electron']);
    expect(rulesBrokenBy('electron/main.ts')).toEqual(['electron-not-renderer', 'no-circular']);
    expect(rulesBrokenBy('cli/tool.ts')).toEqual(['cli-not-app-edges']);
    // A cycle through type-only imports is still a cycle.
    expect(rulesBrokenBy('core/cycleA.ts')).toEqual(['no-circular']);
    expect(rulesBrokenBy('core/allowed.ts')).toEqual([]);
  });
});
