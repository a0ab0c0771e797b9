import { describe, expect, it } from 'vitest';
import { app } from 'electron';
import { fakeElectron } from '../setup/electronMock';

describe('mock identity', () => {
  it('same fakes', () => {
    fakeElectron().app.version = '9.9.9';
    expect(app.getVersion()).toBe('9.9.9');
  });
  it('fresh per test', () => {
    expect(app.getVersion()).toBe('0.1.0');
  });
});
