import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../core/ingest/readFrontMatter';
import { readRunbookFields } from '../../../core/ingest/readRunbookFields';
import { readRunbookVariables } from '../../../core/ingest/readRunbookVariables';

/** `variables:` as a runbook author writes it, read through the real front-matter reader. */
function variablesOf(yaml: string) {
  const front = readFrontMatter(`---\n${yaml}\n---\n`);
  expect(front.warnings).toEqual([]);
  return readRunbookFields(front.data, front.raw);
}

describe('front matter variables: (placeholders filled once per incident)', () => {
  it('reads each placeholder with its description and example, in the order written', () => {
    const fields = variablesOf(
      [
        'variables:',
        '  cluster:',
        '    description: "Kubernetes context of the failing region"',
        '    example: prod-eu-1',
        '  USER_ID: "Twitch user id of the banned user"',
        '  namespace:',
        '  batch:',
        '    example: 200',
      ].join('\n'),
    );
    expect(fields.variables).toEqual([
      { name: 'cluster', description: 'Kubernetes context of the failing region', example: 'prod-eu-1' },
      { name: 'USER_ID', description: 'Twitch user id of the banned user' },
      { name: 'namespace' },
      { name: 'batch', example: '200' },
    ]);
    expect(fields.warnings).toEqual([]);
  });

  it('takes names written as the placeholder itself ({{cluster}}, <USER_ID>) and a plain list of names', () => {
    expect(readRunbookVariables(['{{ cluster }}', '<USER_ID>', { since: 'Start of the window' }]).variables).toEqual([
      { name: 'cluster' },
      { name: 'USER_ID' },
      { name: 'since', description: 'Start of the window' },
    ]);
  });

  it('keeps the first of a repeated name and drops names that cannot be placeholders, with a warning', () => {
    const read = readRunbookVariables({ cluster: 'first', 'rm -rf /': 'x', '1st': 'x', [`a${'b'.repeat(80)}`]: 'x' });
    expect(read.variables).toEqual([{ name: 'cluster', description: 'first' }]);
    expect(read.invalid).toBe(true);
    expect(readRunbookVariables([{ cluster: 'a' }, 'cluster']).variables).toEqual([{ name: 'cluster', description: 'a' }]);

    const fields = variablesOf('title: T\nvariables: 7');
    expect(fields.variables).toEqual([]);
    // Line 3 of the file: the opening `---` is line 1.
    expect(fields.warnings).toMatchObject([{ code: 'field-invalid', line: 3 }]);
    expect(fields.warnings[0]!.message).toContain('variables');
  });
});
