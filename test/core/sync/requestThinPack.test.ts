import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';
import { describe, expect, it } from 'vitest';
import { addThinPack, withThinPack } from '../../../core/sync/requestThinPack';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const bytes = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const pkt = (line: string) => `${(line.length + 4).toString(16).padStart(4, '0')}${line}`;

const WANT = 'want 1111111111111111111111111111111111111111 multi_ack_detailed side-band-64k ofs-delta agent=test\n';
const REQUEST = pkt(WANT) + pkt('deepen 1\n') + '0000' + pkt('have 2222222222222222222222222222222222222222\n') + pkt('done\n');

describe('addThinPack', () => {
  it('adds the capability to the first want line and fixes its length, leaving the rest as it was', () => {
    const out = text(addThinPack(bytes(REQUEST)));
    const firstLength = Number.parseInt(out.slice(0, 4), 16);
    expect(out.slice(4, firstLength)).toBe(WANT.replace('\n', ' thin-pack\n'));
    expect(out.slice(firstLength)).toBe(REQUEST.slice(WANT.length + 4));
  });

  it('leaves requests alone that are not a want line or already ask for it', () => {
    const other = pkt('have 2222222222222222222222222222222222222222\n');
    expect(text(addThinPack(bytes(other)))).toBe(other);
    const already = pkt(WANT.replace('\n', ' thin-pack\n'));
    expect(text(addThinPack(bytes(already)))).toBe(already);
  });
});

describe('withThinPack', () => {
  function recordingClient(capabilities: string) {
    const sent: GitHttpRequest[] = [];
    const client: HttpClient = {
      async request(req): Promise<GitHttpResponse> {
        sent.push(req);
        const advert = `${pkt('# service=git-upload-pack\n')}0000${pkt(`3333333333333333333333333333333333333333 HEAD\0${capabilities}\n`)}0000`;
        return { url: req.url, statusCode: 200, statusMessage: 'OK', headers: {}, body: [bytes(advert)][Symbol.iterator]() as never };
      },
    };
    return { client, sent };
  }

  async function fetchLike(client: HttpClient): Promise<string> {
    const advert = await client.request({ url: 'https://x.test/r.git/info/refs?service=git-upload-pack', method: 'GET' });
    for await (const _chunk of advert.body as AsyncIterable<Uint8Array>) {
      // read like isomorphic-git does
    }
    await client.request({ url: 'https://x.test/r.git/git-upload-pack', method: 'POST', body: [bytes(REQUEST)] as never });
    return '';
  }

  it('asks for a thin pack when the server advertises it', async () => {
    const { client, sent } = recordingClient('multi_ack_detailed thin-pack side-band-64k shallow');
    await fetchLike(withThinPack(client));
    expect(text((sent[1]!.body as unknown as Uint8Array[])[0]!)).toContain(' thin-pack\n');
  });

  it('does not when the server does not advertise it', async () => {
    const { client, sent } = recordingClient('multi_ack_detailed side-band-64k shallow');
    await fetchLike(withThinPack(client));
    expect(text((sent[1]!.body as unknown as Uint8Array[])[0]!)).not.toContain('thin-pack');
  });
});
