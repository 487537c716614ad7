/**
 * Styling a written document in one Google Docs API call (the Advanced Docs service, `Docs.Documents`, Docs API
 * v1; same `documents` scope as DocumentApp). The writer has put the text in with DocumentApp and saved it; this
 * reads the document back once (documents.get) to learn where each paragraph and cell starts — the indexes come
 * from Google, never from our own arithmetic — and sends every heading, bold run, link, column width, shaded row
 * and the page size in a single documents.batchUpdate.
 *
 * Reference: https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request
 * (UpdateTextStyleRequest, UpdateParagraphStyleRequest, UpdateTableColumnPropertiesRequest,
 * UpdateTableCellStyleRequest, UpdateDocumentStyleRequest). Ranges are [startIndex, endIndex) in UTF-16 code units.
 */
import type { DocBlock } from '../core/templates/document';
import { type StylePlan, SHADE, joined, tableCells } from './styling';

// ---------------------------------------------------------------------------------------------------------
// The parts of the Docs API's Document resource that Scorecard reads.

export interface DocsTextRun {
  content?: string;
}
export interface DocsParagraphElement {
  startIndex?: number;
  endIndex?: number;
  textRun?: DocsTextRun;
}
export interface DocsParagraph {
  elements?: DocsParagraphElement[];
}
export interface DocsTableCell {
  content?: DocsStructuralElement[];
}
export interface DocsTableRow {
  tableCells?: DocsTableCell[];
}
export interface DocsTable {
  rows?: number;
  columns?: number;
  tableRows?: DocsTableRow[];
}
export interface DocsStructuralElement {
  startIndex?: number;
  endIndex?: number;
  paragraph?: DocsParagraph;
  table?: DocsTable;
  sectionBreak?: object;
}
export interface DocsDocument {
  body?: { content?: DocsStructuralElement[] };
}

/** The calls of `Docs.Documents` Scorecard makes. src/main.ts passes the real collection; tests the fake. */
export interface DocsDocuments {
  get(documentId: string): DocsDocument;
  batchUpdate(resource: { requests: object[] }, documentId: string): unknown;
}

/** The document does not hold what the writer wrote (someone edited it in between, or Docs laid it out otherwise). */
function mismatch(what: string): Error {
  return new Error(`${what} is not as written.`);
}

// ---------------------------------------------------------------------------------------------------------
// Where each written element starts

interface Located {
  /** Start index of each body paragraph, per block and item. */
  readonly body: Map<string, { start: number; length: number }>;
  /** Start index of each cell's text, per block, row and column. */
  readonly cells: Map<string, number>;
  /** Start index of each table, per block. */
  readonly tables: Map<number, number>;
}

/** A paragraph's text without its closing newline; a soft line break (vertical tab) reads as "\n". */
function paragraphText(p: DocsParagraph): string {
  const text = (p.elements ?? []).map((e) => e.textRun?.content ?? '').join('');
  return text.replace(/\n$/, '').split('\u000b').join('\n');
}

function cellText(cell: DocsTableCell): { text: string; start: number } {
  const paragraphs = (cell.content ?? []).filter((e) => e.paragraph);
  const start = paragraphs[0]?.startIndex;
  if (start === undefined) throw mismatch('A table cell');
  return { text: paragraphs.map((e) => paragraphText(e.paragraph!)).join('\n'), start };
}

/**
 * Matches the written blocks to the document's structural elements, in order. An empty paragraph that the
 * model did not write (Docs may keep one after a table) is passed over; anything else out of place is a mismatch.
 */
export function locate(document: DocsDocument, blocks: readonly DocBlock[]): Located {
  const content = (document.body?.content ?? []).filter((e) => !e.sectionBreak);
  const located: Located = { body: new Map(), cells: new Map(), tables: new Map() };
  let next = 0;
  const take = (want: 'paragraph' | 'table', text?: string): DocsStructuralElement => {
    while (next < content.length) {
      const element = content[next++];
      if (want === 'paragraph' && element.paragraph && paragraphText(element.paragraph) === text)
        return element;
      if (want === 'table' && element.table) return element;
      if (element.paragraph && paragraphText(element.paragraph) === '') continue;
      break;
    }
    throw mismatch(want === 'table' ? 'A table' : `The paragraph "${text}"`);
  };
  const paragraph = (block: number, item: number, text: string) => {
    const element = take('paragraph', text);
    located.body.set(`${block}:${item}`, { start: element.startIndex ?? 0, length: text.length });
  };
  blocks.forEach((block, index) => {
    switch (block.type) {
      case 'title':
      case 'heading':
        paragraph(index, 0, block.text);
        break;
      case 'paragraph':
        paragraph(index, 0, joined(block.runs));
        break;
      case 'list':
        block.items.forEach((item, i) => paragraph(index, i, joined(item)));
        break;
      case 'table': {
        const element = take('table');
        const cells = tableCells(block);
        const rows = element.table?.tableRows ?? [];
        if (rows.length !== cells.length) throw mismatch('A table');
        located.tables.set(index, element.startIndex ?? 0);
        cells.forEach((row, r) => {
          const docCells = rows[r].tableCells ?? [];
          if (docCells.length !== row.length) throw mismatch('A table row');
          row.forEach((runs, c) => {
            const { text, start } = cellText(docCells[c]);
            if (text !== joined(runs)) throw mismatch('A table cell');
            located.cells.set(`${index}:${r}:${c}`, start);
          });
        });
        break;
      }
    }
  });
  return located;
}

// ---------------------------------------------------------------------------------------------------------
// The batchUpdate requests

const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });

function rgb(hex: string): { red: number; green: number; blue: number } {
  const part = (i: number) => Math.round((parseInt(hex.slice(i, i + 2), 16) / 255) * 1000) / 1000;
  return { red: part(1), green: part(3), blue: part(5) };
}

/** Every request of the plan against the located document. */
export function styleRequests(plan: StylePlan, located: Located): object[] {
  const requests: object[] = [];
  const { page } = plan;
  requests.push({
    updateDocumentStyle: {
      documentStyle: {
        pageSize: { width: pt(page.width), height: pt(page.height) },
        marginTop: pt(page.marginTop),
        marginBottom: pt(page.marginBottom),
        marginLeft: pt(page.marginLeft),
        marginRight: pt(page.marginRight),
      },
      fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight',
    },
  });
  for (const { block, style } of plan.headings) {
    const p = located.body.get(`${block}:0`)!;
    requests.push({
      updateParagraphStyle: {
        range: { startIndex: p.start, endIndex: p.start + p.length + 1 },
        paragraphStyle: { namedStyleType: style },
        fields: 'namedStyleType',
      },
    });
  }
  for (const t of plan.text) {
    const start =
      t.place.kind === 'body'
        ? located.body.get(`${t.place.block}:${t.place.item}`)!.start
        : located.cells.get(`${t.place.block}:${t.place.row}:${t.place.column}`)!;
    const range = { startIndex: start + t.start, endIndex: start + t.end };
    if (t.bold) requests.push({ updateTextStyle: { range, textStyle: { bold: true }, fields: 'bold' } });
    if (t.link)
      requests.push({ updateTextStyle: { range, textStyle: { link: { url: t.link } }, fields: 'link' } });
  }
  for (const table of plan.tables) {
    const tableStartLocation = { index: located.tables.get(table.block)! };
    table.widths?.forEach((width, column) =>
      requests.push({
        updateTableColumnProperties: {
          tableStartLocation,
          columnIndices: [column],
          tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt(width) },
          fields: 'widthType,width',
        },
      }),
    );
    for (const row of table.shaded) {
      requests.push({
        updateTableCellStyle: {
          tableRange: {
            tableCellLocation: { tableStartLocation, rowIndex: row, columnIndex: 0 },
            rowSpan: 1,
            columnSpan: table.columns,
          },
          tableCellStyle: { backgroundColor: { color: { rgbColor: rgb(SHADE) } } },
          fields: 'backgroundColor',
        },
      });
    }
  }
  return requests;
}
