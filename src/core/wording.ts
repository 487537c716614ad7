/** Small helpers for the sentences Scorecard writes to people: messages, logs, emails. */

/** "1 scorecard", "3 scorecards"; pass the plural when it is not the noun plus "s". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
