/**
 * `vi.waitFor` and `vi.waitUntil` give up after one second by default. That is a wall-clock limit: on a
 * busy machine a correct test can need longer. Here they wait up to 20 s (still failing a test that never
 * gets there) unless a call passes its own timeout.
 */
import { vi } from 'vitest';

const PATIENT_MS = 20_000;
const waitFor = vi.waitFor.bind(vi);
const waitUntil = vi.waitUntil.bind(vi);

vi.waitFor = (callback, options) => waitFor(callback, typeof options === 'number' ? options : { timeout: PATIENT_MS, ...options });
vi.waitUntil = (callback, options) => waitUntil(callback, typeof options === 'number' ? options : { timeout: PATIENT_MS, ...options });
