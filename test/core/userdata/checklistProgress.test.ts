import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import type { IngestResult } from '../../../core/model';
import {
  carryTicks,
  countDone,
  readChecklist,
  readSavedTicks,
  resetChecklist,
  setStepDone,
} from '../../../core/userdata/checklistProgress';
import { listChecklistSteps } from '../../../core/userdata/checklistStepsOfMarkdown';
import { ingested, openTestDatabase } from '../cache/testDatabase';

const SOURCE = 'team-runbooks';
const PATH = 'ops/restart-api.md';
let db: RunbookDatabase;

beforeEach(() => {
  db = openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

const restartV1 = `---
title: Restart the API
---
# Restart the API

## Steps

1. Drain the load balancer.
2. Restart the pods.
3. Check the health endpoint.
- [ ] Tell the incident channel.
`;

function stepKeys(text: string): string[] {
  const result = ingested(SOURCE, PATH, text) as Extract<IngestResult, { kind: 'runbook' }>;
  return listChecklistSteps(result.body.markdown, result.meta.headings, result.body.bodyLine).map((s) => s.key);
}

describe('checklist progress', () => {
  it('starts empty, records ticks and unticks, and counts what is done', async () => {
    const keys = stepKeys(restartV1);
    expect(keys).toHaveLength(4);
    expect(await readChecklist(db, SOURCE, PATH)).toEqual(new Set());

    await setStepDone(db, SOURCE, PATH, keys[0]!, true);
    await setStepDone(db, SOURCE, PATH, keys[2]!, true);
    await setStepDone(db, SOURCE, PATH, keys[2]!, true); // ticking twice is still one tick
    expect(await readChecklist(db, SOURCE, PATH)).toEqual(new Set([keys[0], keys[2]]));
    expect(countDone(keys, await readChecklist(db, SOURCE, PATH))).toBe(2);

    await setStepDone(db, SOURCE, PATH, keys[0]!, false);
    await setStepDone(db, SOURCE, PATH, keys[3]!, false); // unticking an unticked step changes nothing
    expect(await readChecklist(db, SOURCE, PATH)).toEqual(new Set([keys[2]]));
  });

  it('keeps each runbook’s progress apart (same path in another source too)', async () => {
    await setStepDone(db, SOURCE, PATH, 'steps/a', true);
    await setStepDone(db, SOURCE, 'other.md', 'steps/b', true);
    await setStepDone(db, 'bundled', PATH, 'steps/c', true);
    expect(await readChecklist(db, SOURCE, PATH)).toEqual(new Set(['steps/a']));
    expect(await readChecklist(db, SOURCE, 'other.md')).toEqual(new Set(['steps/b']));
    expect(await readChecklist(db, 'bundled', PATH)).toEqual(new Set(['steps/c']));
  });

  it('resets one runbook with one call and leaves the others alone', async () => {
    await setStepDone(db, SOURCE, PATH, 'steps/a', true);
    await setStepDone(db, SOURCE, PATH, 'steps/b', true);
    await setStepDone(db, SOURCE, 'other.md', 'steps/a', true);
    await resetChecklist(db, SOURCE, PATH);
    expect(await readChecklist(db, SOURCE, PATH)).toEqual(new Set());
    expect(await readChecklist(db, SOURCE, 'other.md')).toEqual(new Set(['steps/a']));
    await resetChecklist(db, SOURCE, 'never-ticked.md'); // nothing to reset is not an error
  });

  it('records when progress last changed', async () => {
    await setStepDone(db, SOURCE, PATH, 'steps/a', true, new Date('2026-03-01T10:00:00.000Z'));
    expect(await db.checklists.get([SOURCE, PATH])).toMatchObject({ updatedAt: '2026-03-01T10:00:00.000Z' });
  });

  it('survives closing and reopening the database (an app restart)', async () => {
    const keys = stepKeys(restartV1);
    await setStepDone(db, SOURCE, PATH, keys[1]!, true);
    await setStepDone(db, SOURCE, PATH, keys[3]!, true);
    db.close();

    const reopened = new RunbookDatabase(db.name, { indexedDB, IDBKeyRange });
    try {
      const done = await readChecklist(reopened, SOURCE, PATH);
      expect(done).toEqual(new Set([keys[1], keys[3]]));
      expect(countDone(stepKeys(restartV1), done)).toBe(2);
    } finally {
      reopened.close();
    }
    await db.open();
  });

  it('counts only steps the current version still has, and keeps progress on the ones that remain', async () => {
    const keysV1 = stepKeys(restartV1);
    for (const key of keysV1) await setStepDone(db, SOURCE, PATH, key, true);
    // Upstream rewords step 2, drops step 3 and adds a new last step.
    const restartV2 = restartV1
      .replace('2. Restart the pods.', '2. Restart the pods one by one.')
      .replace('3. Check the health endpoint.\n', '')
      .replace('- [ ] Tell the incident channel.', '- [ ] Tell the incident channel.\n- [ ] Close the incident.');
    const keysV2 = stepKeys(restartV2);
    const done = await readChecklist(db, SOURCE, PATH);
    expect(keysV2).toHaveLength(4);
    expect(countDone(keysV2, done)).toBe(2); // "Drain…" and "Tell…" are still ticked; the rest are new
    expect(keysV2.filter((k) => done.has(k))).toEqual([keysV1[0], keysV1[3]]);
  });
});

describe('ticks across a sync (carryTicks)', () => {
  function steps(text: string) {
    const result = ingested(SOURCE, PATH, text) as Extract<IngestResult, { kind: 'runbook' }>;
    return listChecklistSteps(result.body.markdown, result.meta.headings, result.body.bodyLine);
  }

  async function tickAll(text: string, which: (text: string) => boolean) {
    for (const step of steps(text)) if (which(step.text)) await setStepDone(db, SOURCE, PATH, step, true);
  }

  it('keeps the tick on a step whose text is unchanged, wherever the step moved in its section', async () => {
    await tickAll(restartV1, (t) => t.startsWith('Drain') || t.startsWith('Check'));
    const v2 = restartV1.replace('1. Drain the load balancer.\n', '1. Announce the restart.\n2. Drain the load balancer.\n');
    const ticks = carryTicks(steps(v2), await readSavedTicks(db, SOURCE, PATH));
    const ticked = steps(v2).filter((s) => ticks.has(s.key));
    expect(ticked.map((s) => s.text)).toEqual(['Drain the load balancer.', 'Check the health endpoint.']);
    expect(ticked.every((s) => ticks.get(s.key)!.changedSinceTicked === undefined)).toBe(true);
  });

  it('keeps a tick whose step was reworded upstream, marked "changed since ticked" with the ticked words', async () => {
    await tickAll(restartV1, (t) => t.startsWith('Restart'));
    const v2 = restartV1.replace('2. Restart the pods.', '2. Restart the pods one zone at a time.');
    const after = steps(v2);
    const ticks = carryTicks(after, await readSavedTicks(db, SOURCE, PATH));
    const reworded = after.find((s) => s.text.startsWith('Restart'))!;
    expect(ticks.get(reworded.key)).toEqual({
      tickedKey: 'steps/restart the pods.',
      changedSinceTicked: { textWhenTicked: 'Restart the pods.' },
    });
    expect(ticks.size).toBe(1);
  });

  // A step is added above a reworded one, so the reworded step now stands at the place of another.
  it.each<[string, (text: string) => boolean, string, (string | undefined)[][]]>([
    [
      'keeps a reworded tick on its own step when a step was added above it, not on its ticked neighbour',
      (t) => t.startsWith('Drain') || t.startsWith('Restart'),
      'Restart the pods one zone at a time.',
      [
        ['Drain the load balancer.', undefined],
        ['Restart the pods one zone at a time.', 'Restart the pods.'],
      ],
    ],
    [
      'puts a reworded tick on the step that reads like it rather than on an unticked step now at its place',
      (t) => t.startsWith('Restart'),
      'Restart the pods, one zone at a time.',
      [['Restart the pods, one zone at a time.', 'Restart the pods.']],
    ],
  ])('%s', async (_name, ticked, reworded, shown) => {
    await tickAll(restartV1, ticked);
    const v2 = restartV1
      .replace('1. Drain the load balancer.\n', '1. Announce the restart.\n2. Drain the load balancer.\n')
      .replace('2. Restart the pods.', `3. ${reworded}`)
      .replace('3. Check', '4. Check');
    const after = steps(v2);
    const ticks = carryTicks(after, await readSavedTicks(db, SOURCE, PATH));
    expect(after.filter((s) => ticks.has(s.key)).map((s) => [s.text, ticks.get(s.key)!.changedSinceTicked?.textWhenTicked])).toEqual(shown);
  });

  it('follows a step moved to another section with the same text', async () => {
    await tickAll(restartV1, (t) => t.startsWith('Check'));
    const v2 = restartV1.replace('3. Check the health endpoint.\n', '') + '\n## Verify steps\n\n1. Check the health endpoint.\n';
    const after = steps(v2);
    const ticks = carryTicks(after, await readSavedTicks(db, SOURCE, PATH));
    const moved = after.find((s) => s.text.startsWith('Check'))!;
    expect(moved.section).toBe('verify-steps');
    expect(ticks.get(moved.key)).toEqual({ tickedKey: 'steps/check the health endpoint.' });
  });

  it('unticking a "changed since ticked" step removes the tick that showed on it', async () => {
    await tickAll(restartV1, (t) => t.startsWith('Restart'));
    const after = steps(restartV1.replace('2. Restart the pods.', '2. Restart the pods slowly.'));
    const tick = carryTicks(after, await readSavedTicks(db, SOURCE, PATH)).get(after[1]!.key)!;
    await setStepDone(db, SOURCE, PATH, tick.tickedKey, false);
    expect(carryTicks(after, await readSavedTicks(db, SOURCE, PATH)).size).toBe(0);
    expect((await db.checklists.get([SOURCE, PATH]))!.ticked).toEqual([]);
  });

  it('shows nothing for a tick whose step and section are gone, and never invents ticks', async () => {
    await tickAll(restartV1, (t) => t.startsWith('Tell'));
    const v2 = '---\ntitle: Restart the API\n---\n# Restart the API\n\n## Steps\n\n1. Call the on-call engineer.\n';
    expect(carryTicks(steps(v2), await readSavedTicks(db, SOURCE, PATH)).size).toBe(0);
  });
});
