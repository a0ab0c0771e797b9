import { fileURLToPath } from 'node:url';

/** Set by cli/cliBundle.mjs when it bundles the CLI, whose modules then live in a cache folder. */
declare const __RUNBOOK_READER_ROOT__: string | undefined;

/** The reader's own folder (where package.json is), whether the CLI runs from its sources or its bundle. */
export const READER_ROOT: string =
  typeof __RUNBOOK_READER_ROOT__ === 'string' ? __RUNBOOK_READER_ROOT__ : fileURLToPath(new URL('../', import.meta.url));
