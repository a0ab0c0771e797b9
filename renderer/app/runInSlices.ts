/**
 * How long one slice may hold the page before it gives the page back: under the 50 ms of a long task, and long
 * enough that the pause between slices (4 ms at least for a nested timer) is not a quarter of the time.
 */
const SLICE_MS = 30;

/**
 * Drives `steps` to its end a slice at a time, giving the page back (a new task) whenever a slice has run
 * for SLICE_MS, so input and painting go on while it works. `cancel` stops it between slices; the promise
 * then never settles.
 */
export function runInSlices<T>(
  steps: Generator<void, T, void>,
  now: () => number = () => performance.now(),
): { done: Promise<T>; cancel: () => void } {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const done = new Promise<T>((resolve, reject) => {
    const slice = () => {
      if (cancelled) return;
      const until = now() + SLICE_MS;
      try {
        for (;;) {
          const step = steps.next();
          if (step.done) return resolve(step.value);
          if (now() >= until) break;
        }
      } catch (error) {
        return reject(error instanceof Error ? error : new Error(String(error)));
      }
      timer = setTimeout(slice, 0);
    };
    slice();
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
