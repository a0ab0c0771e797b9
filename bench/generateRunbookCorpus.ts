/**
 * A deterministic corpus of operational runbooks for the search benchmark: front matter, a title, sections
 * and steps, code blocks with commands, tables, lists, and the identifiers people search for (service names,
 * metrics, environment variables, hosts, error codes, HTTP statuses). Sizes spread between 5 and 30 KB,
 * most runbooks small, as in real collections. The same `count` and `seed` always give the same files.
 */
import { seededRandom } from '../test/helpers/seededRandom';

export interface GeneratedRunbook {
  path: string;
  text: string;
}

export const COMMON_WORDS = `the a to of and in is for on with be check if that this it as are run by from at or not when
then use should all will can you your before after each one new only more any than into out up down so what which
service request requests error errors latency traffic deploy deployment release rollback restart pod pods node nodes
cluster namespace queue worker workers job jobs database replica primary connection connections timeout timeouts
alert alerts dashboard metric metrics log logs user users account accounts token tokens access permission role roles
ban bans moderation moderator report reports clip clips upload uploads stream streams chat cache cluster disk memory
cpu network certificate certificates dns load balancer ingress egress backup backups restore snapshot storage bucket
config configuration secret secrets key keys rotate rotation incident incidents page pager escalation owner team
status health healthy unhealthy degraded outage recovery failover switchover lag replication migration schema table
index query queries slow fast throughput capacity scale scaling autoscaler limit limits quota rate throttle retry
retries backoff sync webhook webhooks api endpoint endpoints gateway proxy edge region zone provider vendor contract
verify verification confirm expected result output command commands script step steps procedure runbook owner
symptom symptoms cause causes impact customers support ticket window maintenance announce communicate status page
feature flag flags toggle enable disable percent traffic canary blue green drain cordon evict schedule cron batch
stuck growing backlog dead letter poison message messages consumer producer partition offset topic broker lag`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = 'ka ri to mo na shi te ra lo vi ne po qua zen dar mel tor vak lin sor pel gri fen hol rux tam bey cor dun'.split(' ');
const SERVICES =
  'api gateway auth billing search upload transcoder chat notifier scheduler ledger catalog profile session feed moderation reports ingest export payments recommender thumbnailer indexer'.split(
    ' ',
  );
const SUFFIXES = 'worker api sync cron proxy consumer writer reader cache service'.split(' ');
const TEAMS = Array.from(
  { length: 30 },
  (_, i) =>
    `team-${['core', 'edge', 'data', 'trust', 'media', 'growth', 'infra', 'sre', 'payments', 'search'][i % 10]}${i >= 10 ? `-${Math.floor(i / 10)}` : ''}`,
);
const AREAS = 'moderation platform database networking storage payments media search identity observability security billing'.split(' ');
const TAG_POOL =
  'emergency routine kubernetes postgres redis kafka cdn dns tls auth billing moderation queue monitoring backup restore rollback deploy scaling security compliance audit oncall'.split(
    ' ',
  );
const HTTP = ['HTTP 500', 'HTTP 502', 'HTTP 503', 'HTTP 504', 'HTTP 429', 'HTTP 401', 'HTTP 403', 'HTTP 404'];
const ERRORS =
  'ERR_CONNECTION_REFUSED ERR_CONNECTION_RESET ERR_TIMED_OUT ECONNRESET ETIMEDOUT ENOSPC OOMKilled CrashLoopBackOff ImagePullBackOff'.split(
    ' ',
  );
const K8S =
  'kube-apiserver kube-scheduler kube-controller-manager coredns etcd kubelet HorizontalPodAutoscaler PodDisruptionBudget StatefulSet DaemonSet'.split(
    ' ',
  );
const VERBS = 'restart drain scale rotate promote rebuild reindex replay purge flush resync verify inspect pause resume'.split(' ');

export interface CorpusVocabulary {
  words: string[];
  services: string[];
  metrics: string[];
  envVars: string[];
  hosts: string[];
}

/** The words and identifiers the corpus draws from (also used to write benchmark queries that hit it). */
export function corpusVocabulary(seed = 7): CorpusVocabulary {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const invented = new Set<string>();
  while (invented.size < 12_000) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYLLABLES);
    invented.add(w);
  }
  const services = SERVICES.flatMap((s) => SUFFIXES.map((x) => `${s}-${x}`));
  const metrics = services.flatMap((s) =>
    ['requests_total', 'errors_total', 'latency_seconds', 'queue_depth'].map((m) => `${s.replace(/-/g, '_')}_${m}`),
  );
  const envVars = services.map(
    (s) => `${s.replace(/-/g, '_').toUpperCase()}_${pick(['ENABLED', 'URL', 'TIMEOUT_MS', 'MAX_CONNS', 'MODE'])}`,
  );
  const hosts = services.map((s) => `${s}.${pick(['eu-west-1', 'us-east-1', 'ap-northeast-1'])}.clpr.internal`);
  return { words: [...COMMON_WORDS, ...invented], services, metrics, envVars, hosts };
}

/** `count` runbooks (`ops/rb-00042.md` …), deterministic for a given seed. */
export function generateRunbookCorpus(count: number, seed = 42): GeneratedRunbook[] {
  const vocab = corpusVocabulary();
  const random = seededRandom(seed);
  const out: GeneratedRunbook[] = [];
  for (let i = 0; i < count; i++) out.push({ path: `ops/rb-${String(i).padStart(5, '0')}.md`, text: generateRunbook(i, vocab, random) });
  return out;
}

function generateRunbook(n: number, vocab: CorpusVocabulary, random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  // Mostly ordinary operations English, the rest a long tail of rarer words; Zipf-like within each.
  const common = COMMON_WORDS.length;
  const word = () =>
    random() < 0.7
      ? vocab.words[Math.floor(common * Math.pow(random(), 2))]!
      : vocab.words[common + Math.floor((vocab.words.length - common) * Math.pow(random(), 2))]!;
  const words = (k: number) => Array.from({ length: k }, word).join(' ');
  const identifier = () => {
    const r = random();
    if (r < 0.25) return `\`${pick(vocab.services)}\``;
    if (r < 0.4) return `\`${pick(vocab.metrics)}\``;
    if (r < 0.5) return `\`${pick(vocab.envVars)}\``;
    if (r < 0.6) return pick(vocab.hosts);
    if (r < 0.7) return pick(HTTP);
    if (r < 0.8) return pick(ERRORS);
    if (r < 0.9) return `\`${pick(K8S)}\``;
    return `INC-${2026_0000 + Math.floor(random() * 9999)}-${Math.floor(random() * 90 + 10)}`;
  };
  const sentence = () => {
    const parts = [words(4 + Math.floor(random() * 8))];
    if (random() < 0.6) parts.push(identifier());
    parts.push(words(3 + Math.floor(random() * 8)));
    const s = parts.join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + '.';
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(random() * 4) }, sentence).join(' ');
  const service = pick(vocab.services);
  const command = () => {
    const r = random();
    if (r < 0.3) return `kubectl -n ${pick(AREAS)}-prod rollout ${pick(['restart', 'status', 'undo'])} deploy/${pick(vocab.services)}`;
    if (r < 0.5)
      return `curl -s -H "Authorization: Bearer $ADMIN_TOKEN" https://${pick(vocab.hosts)}/api/v1/${word()}/${word()} | jq '.data[] | {id, status}'`;
    if (r < 0.7)
      return `psql "$DATABASE_URL" -c "SELECT ${word()}_id, count(*) FROM ${word()}_${word()} WHERE created_at > now() - interval '1 hour' GROUP BY 1;"`;
    if (r < 0.85) return `${pick(vocab.envVars)}=${pick(['on', 'off', '30000', 'strict'])} ./scripts/${pick(VERBS)}-${word()}.sh --dry-run`;
    return `rate(${pick(vocab.metrics)}{service="${pick(vocab.services)}"}[5m]) > ${(random() * 10).toFixed(1)}`;
  };
  const codeBlock = () => '```bash\n' + Array.from({ length: 1 + Math.floor(random() * 5) }, command).join('\n') + '\n```';
  const table = () => {
    const rows = 3 + Math.floor(random() * 5);
    const head = '| Signal | Threshold | Action |\n|--------|-----------|--------|';
    const body = Array.from(
      { length: rows },
      () => `| ${identifier()} | ${Math.floor(random() * 1000)} ${pick(['ms', '%', 'per min'])} | ${words(3)} |`,
    ).join('\n');
    return `${head}\n${body}`;
  };
  const list = () => Array.from({ length: 3 + Math.floor(random() * 4) }, () => `- ${sentence()}`).join('\n');
  const heading = () => {
    const t = `${pick(VERBS)} ${words(1 + Math.floor(random() * 3))}`;
    return t[0]!.toUpperCase() + t.slice(1);
  };

  const titleWords = `${pick(VERBS)} ${service} ${words(1 + Math.floor(random() * 2))}`;
  const title = titleWords[0]!.toUpperCase() + titleWords.slice(1);
  const status = random() < 0.85 ? 'active' : random() < 0.5 ? 'draft' : 'deprecated';
  const tags = Array.from(new Set(Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(TAG_POOL))));
  const aliases = Array.from({ length: Math.floor(random() * 3) }, () => words(2));
  const target = 5_000 + Math.floor(25_000 * Math.pow(random(), 3));

  const parts: string[] = [
    '---',
    `title: "${title}"`,
    `summary: "${sentence().replace(/"/g, "'")}"`,
    `tags: [${tags.map((t) => `"${t}"`).join(', ')}]`,
    `area: "${pick(AREAS)}"`,
    `status: "${status}"`,
    `owner: "${pick(TEAMS)}"`,
    `version: "${1 + (n % 4)}.${n % 10}"`,
    `last_reviewed: 2026-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
    `aliases: [${aliases.map((a) => `"${a}"`).join(', ')}]`,
    '---',
    '',
    `# ${title}`,
    '',
    paragraph(),
    '',
    '## Overview',
    '',
    paragraph(),
    '',
  ];
  let size = parts.join('\n').length;
  let step = 1;
  while (size < target) {
    const block: string[] = [];
    if (random() < 0.35) {
      block.push(`## ${heading()}`, '', paragraph(), '');
      step = 1;
    }
    block.push(`### Step ${step++}: ${heading()}`, '', paragraph(), '');
    const r = random();
    if (r < 0.5) block.push(codeBlock(), '');
    else if (r < 0.7) block.push(table(), '');
    else block.push(list(), '');
    if (random() < 0.5) block.push(paragraph(), '');
    const text = block.join('\n');
    parts.push(text);
    size += text.length + 1;
  }
  return parts.join('\n');
}
