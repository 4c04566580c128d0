/**
 * Runs at most `max` of the given jobs at once; the rest wait in arrival order. Used to bound
 * memory-heavy work (argon2 hashes, image decoding) under bursts.
 */
export function createLimiter(max: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async function limited<T>(job: () => Promise<T>): Promise<T> {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
