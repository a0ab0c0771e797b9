/**
 * Runbooks built to stress the reader page, each under the 2 MiB ingest limit: what issue 19 found freezing
 * the page for seconds. Generated, not stored, so the same bytes come out every run.
 */
export interface HostileRunbook {
  name: string;
  path: string;
  title: string;
  markdown: string;
}

const frontMatter = (title: string) => `---\ntitle: "${title}"\nowner: "bench"\nstatus: "active"\nlast_reviewed: 2026-11-01\n---\n`;

function runbook(name: string, title: string, body: string): HostileRunbook {
  return { name, path: `hostile/${name}.md`, title, markdown: `${frontMatter(title)}# ${title}\n\n${body}` };
}

export function hostileRunbooks(): HostileRunbook[] {
  const headings = Array.from({ length: 10_000 }, (_, i) => `## Step ${i + 1}\n\nRun \`check-${i + 1}\` and compare.\n`).join('\n');
  const nestedList = `${'- '.repeat(1_000)}deepest item\n`;
  const columns = Array.from({ length: 20 }, (_, c) => `c${c + 1}`);
  const table = [
    `| ${columns.join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...Array.from({ length: 4_000 }, (_, r) => `| ${columns.map((c) => `${c}r${r + 1}`).join(' | ')} |`),
  ].join('\n');
  // One paragraph: nothing at block level separates the links.
  const links = Array.from({ length: 4_000 }, (_, line) =>
    Array.from({ length: 10 }, (_, i) => `[link ${line * 10 + i}](https://example.com/${line * 10 + i})`).join(' '),
  ).join('\n');
  const linkSyntax = '[x]('.repeat(75_000);
  const emphasis = `${'*'.repeat(16_000)}a${'*'.repeat(16_000)}`;
  const contacts = Array.from(
    { length: 30_000 },
    (_, i) => `- Team ${i % 500} on-call ${i}: +1 555 ${String(1_000_000 + i).slice(1)}`,
  ).join('\n');
  // Resolved by path, by unique file name, with a heading, with a label, and missing: each kind the resolver
  // takes. A paragraph of ten per line, so that they are formatted (one 190 KB paragraph would be shown as written).
  const wikilinkForms = ['[[hostile/headings]]', '[[table|the table]]', '[[headings#Step 9]]', '[[no-such-page]]', '![[missing.png]]'];
  const wikilinks = Array.from({ length: 1_000 }, (_, line) =>
    Array.from({ length: 10 }, (_, i) => wikilinkForms[(line * 10 + i) % wikilinkForms.length]).join(' '),
  ).join('\n\n');
  const mermaidLines = Array.from({ length: 52_000 }, (_, i) => `  n${i} --> n${i + 1}`).join('\n');
  return [
    runbook('headings', 'Ten thousand headings', headings),
    runbook('nested-list', 'A list nested 1000 deep', nestedList),
    runbook('table', 'A 4000 by 20 table', `${table}\n`),
    runbook('links', 'Forty thousand links', `${links}\n`),
    runbook('link-syntax', 'Link syntax pathology', `${linkSyntax}\n`),
    runbook('emphasis', 'Emphasis pathology', `${emphasis}\n`),
    runbook('contacts', 'Thirty thousand contacts', `## Emergency contacts\n\n${contacts}\n`),
    runbook('wikilinks', 'Ten thousand wikilinks', `${wikilinks}\n`),
    runbook('mermaid', 'A one megabyte diagram', `\`\`\`mermaid\ngraph TD\n${mermaidLines}\n\`\`\`\n`),
  ];
}
