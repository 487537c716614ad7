/**
 * The document model: what a rendered interview script or debrief is, independent of Google Docs. The docs
 * adapter turns these blocks into DocumentApp calls; tests and the local preview read them as plain text.
 */

/** A run of text with optional emphasis or a link. */
export interface TextRun {
  text: string;
  bold?: boolean;
  link?: string;
}

export type DocBlock =
  | { type: 'title'; text: string }
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; runs: TextRun[] }
  | { type: 'list'; items: TextRun[][] }
  /**
   * `header` is the first (bold, shaded) row or null; each cell is a list of runs (an empty list is an empty
   * cell; "\n" in a run starts a new line in the cell). `widths` are the columns' shares of the page's text
   * width (summing to at most 1; none = equal columns); `shadedRows` are indexes into `rows` shaded like a header.
   */
  | {
      type: 'table';
      header: TextRun[][] | null;
      rows: TextRun[][][];
      widths?: readonly number[];
      shadedRows?: readonly number[];
    };

export interface InterviewDocument {
  /** The Google Doc's file name. */
  name: string;
  blocks: DocBlock[];
}

/** Plain text of a run list (links are kept as their visible text). */
export function runsToText(runs: readonly TextRun[]): string {
  return runs.map((run) => run.text).join('');
}

function tableRowToText(cells: readonly TextRun[][]): string {
  return `| ${cells.map((cell) => runsToText(cell)).join(' | ')} |`;
}

/** One block as plain text lines (markdown-like, for tests and previews). */
export function blockToPlainText(block: DocBlock): string {
  switch (block.type) {
    case 'title':
      return block.text;
    case 'heading':
      return `${block.level === 1 ? '#' : '##'} ${block.text}`;
    case 'paragraph':
      return runsToText(block.runs);
    case 'list':
      return block.items.map((item) => `- ${runsToText(item)}`).join('\n');
    case 'table': {
      const lines: string[] = [];
      if (block.header) lines.push(tableRowToText(block.header));
      for (const row of block.rows) lines.push(tableRowToText(row));
      return lines.join('\n');
    }
  }
}

/** The whole document as plain text: the name, then every block, separated by blank lines. */
export function documentToPlainText(doc: InterviewDocument): string {
  return [doc.name, ...doc.blocks.map(blockToPlainText)].join('\n\n');
}

/** Convenience constructors used by the renderer. */
export const run = (text: string, bold = false): TextRun => (bold ? { text, bold: true } : { text });
export const paragraph = (...runs: TextRun[]): DocBlock => ({ type: 'paragraph', runs });
export const textParagraph = (text: string): DocBlock => ({ type: 'paragraph', runs: [{ text }] });
export const cell = (text: string, bold = false): TextRun[] => (text === '' ? [] : [run(text, bold)]);
