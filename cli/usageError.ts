/** Says what was wrong with a command line and where its help is; returns exit status 2 (usage error). */
export function usageError(command: string, reason: string): number {
  process.stderr.write(`runbook-reader ${command}: ${reason} (see "runbook-reader ${command} --help")\n`);
  return 2;
}
