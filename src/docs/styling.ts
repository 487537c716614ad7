/**
 * What a rendered document looks like beyond its text, worked out from the model before any Docs call: the page,
 * the paragraphs' heading styles, bold and linked stretches of text, table column widths and shaded rows. The
 * writer applies this plan either in one Docs API batchUpdate (docs-api.ts) or, without the Docs API, element by
 * element through DocumentApp (writer.ts). Pure: no Apps Script service is named here.
 */
import type { DocBlock, TextRun } from '../core/templates/document';
import { type PageSetup, contentWidth } from '../core/templates/page';

/** Where a stretch of text lives: a paragraph-like block (item 0), an item of a list, or a table cell. */
export type TextPlace =
  | { readonly kind: 'body'; readonly block: number; readonly item: number }
  | { readonly kind: 'cell'; readonly block: number; readonly row: number; readonly column: number };

/** A bold and/or linked stretch: offsets into the element's text, end exclusive. */
export interface TextStyle {
  readonly place: TextPlace;
  readonly start: number;
  readonly end: number;
  readonly bold?: true;
  readonly link?: string;
}

export type NamedStyle = 'TITLE' | 'HEADING_1' | 'HEADING_2';

export interface TableStyle {
  readonly block: number;
  readonly columns: number;
  /** Column widths in points, or null to leave Docs' equal columns. */
  readonly widths: readonly number[] | null;
  /** Rows (0 = the first row written, the header when there is one) shaded light grey. */
  readonly shaded: readonly number[];
}

export interface StylePlan {
  readonly page: PageSetup;
  readonly headings: readonly { readonly block: number; readonly style: NamedStyle }[];
  readonly text: readonly TextStyle[];
  readonly tables: readonly TableStyle[];
}

/** The grey of header and label rows. */
export const SHADE = '#efefef';

export function joined(runs: readonly TextRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** The cells of a table block as written: the header first, every row as wide as the widest. */
export function tableCells(block: Extract<DocBlock, { type: 'table' }>): TextRun[][][] {
  const all = block.header ? [block.header, ...block.rows] : block.rows;
  const width = Math.max(1, ...all.map((r) => r.length));
  return all.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? []));
}

function runStyles(place: TextPlace, runs: readonly TextRun[]): TextStyle[] {
  const out: TextStyle[] = [];
  let at = 0;
  for (const r of runs) {
    const end = at + r.text.length;
    if (r.text.length > 0 && (r.bold === true || r.link !== undefined)) {
      out.push({
        place,
        start: at,
        end,
        ...(r.bold === true ? { bold: true as const } : {}),
        ...(r.link !== undefined ? { link: r.link } : {}),
      });
    }
    at = end;
  }
  return out;
}

const HEADING: Readonly<Record<string, NamedStyle>> = { title: 'TITLE', '1': 'HEADING_1', '2': 'HEADING_2' };

/** The style plan of a model laid out on `page`. */
export function stylePlan(blocks: readonly DocBlock[], page: PageSetup): StylePlan {
  const headings: { block: number; style: NamedStyle }[] = [];
  const text: TextStyle[] = [];
  const tables: TableStyle[] = [];
  const width = contentWidth(page);
  blocks.forEach((block, index) => {
    switch (block.type) {
      case 'title':
        headings.push({ block: index, style: HEADING.title });
        break;
      case 'heading':
        headings.push({ block: index, style: HEADING[String(block.level)] });
        break;
      case 'paragraph':
        text.push(...runStyles({ kind: 'body', block: index, item: 0 }, block.runs));
        break;
      case 'list':
        block.items.forEach((item, i) =>
          text.push(...runStyles({ kind: 'body', block: index, item: i }, item)),
        );
        break;
      case 'table': {
        const cells = tableCells(block);
        cells.forEach((row, r) =>
          row.forEach((runs, c) =>
            text.push(...runStyles({ kind: 'cell', block: index, row: r, column: c }, runs)),
          ),
        );
        const columns = cells[0].length;
        const first = block.header ? 1 : 0;
        const shaded = [...(block.header ? [0] : []), ...(block.shadedRows ?? []).map((r) => r + first)];
        const widths =
          block.widths && block.widths.length === columns
            ? block.widths.map((share) => Math.round(share * width * 10) / 10)
            : null;
        tables.push({ block: index, columns, widths, shaded });
        break;
      }
    }
  });
  return { page, headings, text, tables };
}
