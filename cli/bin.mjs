#!/usr/bin/env node
// Runs the TypeScript CLI from an esbuild bundle that is rebuilt when the sources change (see cliBundle.mjs),
// so there is no separate build step. If the bundle cannot be built (say, a read-only checkout), tsx
// compiles the sources on the fly instead: slower to start, same behaviour.
import { cliBundle } from './cliBundle.mjs';

let entry;
try {
  entry = await cliBundle();
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  entry = new URL('./main.ts', import.meta.url).href;
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
