import { readAllowedSigners } from './readAllowedSigners';

/** What `sync` and `import` run with: their options and the keys `--allowed-signers` pins. */
export interface SigningCommandLine<Options> {
  options: Options;
  pinnedSigningKeys: string | undefined;
}

/**
 * Reads the command line of a command that takes the signing options, and the file `--allowed-signers`
 * names. Returns the exit status instead when there is nothing to run: 0 once the help is printed,
 * 2 once a usage problem is printed with the help.
 */
export async function readSigningCommandLine<Options extends { help: boolean; allowedSigners?: string | undefined }>(
  command: string,
  usage: string,
  args: string[],
  readOptions: (args: string[]) => Options,
): Promise<SigningCommandLine<Extract<Options, { help: false }>> | number> {
  let options: Options;
  let pinnedSigningKeys: string | undefined;
  try {
    options = readOptions(args);
    if (!options.help && options.allowedSigners !== undefined) pinnedSigningKeys = await readAllowedSigners(options.allowedSigners);
  } catch (error) {
    process.stderr.write(`runbook-reader ${command}: ${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (!isToRun(options)) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return { options, pinnedSigningKeys };
}

function isToRun<Options extends { help: boolean }>(options: Options): options is Extract<Options, { help: false }> {
  return !options.help;
}
