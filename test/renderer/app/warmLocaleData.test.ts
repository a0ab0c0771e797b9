import { describe, expect, it } from 'vitest';
import { libraryNameCollator } from '../../../core/runbook/libraryTree';
import { localDateTimeReady, prepareLocalDateTime } from '../../../renderer/app/localDateTime';
import { warmLocaleData } from '../../../renderer/app/warmLocaleData';

describe('warmLocaleData', () => {
  it('makes the formatter and collator the page itself uses, so its first date and sort find them made', () => {
    expect(localDateTimeReady()).toBe(false);
    warmLocaleData();
    expect(localDateTimeReady()).toBe(true);
    // The same objects the page's own calls then return, not copies with other options.
    expect(prepareLocalDateTime()).toBe(prepareLocalDateTime());
    expect(libraryNameCollator()).toBe(libraryNameCollator());
    expect(libraryNameCollator().compare('runbook 2', 'Runbook 10')).toBeLessThan(0);
  });
});
