/**
 * Resolves on a later turn of the event loop, once the events and messages already queued have run. A loop whose
 * awaits all resolve at once (blob reads served from memory) never reaches one otherwise, so a worker running it
 * takes in no message, "Cancel sync" included, until the loop ends. Not a plain timer: one set from within another
 * is held back 4 ms.
 */
export function nextEventLoopTurn(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    return new Promise((resolve) => {
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
