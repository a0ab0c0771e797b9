import { RunbookRepo } from './makeRunbookRepo';

/** A real 64×32 PNG (a blue and yellow checkerboard), small enough to read in a diff. */
export const CHECKERBOARD_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAgCAIAAAAt/+nTAAAAT0lEQVR42u3XMQ0AIAwEQJQwow51iEAOEjBQpi4QLvnxh970aal9hlmjhbmtXwAAAAAAUoBXDj31AQAAAAByAEsMAAAA4B+wxAAAAADfAjZmX4C1dpWODgAAAABJRU5ErkJggg==',
  'base64',
);

/** The folder of the repository that is the vault; a source syncs only it, as teams sync their `docs/`. */
export const VAULT_FOLDER = 'docs';

/**
 * Pages of an Obsidian vault as a team keeps one in `docs/`: wikilinks of every form (one ambiguous, one
 * missing), an embedded and a Markdown image, raw HTML, GitHub alerts, a mermaid diagram, footnotes, emoji,
 * links from the repository root, to folders and to a script, files without front matter, Obsidian's own settings
 * folder, and a page of hostile content. Paths are inside the vault.
 */
export const OBSIDIAN_VAULT: Record<string, string | Uint8Array> = {
  'index.md': `# Clipper docs

Start with the [[users/user-guide|User Guide]], then [[deploy#Roll back]] and [[setup]].
Old notes point at [[missing-page]].

Add “Closes #<tracker-issue-number>” to the pull request.
Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop.<br>Then log in as <USERID>.

<details>
<summary>Why a checklist?</summary>

Because steps get skipped at 3 a.m.

</details>

> [!WARNING]
> Never deploy on Fridays :rocket:

The rollback takes five minutes.[^rollback]

![[arch.png]]

![Architecture diagram](img/arch.png)

See [authorization](/docs/backend/authz.md), the [ops folder](ops/) and the [contributing guide](/CONTRIBUTING.md).
Rotate logs with [the rotate script](scripts/rotate.sh).

\`\`\`mermaid
flowchart LR
  Client --> API --> Database
\`\`\`

[^rollback]: Measured on the staging cluster.
`,
  'users/user-guide.md': `---
title: User Guide
---
# User Guide

Back to the [[index|docs home]].
`,
  'ops/deploy.md': `# Deploy

## Roll back

1. Run \`clipper rollback\`.

See [[../index]] — the home page links back here, a cycle.
`,
  'ops/setup.md': '# Ops setup\n',
  'db/setup.md': '# Database setup\n',
  'ops/README.md': '# Operations\n\nEverything on call needs.\n',
  'backend/authz.md': '# Authorization framework\n',
  'img/arch.png': CHECKERBOARD_PNG,
  'scripts/rotate.sh': '#!/bin/sh\nlogrotate -f /etc/logrotate.conf\n',
  'hostile.md': `# Hostile page

<script>window.pwned = 'script'</script>
<img src="x" onerror="window.pwned = 'onerror'" alt="broken">
<svg onload="window.pwned = 'svg'"><script>window.pwned = 'svg script'</script></svg>
<a href="javascript:window.pwned = 'href'">html link</a> [md link](javascript:window.pwned='md')
<iframe src="data:text/html,<script>parent.pwned='frame'</script>"></iframe>

\`\`\`mermaid
flowchart LR
  A["<img src=x onerror=window.pwned='mermaid'>"] --> B
\`\`\`

Text after all of it.
`,
  '.obsidian/templates/template.md': '# {{title}}\n',
  '.obsidian/app.json': '{}\n',
};

/** A repository holding the vault under `docs/`, with files outside it that root links point to. */
export function makeObsidianRepo(): RunbookRepo {
  const repo = new RunbookRepo('main');
  repo.write('README.md', '# Clipper\n\nThe code; the docs are in docs/.\n').write('CONTRIBUTING.md', '# Contributing\n');
  for (const [path, content] of Object.entries(OBSIDIAN_VAULT)) repo.write(`${VAULT_FOLDER}/${path}`, content);
  repo.commit('the docs vault');
  return repo;
}
