/**
 * A deterministic tree of realistic runbooks for benchmarks: front matter, sections, numbered steps, code,
 * tables, links and anchors between runbooks, images. Same seed, same bytes.
 */
import { seededRandom } from '../test/helpers/seededRandom';

export interface GeneratedFile {
  path: string;
  content: string | Uint8Array;
}

export interface GeneratedTreeOptions {
  runbooks: number;
  seed?: number;
  /** Date the review dates are spread back from, `YYYY-MM-DD`. */
  today: string;
}

const AREAS = ['database', 'network', 'storage', 'auth', 'payments', 'search', 'queue', 'cache', 'edge', 'observability'];
const VERBS = ['Restart', 'Fail over', 'Drain', 'Rotate', 'Scale', 'Restore', 'Purge', 'Rebuild', 'Throttle', 'Promote'];
const THINGS = [
  'primary',
  'replica',
  'ingress',
  'worker pool',
  'certificates',
  'shard',
  'index',
  'consumer group',
  'edge node',
  'collector',
];
const SECTION_NAMES = [
  'Overview',
  'Symptoms',
  'Impact',
  'Prerequisites',
  'Diagnosis',
  'Mitigation',
  'Procedure',
  'Verification',
  'Rollback',
  'Known issues',
  'Escalation',
  'Related runbooks',
  'Background',
  'Metrics to watch',
  'Clean-up',
];
const WORDS = (
  'the service keeps a queue of pending requests and when latency rises above the threshold the on-call engineer ' +
  'checks the dashboard confirms the alert is real and follows the steps below in order without skipping any of ' +
  'them because each step depends on the previous one completing cleanly before traffic is shifted back'
).split(' ');

interface Plan {
  path: string;
  title: string;
  sections: { name: string; id: string }[];
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

export function generateRunbookTree(options: GeneratedTreeOptions): GeneratedFile[] {
  const random = seededRandom(options.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  const plans: Plan[] = [];
  for (let i = 0; i < options.runbooks; i++) {
    const area = AREAS[i % AREAS.length]!;
    const title = `${pick(VERBS)} the ${area} ${pick(THINGS)} (${String(i).padStart(4, '0')})`;
    const count = int(6, 14);
    const names = new Set<string>();
    while (names.size < count) names.add(pick(SECTION_NAMES));
    const sections = [...names].map((name) => ({ name, id: slug(name) }));
    plans.push({ path: `${area}/runbook-${String(i).padStart(4, '0')}.md`, title, sections });
  }

  const files: GeneratedFile[] = [];
  for (const area of AREAS) files.push({ path: `${area}/images/topology.svg`, content: '<svg xmlns="http://www.w3.org/2000/svg"/>' });

  const sentence = () => {
    const n = int(8, 22);
    const words: string[] = [];
    for (let k = 0; k < n; k++) words.push(pick(WORDS));
    const s = words.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  const relative = (from: string, to: string) => {
    const [fromArea] = from.split('/');
    const [toArea, toFile] = to.split('/');
    return fromArea === toArea ? `./${toFile}` : `../${toArea}/${toFile}`;
  };
  const reviewed = (daysAgo: number) =>
    new Date(Date.parse(`${options.today}T00:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);

  plans.forEach((plan, i) => {
    const targetBytes = int(5_000, 20_000);
    const out: string[] = [
      '---',
      `title: "${plan.title}"`,
      `summary: "${sentence()}"`,
      `tags: [${plan.path.split('/')[0]}, ops${i % 7 === 0 ? ', emergency' : ''}]`,
      `area: ${plan.path.split('/')[0]}`,
      `status: ${i % 25 === 0 ? 'draft' : 'active'}`,
      `owner: team-${plan.path.split('/')[0]}`,
      `version: "1.${i % 9}"`,
      // About one in twenty is overdue, so the corpus has findings like a real repository.
      `last_reviewed: ${reviewed(i % 20 === 0 ? int(200, 400) : int(1, 170))}`,
      `aliases: ["rb-${i}", "${plan.path.split('/')[0]} procedure ${i}"]`,
      '---',
      '',
      `# ${plan.title}`,
      '',
    ];
    let size = out.join('\n').length;
    let section = 0;
    while (size < targetBytes) {
      const s = plan.sections[section % plan.sections.length]!;
      const block: string[] = [`## ${s.name}${section >= plan.sections.length ? ` ${section}` : ''}`, ''];
      block.push(`${sentence()} ${sentence()} See the [dashboard](https://grafana.example.com/d/${i}) and ${sentence()}`, '');
      const other = plans[(i * 31 + section * 7 + 1) % plans.length]!;
      // Only the first three sections are certain to be written (every runbook is at least 5 KB).
      const anchor = other.sections[section % 3]!.id;
      // One link in about two hundred points at a heading that was renamed: a realistic broken anchor.
      const linkAnchor = (i + section) % 200 === 0 ? `${anchor}-old` : anchor;
      block.push(`1. ${sentence()} Then follow [${other.title}](${relative(plan.path, other.path)}#${linkAnchor}).`);
      block.push(`2. ${sentence()} Back to [the overview](#${plan.sections[0]!.id}).`);
      block.push(`3. ${sentence()}`, '');
      switch (section % 4) {
        case 0:
          block.push(
            '```sh',
            `kubectl -n ${plan.path.split('/')[0]} rollout restart deploy/${slug(plan.title).slice(0, 30)}`,
            `kubectl -n ${plan.path.split('/')[0]} get pods -w`,
            '```',
            '',
          );
          break;
        case 1:
          block.push(
            '| Metric | Normal | Alert |',
            '| --- | --- | --- |',
            `| p99 latency | ${int(20, 90)} ms | ${int(200, 900)} ms |`,
            `| error rate | 0.${int(1, 9)}% | ${int(2, 9)}% |`,
            `| queue depth | ${int(10, 99)} | ${int(1000, 9000)} |`,
            '',
          );
          break;
        case 2:
          block.push(`![Topology](images/topology.svg)`, '', `> **Note:** ${sentence()}`, '');
          break;
        default:
          block.push(
            `- ${sentence()}`,
            `- ${sentence()} Contact ops@example.com or #ops-${plan.path.split('/')[0]} on PagerDuty.`,
            `- \`${pick(THINGS)}\` ${sentence()}`,
            '',
          );
      }
      const text = block.join('\n');
      out.push(text);
      size += text.length + 1;
      section++;
    }
    if (i % 7 === 0) {
      out.push(
        '## Escalation contacts',
        '',
        `- On-call: PagerDuty \`${plan.path.split('/')[0]}-primary\``,
        '- Slack #ops-escalation, ops@example.com',
        '',
      );
    }
    files.push({ path: plan.path, content: `${out.join('\n')}\n` });
  });
  return files;
}
