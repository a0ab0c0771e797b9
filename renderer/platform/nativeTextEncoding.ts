// Stands in for the `fast-text-encoding` polyfill that lightning-fs pulls in: every browser the app
// supports has TextEncoder/TextDecoder, and the polyfill crashes inside a module worker (it looks for
// `window` or `global`, and `this` is undefined there).
export {};
