/** Entry of the `runbook-reader` command: picks the sub-command and returns the process exit code. */
export type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  sync: {
    summary: 'sync runbooks from a Git remote into a local state folder',
    load: async () => (await import('./commands/sync')).syncCommand,
  },
  import: {
    summary: 'import an offline copy (a Git bundle) into a state folder, as a sync would',
    load: async () => (await import('./commands/import')).importCommand,
  },
  export: {
    summary: "save a state folder's current commit as a Git bundle",
    load: async () => (await import('./commands/export')).exportCommand,
  },
  check: {
    summary: 'check a folder of runbooks for broken links, anchors and metadata',
    load: async () => (await import('./commands/check')).checkCommand,
  },
  search: {
    summary: "search runbooks with the app's search and print the best sections",
    load: async () => (await import('./commands/search')).searchCommand,
  },
  contacts: {
    summary: 'list every emergency contact the app would show, for review in CI',
    load: async () => (await import('./commands/contacts')).contactsCommand,
  },
};

export const USAGE = `Usage: runbook-reader <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

Run "runbook-reader <command> --help" for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    (name ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`runbook-reader: unknown command "${name}"\n${USAGE}\n`);
    return 2;
  }
  return (await command.load())(rest);
}
