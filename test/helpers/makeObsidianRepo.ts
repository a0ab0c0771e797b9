import { RunbookRepo } from './makeRunbookRepo';

/** A real 64×32 PNG (a blue and yellow checkerboard), small enough to read in a diff. */
export const CHECKERBOARD_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAgCAIAAAAt/+nTAAAAT0lEQVR42u3XMQ0AIAwEQJQwow51iEAOEjBQpi4QLvnxh970aal9hlmjhbmtXwAAAAAAUoBXDj31AQAAAAByAEsMAAAA4B+wxAAAAADfAjZmX4C1dpWODgAAAABJRU5ErkJggg==',
  'base64',
);

/** Small real images of the other types a runbook shows (16×8 JPEG and WebP drawn by Chromium, a 1×1 GIF). */
export const SAMPLE_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAIABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAUG/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/EABUBAQEAAAAAAAAAAAAAAAAAAAQF/8QAGhEAAQUBAAAAAAAAAAAAAAAAAAMGQUOCwv/aAAwDAQACEQMRAD8AyywCKtAl2065P//Z',
  'base64',
);
export const SAMPLE_WEBP = Buffer.from(
  'UklGRjwAAABXRUJQVlA4IDAAAACQAQCdASoQAAgAAoBCJaACdLoAA5gA/u8P//wgt/i3xujFt9/+0s/8D/6ln6JAAAA=',
  'base64',
);
export const SAMPLE_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** An SVG whose script and load handler would set `pwned` on the page if it were ever put in inline. */
export const SCRIPTED_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="8" onload="parent.pwned = \'svg onload\'">' +
  '<script>parent.pwned = \'svg script\'</script><rect width="16" height="8" fill="#06c"/></svg>\n';

/** The size of the repository image over the sync's limit (it is zeros after a PNG signature, so Git packs it small). */
export const HUGE_IMAGE_BYTES = 50 * 1024 * 1024;

/** Lines of ten wikilinks of each form the resolver takes, 10,000 links in all, then a last line of text. */
function tenThousandWikilinks(): string {
  const forms = ['[[deploy]]', '[[index|home]]', '[[ops/deploy#Roll back]]', '[[missing-page]]', '[[users/user-guide]]'];
  const lines = Array.from({ length: 1_000 }, (_, line) => Array.from({ length: 10 }, (_, i) => forms[(line * 10 + i) % 5]).join(' '));
  return `# Ten thousand wikilinks\n\n${lines.join('\n\n')}\n\nEnd of the wikilinks.\n`;
}

/** A flowchart of 52,000 edges, a little over 1 MB: past the size the diagram renderer is given. */
function oneMegabyteDiagram(): string {
  const edges = Array.from({ length: 52_000 }, (_, i) => `  n${i} --> n${i + 1}`).join('\n');
  return `# A one megabyte diagram\n\n\`\`\`mermaid\ngraph TD\n${edges}\n\`\`\`\n\nText after the diagram.\n`;
}

/** The folder of the repository that is the vault; a source syncs only it, as teams sync their `docs/`. */
export const VAULT_FOLDER = 'docs';

/**
 * Pages of an Obsidian vault as a team keeps one in `docs/`: wikilinks of every form (one ambiguous, one
 * missing), an embedded and a Markdown image, raw HTML, GitHub alerts, a mermaid diagram, footnotes, emoji,
 * links from the repository root, to folders and to a script, files without front matter, Obsidian's own settings
 * folder, and a page of hostile content. `gallery.md` holds every image type (SVG with a script), an off-site image,
 * all five alerts, sub/sup, an HTML table and a link to a heading that is gone; `stress/` a page of 10,000 wikilinks
 * and a 1 MB diagram; `makeObsidianRepo` adds a 50 MB image. Paths are inside the vault.
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
<img src="javascript:window.pwned = 'img src'" alt="script image">

![data image](data:image/svg+xml,%3Csvg%20onload%3D%22parent.pwned%3D1%22%2F%3E)

\`\`\`mermaid
flowchart LR
  A["<img src=x onerror=window.pwned='mermaid'>"] --> B
\`\`\`

Text after all of it.
`,
  'gallery.md': `# Gallery

![JPEG photo](img/photo.jpg) ![GIF spinner](img/spinner.gif) ![WebP picture](img/picture.webp) ![SVG drawing](img/drawing.svg)

<img src="img/photo.jpg" alt="HTML photo" width="32">

![Status badge](https://images.example.invalid/badge.png)

![Rack scan](img/rack-scan.png)

> [!NOTE]
> Dashboards lag by a minute.

> [!TIP]
> Pin this page.

> [!IMPORTANT]
> Page the database owner first.

> [!WARNING]
> Failover drops open sessions.

> [!CAUTION]
> Never run this on the primary.

Water is H<sub>2</sub>O and the disk is 10<sup>12</sup> bytes.

<table><tr><th>Region</th><th>Primary</th></tr><tr><td>eu-west</td><td>db-7</td></tr></table>

First line<br>second line.

The old [[deploy#Gone section]] moved.
`,
  'stress/many-wikilinks.md': tenThousandWikilinks(),
  'stress/big-diagram.md': oneMegabyteDiagram(),
  'img/photo.jpg': SAMPLE_JPEG,
  'img/spinner.gif': SAMPLE_GIF,
  'img/picture.webp': SAMPLE_WEBP,
  'img/drawing.svg': SCRIPTED_SVG,
  '.obsidian/templates/template.md': '# {{title}}\n',
  '.obsidian/app.json': '{}\n',
};

/** A repository holding the vault under `docs/`, with files outside it that root links point to. */
export function makeObsidianRepo(): RunbookRepo {
  const repo = new RunbookRepo('main');
  repo.write('README.md', '# Clipper\n\nThe code; the docs are in docs/.\n').write('CONTRIBUTING.md', '# Contributing\n');
  for (const [path, content] of Object.entries(OBSIDIAN_VAULT)) repo.write(`${VAULT_FOLDER}/${path}`, content);
  const huge = Buffer.alloc(HUGE_IMAGE_BYTES);
  CHECKERBOARD_PNG.copy(huge, 0, 0, 8);
  repo.write(`${VAULT_FOLDER}/img/rack-scan.png`, huge);
  repo.commit('the docs vault');
  return repo;
}
