import { Buffer } from 'buffer';

// gray-matter (front matter) and isomorphic-git (sync) reach for Node's global `Buffer`; browsers lack it.
const scope = globalThis as typeof globalThis & { Buffer?: typeof Buffer };
scope.Buffer ??= Buffer;
