/**
 * Apps Script evaluates the whole bundle on every execution, each custom-function call included, so nothing
 * costly may run at module load. `lazy` defers a value (typically a set of zod schemas) to its first use and
 * then returns the same value on every later call.
 */
export function lazy<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
