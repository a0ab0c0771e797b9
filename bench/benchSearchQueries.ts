import { COMMON_WORDS, corpusVocabulary } from './generateRunbookCorpus';

/**
 * The fixed queries the benchmark types character by character: titles and words from the corpus, symptoms
 * in words, typos, identifiers, a phrase. Deterministic: drawn from the corpus vocabulary by position.
 */
export function benchSearchQueries(): string[] {
  const v = corpusVocabulary();
  const rare = (i: number) => v.words[COMMON_WORDS.length + i]!;
  return [
    'restart gateway-worker',
    'kube-apiserver',
    'HTTP 503',
    'HTTP 429 too many requests',
    'ERR_CONNECTION_REFUSED',
    'CrashLoopBackOff',
    'OOMKilled pod',
    'rollback deployment',
    'replication lag',
    'queue is growing',
    'dead letter queue',
    'rotate certificate',
    'failover database primary',
    'rolback',
    'certficate rotation',
    'replicaton lag',
    'databse failover',
    'moderaton queue',
    'conection timeout',
    'autoscaler not scaling',
    'pods not scaling up',
    'users cannot upload clips',
    'slow queries on replica',
    'webhook retries backoff',
    'disable feature flag',
    'drain node before maintenance',
    'cordon and evict',
    'kafka consumer lag',
    'backup restore snapshot',
    'dns outage',
    'tls certificate expired',
    '"dead letter"',
    '"feature flag"',
    v.services[3]!,
    v.services[57]!,
    v.services[140]!,
    v.metrics[10]!,
    v.metrics[333]!,
    v.envVars[12]!,
    v.envVars[99]!,
    v.hosts[20]!,
    'PodDisruptionBudget',
    'HorizontalPodAutoscaler',
    'ETIMEDOUT',
    'ENOSPC disk full',
    rare(5),
    rare(120),
    rare(2000),
    `${rare(30)} ${rare(31)}`,
    `${v.services[8]} ${rare(77)}`,
    'purge cache',
    'resync search indexer',
    'promote replica',
    'payments-worker errors',
    'verify dashboard',
    'escalation owner team',
  ];
}

/**
 * What a search box must survive: a 10,000-character paste (of one letter, one word, or everyday prose),
 * regular-expression syntax, punctuation only, whitespace only, emoji, control characters, unbalanced quotes.
 */
export function benchBadQueries(): string[] {
  const prose = Array.from({ length: 2000 }, (_, i) => COMMON_WORDS[(i * 7) % COMMON_WORDS.length])
    .join(' ')
    .slice(0, 10_000);
  return [
    'x'.repeat(10_000),
    prose,
    `rollback ${'a'.repeat(9_990)}`,
    'restart '.repeat(1_250),
    '.*+?^${}()|[]\\',
    '[a-z]+ \\d{3} (a|b)* ^$',
    '!!! ??? ... --- ;;; ###',
    '"""',
    '"unbalanced quote',
    '     ',
    '\t\n\r\u00a0\u2003',
    '🔥🚒🧯 🔥',
    '👩‍💻 restart 🔁',
    '\u0000\u0001\u0007',
    '%s %n %d',
    '\ud83d',
  ];
}
