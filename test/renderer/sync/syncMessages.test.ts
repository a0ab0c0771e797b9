import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../../core/messages/checkMessage';
import { syncWorkerReplySchema, syncWorkerRequestSchema } from '../../../renderer/sync/syncMessages';

const request = (raw: unknown) => checkMessage(syncWorkerRequestSchema, raw);
const reply = (raw: unknown) => checkMessage(syncWorkerReplySchema, raw);

describe('messages to the sync worker', () => {
  it.each([
    { type: 'sync', sourceId: 'ops' },
    {
      type: 'sync',
      sourceId: 'ops',
      token: { value: 'ghp_x', origin: 'https://git.example.com' },
      corsProxy: 'https://proxy.example',
      corsProxyTrusted: true,
    },
    { type: 'cancel', sourceId: 'ops' },
    { type: 'delete-store', sourceId: 'ops' },
    { type: 'prune-stores', keepSourceIds: ['ops', 'team runbooks'] },
  ])('accepts %j', (message) => {
    expect(request(message)).toEqual({ ok: true, value: message });
  });

  it.each([
    [{ type: 'sync' }, 'sourceId: is missing'],
    [{ type: 'sync', sourceId: 7 }, 'sourceId: must be a source id'],
    [{ type: 'sync', sourceId: 'ops', token: 'ghp_x' }, 'token: must be Object'],
    [{ type: 'sync', sourceId: 'ops', token: { value: 'ghp_x' } }, 'token.origin: is missing'],
    [{ type: 'sync', sourceId: 'ops', corsProxyTrusted: 'yes' }, 'corsProxyTrusted: must be boolean'],
    [{ type: 'sync', sourceId: 'ops', url: 'https://elsewhere.example' }, 'url: is not part of this message'],
    [{ type: 'prune-stores', keepSourceIds: 'ops' }, 'keepSourceIds: must be Array'],
  ])('refuses %j, naming the field', (message, reason) => {
    expect(request(message)).toEqual({ ok: false, reason });
  });

  it('refuses a message of an unknown type, and never quotes a value', () => {
    const refused = request({ type: 'drop-tables', sourceId: 'ghp_secret' });
    expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/^type: must be \("sync" \| "cancel"/) });
    expect(JSON.stringify(refused)).not.toContain('ghp_secret');
    expect(request('sync')).toMatchObject({ ok: false });
  });
});

describe('answers from the sync worker', () => {
  it.each([
    { type: 'progress', sourceId: 'ops', progress: { phase: 'parsing', percent: 50 } },
    { type: 'done', sourceId: 'ops', outcome: { ok: false, error: { code: 'cancelled', message: 'Cancelled.' } } },
    { type: 'store-deleted', sourceId: 'ops', deleted: false, reason: 'busy' },
    { type: 'stores-pruned', removed: 1, failed: 0 },
    { type: 'refused', reason: 'sourceId: is missing' },
  ])('accepts %j', (message) => {
    expect(reply(message)).toEqual({ ok: true, value: message });
  });

  it.each([
    [{ type: 'progress', sourceId: 'ops', progress: { phase: 'hacking' } }, /^progress\.phase: /],
    [
      { type: 'done', sourceId: 'ops', outcome: { ok: true, stats: {}, applied: {}, at: 'now' } },
      /^outcome\.stats: must be sync statistics$/,
    ],
    [{ type: 'store-deleted', sourceId: 'ops' }, /^deleted: is missing$/],
    [{ type: 'stores-pruned', removed: '1', failed: 0 }, /^removed: must be number$/],
  ])('refuses %j, naming the field', (message, reason) => {
    expect(reply(message)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});
