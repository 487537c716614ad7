/** Service-call counters: "Class.method" → number of calls, shared by all fakes of one runtime. */

export class Counters {
  readonly map = new Map<string, number>();
  /**
   * Called before each call is counted (the runtime times it and may refuse it by throwing: the call then does
   * not happen and is not counted).
   */
  observer?: (key: string) => void;

  hit(key: string): void {
    this.observer?.(key);
    this.map.set(key, (this.map.get(key) ?? 0) + 1);
  }

  get(key: string): number {
    return this.map.get(key) ?? 0;
  }

  reset(): void {
    this.map.clear();
  }

  /** A copy of the counts, to put back with restore(). */
  snapshot(): Map<string, number> {
    return new Map(this.map);
  }

  restore(snapshot: ReadonlyMap<string, number>): void {
    this.map.clear();
    for (const [k, v] of snapshot) this.map.set(k, v);
  }

  total(): number {
    let n = 0;
    for (const v of this.map.values()) n += v;
    return n;
  }

  sum(predicate: (key: string) => boolean): number {
    let n = 0;
    for (const [k, v] of this.map) if (predicate(k)) n += v;
    return n;
  }

  toObject(): Record<string, number> {
    return Object.fromEntries([...this.map].sort(([a], [b]) => a.localeCompare(b)));
  }
}

const READ_METHOD =
  /^(Range|Sheet|RangeList)\.get(Values?|Formulas?|FormulasR1C1|FormulaR1C1|DisplayValues?|Notes?|DataValidations?|Backgrounds?|NumberFormats?|FontWeights?|FontColors?|FontColorObjects?|HorizontalAlignments?|RichTextValues?|MergedRanges|Wraps?|WrapStrategies)$/;
const WRITE_METHOD =
  /^(Range|Sheet|RangeList|Spreadsheet)\.(set(?!Active|Current)\w*|insert\w*|delete\w*|clear\w*|append\w*|merge\w*|breakApart|remove\w*|hide\w*|show\w*|unhide\w*|protect|sort|copyTo|moveTo|autoResize\w*|check|uncheck|add\w*)$/;

export function isSheetRead(key: string): boolean {
  return READ_METHOD.test(key);
}

export function isSheetWrite(key: string): boolean {
  return WRITE_METHOD.test(key);
}

/**
 * How deep the script is inside fake methods: only the outermost call is the script's (a fake's public method
 * calling another, as Range.getValue does getValues, is one service call). The runtime sets it to 0 while it
 * runs another execution inside a call (a dialog's scripted answer, a custom-function recalculation).
 */
export const callDepth = { value: 0 };

/**
 * Wraps every public method of a fake class so each call is counted as "Label.method". Internal helpers start
 * with "_" and are not counted, so fakes call each other's internals without inflating the figures; a public
 * method called by another fake method is not counted either (callDepth).
 */
export function instrument(ctor: { prototype: object }, label: string): void {
  const proto = ctor.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || typeof desc.value !== 'function') continue;
    const original = desc.value as (...args: unknown[]) => unknown;
    const key = `${label}.${name}`;
    const wrapped = function (this: { _counters?: Counters }, ...args: unknown[]) {
      if (callDepth.value === 0) this._counters?.hit(key);
      callDepth.value++;
      try {
        return original.apply(this, args);
      } finally {
        callDepth.value--;
      }
    };
    Object.defineProperty(wrapped, 'name', { value: name });
    Object.defineProperty(proto, name, { ...desc, value: wrapped });
  }
}
