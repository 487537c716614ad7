/**
 * The help Sheets shows while you type a custom function (=PASSES( …): its one-line description, each argument
 * (optional ones in brackets, as Sheets marks them from "Optional." in the description) and what it returns,
 * read from the JSDoc blocks that build copies into build/Code.js above each @customfunction.
 */
import type { FunctionHelp } from './protocol';

const JSDOC_THEN_FUNCTION = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(/g;

export function functionHelp(code: string): FunctionHelp[] {
  const out: FunctionHelp[] = [];
  for (const [, doc, name] of code.matchAll(JSDOC_THEN_FUNCTION)) {
    if (!/@customfunction\b/.test(doc)) continue;
    const lines = doc.split('\n').map((l) => l.replace(/^\s*\*\s?/, '').trim());
    const tagAt = lines.findIndex((l) => l.startsWith('@'));
    const description = lines
      .slice(0, tagAt < 0 ? undefined : tagAt)
      .filter((l) => l !== '')
      .join(' ');
    const params: FunctionHelp['params'] = [];
    let returns = '';
    for (const line of lines) {
      const param = /^@param\s+(?:\{[^}]*\}\s+)?(\[?[\w$]+\]?)\s*(.*)$/.exec(line);
      if (param) {
        const text = param[2].trim();
        const optional = param[1].startsWith('[') || /^Optional\b/i.test(text);
        params.push({
          name: param[1].replace(/[[\]]/g, ''),
          optional,
          description: text.replace(/^Optional\.?\s*/i, ''),
        });
      }
      const ret = /^@returns?\s+(?:\{[^}]*\}\s+)?(.*)$/.exec(line);
      if (ret) returns = ret[1].trim();
    }
    out.push({ name, description, params, returns });
  }
  return out;
}
