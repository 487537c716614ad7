/**
 * The Advanced Docs service fake (`Docs`, Google Docs API v1): `Docs.Documents.get` and
 * `Docs.Documents.batchUpdate` over the DocumentApp fake's documents. Every call counts as
 * "Docs.Documents.<method>" (a Docs call, as DocumentApp's are).
 *
 * Indexes follow the Docs API's structure (https://developers.google.com/workspace/docs/api/concepts/structure,
 * https://developers.google.com/workspace/docs/api/how-tos/tables), in UTF-16 code units: the body opens with a
 * section break ending at 1; a paragraph spans its text and its closing "\n"; a table takes one index for its
 * start, one per row start, one per cell start, its cells' paragraphs, and one for its end — so a table starting
 * at T has its first cell's text at T + 3.
 *
 * batchUpdate applies its requests atomically (all are checked first; one bad request changes nothing), as the
 * API does. Modelled requests: updateTextStyle (bold, link), updateParagraphStyle (namedStyleType of body
 * paragraphs), updateTableColumnProperties (widthType, width; under 5 points is a 400 as the API documents),
 * updateTableCellStyle (backgroundColor) and updateDocumentStyle (pageSize, margins). Anything else fails loudly.
 *
 * Apps Script keeps DocumentApp's edits until `saveAndClose()` (or the end of the execution); a Docs API call
 * before that would read or change the document without them. The fake refuses such a call outright instead of
 * guessing what Google would return.
 */
import { Counters, instrument } from './counters';
import {
  FakeBody,
  type FakeDocument,
  type FakeDocumentApp,
  FakeHorizontalRule,
  FakeListItem,
  FakeParagraph,
  FakeTable,
  type HeadingName,
  type PageModel,
} from './documents';
import type { Realm } from './realm';

interface DocsHost {
  counters: Counters;
  realm: Realm;
  docs: FakeDocumentApp;
}

type Json = Record<string, unknown>;

/** DocumentApp's headings and the Docs API's named styles. */
const NAMED_STYLE: Readonly<Record<HeadingName, string>> = {
  NORMAL: 'NORMAL_TEXT',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
  HEADING1: 'HEADING_1',
  HEADING2: 'HEADING_2',
  HEADING3: 'HEADING_3',
  HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5',
  HEADING6: 'HEADING_6',
};
const HEADING_OF = new Map(Object.entries(NAMED_STYLE).map(([h, n]) => [n, h as HeadingName]));

/** One stretch of text the API addresses: a body paragraph or list item, or one paragraph inside a cell. */
interface TextSpan {
  start: number;
  /** The text without its closing newline. */
  length: number;
  bold: boolean[];
  link: (string | null)[];
  /** Offset of this paragraph's first character inside its holder (a cell holds several lines). */
  offset: number;
  text: string;
  heading?: { get(): HeadingName; set(h: HeadingName): void };
  listItem: boolean;
}

interface TableSpan {
  table: FakeTable;
  start: number;
  end: number;
}

interface Layout {
  end: number;
  spans: TextSpan[];
  tables: TableSpan[];
  content: Json[];
}

function apiError(host: DocsHost, method: string, message: string): never {
  throw host.realm.error(
    `GoogleJsonResponseException: API call to docs.documents.${method} failed with error: ${message}`,
  );
}

function runs(span: TextSpan): Json[] {
  const out: Json[] = [];
  let i = 0;
  const { text } = span;
  while (i < text.length) {
    let j = i;
    const bold = span.bold[span.offset + i];
    const link = span.link[span.offset + i];
    while (j < text.length && span.bold[span.offset + j] === bold && span.link[span.offset + j] === link) j++;
    out.push({
      startIndex: span.start + i,
      endIndex: span.start + j,
      textRun: {
        content: text.slice(i, j),
        textStyle: { ...(bold ? { bold: true } : {}), ...(link ? { link: { url: link } } : {}) },
      },
    });
    i = j;
  }
  const last = out[out.length - 1];
  if (last) {
    const textRun = last.textRun as { content: string };
    textRun.content += '\n';
    last.endIndex = (last.endIndex as number) + 1;
  } else {
    out.push({
      startIndex: span.start,
      endIndex: span.start + 1,
      textRun: { content: '\n', textStyle: {} },
    });
  }
  return out;
}

function paragraphJson(span: TextSpan): Json {
  const heading = span.heading?.get() ?? 'NORMAL';
  return {
    startIndex: span.start,
    endIndex: span.start + span.length + 1,
    paragraph: {
      elements: runs(span),
      paragraphStyle: { namedStyleType: NAMED_STYLE[heading], direction: 'LEFT_TO_RIGHT' },
      ...(span.listItem ? { bullet: { listId: 'kix.fakelist', textStyle: {} } } : {}),
    },
  };
}

function dimension(points: number): Json {
  return { magnitude: points, unit: 'PT' };
}

/** Lays the body out in Docs API indexes, and builds the JSON documents.get returns. */
function layout(body: FakeBody): Layout {
  const spans: TextSpan[] = [];
  const tables: TableSpan[] = [];
  const content: Json[] = [
    {
      endIndex: 1,
      sectionBreak: {
        sectionStyle: {
          columnSeparatorStyle: 'NONE',
          contentDirection: 'LEFT_TO_RIGHT',
          sectionType: 'CONTINUOUS',
        },
      },
    },
  ];
  let at = 1;
  for (const child of body._children) {
    if (child instanceof FakeParagraph || child instanceof FakeListItem) {
      const rich = child._rich;
      const span: TextSpan = {
        start: at,
        length: rich.text.length,
        bold: rich.bold,
        link: rich.link,
        offset: 0,
        text: rich.text,
        listItem: child instanceof FakeListItem,
        heading:
          child instanceof FakeParagraph
            ? { get: () => child._heading, set: (h) => (child._heading = h) }
            : undefined,
      };
      spans.push(span);
      content.push(paragraphJson(span));
      at += rich.text.length + 1;
    } else if (child instanceof FakeHorizontalRule) {
      content.push({
        startIndex: at,
        endIndex: at + 2,
        paragraph: {
          elements: [
            { startIndex: at, endIndex: at + 1, horizontalRule: {} },
            { startIndex: at + 1, endIndex: at + 2, textRun: { content: '\n', textStyle: {} } },
          ],
          paragraphStyle: { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' },
        },
      });
      at += 2;
    } else if (child instanceof FakeTable) {
      const start = at;
      at += 1; // the table's start
      const tableRows: Json[] = [];
      for (const row of child._rows) {
        const rowStart = at;
        at += 1;
        const tableCells: Json[] = [];
        for (const cell of row._cells) {
          const cellStart = at;
          at += 1;
          const cellContent: Json[] = [];
          let offset = 0;
          for (const line of cell._rich.text.split('\n')) {
            const span: TextSpan = {
              start: at,
              length: line.length,
              bold: cell._rich.bold,
              link: cell._rich.link,
              offset,
              text: line,
              listItem: false,
            };
            spans.push(span);
            cellContent.push(paragraphJson(span));
            at += line.length + 1;
            offset += line.length + 1;
          }
          tableCells.push({
            startIndex: cellStart,
            endIndex: at,
            content: cellContent,
            tableCellStyle: {
              rowSpan: 1,
              columnSpan: 1,
              ...(cell._background
                ? { backgroundColor: { color: { rgbColor: rgb(cell._background) } } }
                : {}),
            },
          });
        }
        tableRows.push({ startIndex: rowStart, endIndex: at, tableCells });
      }
      at += 1; // the table's end
      tables.push({ table: child, start, end: at });
      content.push({
        startIndex: start,
        endIndex: at,
        table: {
          rows: child._rows.length,
          columns: child._columnWidths.length,
          tableRows,
          tableStyle: {
            tableColumnProperties: child._columnWidths.map((w) =>
              w === null
                ? { widthType: 'EVENLY_DISTRIBUTED' }
                : { widthType: 'FIXED_WIDTH', width: dimension(w) },
            ),
          },
        },
      });
    }
  }
  return { end: at, spans, tables, content };
}

function rgb(hex: string): Json {
  const n = (i: number) => Math.round((parseInt(hex.slice(i, i + 2), 16) / 255) * 1000) / 1000;
  return { red: n(1), green: n(3), blue: n(5) };
}

function hexOf(color: unknown): string | null {
  const c = (color as { color?: { rgbColor?: { red?: number; green?: number; blue?: number } } })?.color
    ?.rgbColor;
  if (!c) return null;
  const part = (v: number | undefined) =>
    Math.round(Math.min(1, Math.max(0, v ?? 0)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${part(c.red)}${part(c.green)}${part(c.blue)}`;
}

function fieldList(value: unknown): string[] | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  return value.split(',').map((f) => f.trim());
}

function points(value: unknown): number | undefined {
  const d = value as { magnitude?: unknown; unit?: unknown } | undefined;
  if (d === undefined) return undefined;
  if (d.unit !== 'PT' || typeof d.magnitude !== 'number') return NaN;
  return d.magnitude;
}

const PAGE_FIELDS: Readonly<Record<string, keyof PageModel>> = {
  marginTop: 'marginTop',
  marginBottom: 'marginBottom',
  marginLeft: 'marginLeft',
  marginRight: 'marginRight',
};

export class FakeDocsDocuments {
  readonly _counters: Counters;

  constructor(readonly _host: DocsHost) {
    this._counters = _host.counters;
  }

  _document(method: string, documentId: unknown): FakeDocument {
    const doc = this._host.docs._docs.get(String(documentId ?? ''));
    if (!doc || doc._deleted) apiError(this._host, method, 'Requested entity was not found.');
    if (doc._open) {
      apiError(
        this._host,
        method,
        'The test fake refuses to reach a document that DocumentApp has open with unsaved changes: call saveAndClose() first (Apps Script applies DocumentApp edits only then).',
      );
    }
    return doc;
  }

  get(documentId: unknown, optionalArgs?: unknown): Json {
    if (optionalArgs !== undefined && (optionalArgs as { fields?: unknown }).fields !== undefined) {
      apiError(this._host, 'get', 'The test fake does not model partial responses (fields).');
    }
    const doc = this._document('get', documentId);
    const { content } = layout(doc._body);
    const page = doc._body._page;
    return this._host.realm.copy({
      documentId: doc._id,
      title: doc._name,
      revisionId: `fake-${doc._saves}`,
      body: { content },
      documentStyle: {
        pageSize: { width: dimension(page.width), height: dimension(page.height) },
        marginTop: dimension(page.marginTop),
        marginBottom: dimension(page.marginBottom),
        marginLeft: dimension(page.marginLeft),
        marginRight: dimension(page.marginRight),
      },
    });
  }

  batchUpdate(resource: unknown, documentId: unknown): Json {
    const doc = this._document('batchUpdate', documentId);
    const requests = (resource as { requests?: unknown })?.requests;
    if (!Array.isArray(requests) || requests.length === 0) {
      apiError(
        this._host,
        'batchUpdate',
        "Invalid value at 'requests': the batch needs at least one request.",
      );
    }
    const body = doc._body;
    const laid = layout(body);
    // Every request is checked before any is applied: the API applies a batch atomically.
    const changes = requests.map((request, i) => this._plan(laid, body, request, `requests[${i}]`));
    for (const change of changes) change();
    return this._host.realm.copy({
      documentId: doc._id,
      replies: requests.map(() => ({})),
      writeControl: { requiredRevisionId: `fake-${doc._saves}` },
    });
  }

  _fail(where: string, message: string): never {
    return apiError(this._host, 'batchUpdate', `Invalid ${where}: ${message}`);
  }

  _range(laid: Layout, where: string, value: unknown): { start: number; end: number } {
    const r = value as { startIndex?: unknown; endIndex?: unknown; segmentId?: unknown } | undefined;
    if (!r || typeof r.startIndex !== 'number' || typeof r.endIndex !== 'number') {
      this._fail(where, 'The range needs a startIndex and an endIndex.');
    }
    if (r.segmentId !== undefined && r.segmentId !== '') this._fail(where, 'Only the body is modelled.');
    const { startIndex: start, endIndex: end } = r as { startIndex: number; endIndex: number };
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end <= start) {
      this._fail(where, `The range [${start}, ${end}) is empty or out of order.`);
    }
    if (end > laid.end) {
      this._fail(
        where,
        `Index ${end - 1} must be less than the end index of the referenced segment, ${laid.end}.`,
      );
    }
    return { start, end };
  }

  _table(laid: Layout, where: string, location: unknown): TableSpan {
    const index = (location as { index?: unknown } | undefined)?.index;
    const table = laid.tables.find((t) => t.start === index);
    if (!table) this._fail(where, `There is no table starting at index ${String(index)}.`);
    return table;
  }

  _plan(laid: Layout, body: FakeBody, request: unknown, where: string): () => void {
    const kinds = Object.keys((request ?? {}) as object);
    if (kinds.length !== 1) this._fail(where, 'Each request must hold exactly one kind of request.');
    const kind = kinds[0];
    const r = (request as Json)[kind] as Json;
    const at = `${where}.${kind}`;
    switch (kind) {
      case 'updateTextStyle': {
        const { start, end } = this._range(laid, at, r.range);
        const fields = fieldList(r.fields);
        if (!fields) this._fail(at, 'fields must name at least one field.');
        const style = (r.textStyle ?? {}) as { bold?: unknown; link?: { url?: unknown } | null };
        for (const f of fields)
          if (f !== 'bold' && f !== 'link') this._fail(at, `The fake models only bold and link, not "${f}".`);
        const url = style.link?.url;
        if (fields.includes('link') && style.link && (typeof url !== 'string' || url === '')) {
          this._fail(at, 'A link needs a url.');
        }
        return () => {
          for (const span of laid.spans) {
            for (let i = 0; i < span.length; i++) {
              const index = span.start + i;
              if (index < start || index >= end) continue;
              if (fields.includes('bold')) span.bold[span.offset + i] = style.bold === true;
              if (fields.includes('link')) span.link[span.offset + i] = typeof url === 'string' ? url : null;
            }
          }
        };
      }
      case 'updateParagraphStyle': {
        const { start, end } = this._range(laid, at, r.range);
        const fields = fieldList(r.fields);
        if (!fields || fields.some((f) => f !== 'namedStyleType'))
          this._fail(at, 'The fake models only fields "namedStyleType".');
        const named = String((r.paragraphStyle as { namedStyleType?: unknown } | undefined)?.namedStyleType);
        const heading = HEADING_OF.get(named);
        if (!heading) this._fail(at, `Unknown namedStyleType "${named}".`);
        const hit = laid.spans.filter((s) => s.start < end && s.start + s.length + 1 > start);
        if (hit.some((s) => !s.heading)) {
          this._fail(at, 'The fake sets named styles on body paragraphs only (not list items or cells).');
        }
        return () => {
          for (const span of hit) span.heading!.set(heading);
        };
      }
      case 'updateTableColumnProperties': {
        const table = this._table(laid, at, r.tableStartLocation);
        const fields = fieldList(r.fields);
        if (!fields || fields.some((f) => f !== 'width' && f !== 'widthType'))
          this._fail(at, 'The fake models only the fields "width" and "widthType".');
        const props = (r.tableColumnProperties ?? {}) as { widthType?: unknown; width?: unknown };
        const width = points(props.width);
        const columns = table.table._columnWidths.length;
        const indices = Array.isArray(r.columnIndices)
          ? (r.columnIndices as unknown[])
          : Array.from({ length: columns }, (_, i) => i);
        for (const c of indices) {
          if (!Number.isInteger(c) || (c as number) < 0 || (c as number) >= columns)
            this._fail(at, `Column index ${String(c)} is outside the table (${columns} columns).`);
        }
        if (props.widthType === 'FIXED_WIDTH') {
          if (width === undefined || Number.isNaN(width) || width < 5)
            this._fail(at, 'A fixed column width must be at least 5 points (5/72 inch).');
        } else if (props.widthType !== 'EVENLY_DISTRIBUTED') {
          this._fail(at, `Unknown widthType "${String(props.widthType)}".`);
        }
        return () => {
          for (const c of indices as number[])
            table.table._columnWidths[c] = props.widthType === 'FIXED_WIDTH' ? (width as number) : null;
        };
      }
      case 'updateTableCellStyle': {
        const fields = fieldList(r.fields);
        if (!fields || fields.some((f) => f !== 'backgroundColor'))
          this._fail(at, 'The fake models only the field "backgroundColor".');
        const range = r.tableRange as
          | {
              tableCellLocation?: { tableStartLocation?: unknown; rowIndex?: unknown; columnIndex?: unknown };
              rowSpan?: unknown;
              columnSpan?: unknown;
            }
          | undefined;
        const table = this._table(
          laid,
          at,
          range ? range.tableCellLocation?.tableStartLocation : r.tableStartLocation,
        );
        const rows = table.table._rows;
        const row0 = range ? Number(range.tableCellLocation?.rowIndex ?? 0) : 0;
        const col0 = range ? Number(range.tableCellLocation?.columnIndex ?? 0) : 0;
        const rowSpan = range ? Number(range.rowSpan) : rows.length;
        const colSpan = range ? Number(range.columnSpan) : (rows[0]?._cells.length ?? 0);
        const width = rows[0]?._cells.length ?? 0;
        if (
          ![row0, col0, rowSpan, colSpan].every(Number.isInteger) ||
          row0 < 0 ||
          col0 < 0 ||
          rowSpan < 1 ||
          colSpan < 1 ||
          row0 + rowSpan > rows.length ||
          col0 + colSpan > width
        ) {
          this._fail(at, 'The table range lies outside the table.');
        }
        const style = (r.tableCellStyle ?? {}) as { backgroundColor?: unknown };
        const color = hexOf(style.backgroundColor);
        return () => {
          for (let i = row0; i < row0 + rowSpan; i++)
            for (let j = col0; j < col0 + colSpan; j++) rows[i]._cells[j]._background = color;
        };
      }
      case 'updateDocumentStyle': {
        const fields = fieldList(r.fields);
        if (!fields) this._fail(at, 'fields must name at least one field.');
        const style = (r.documentStyle ?? {}) as Json;
        const updates: [keyof PageModel, number][] = [];
        for (const f of fields) {
          if (f === 'pageSize') {
            const size = (style.pageSize ?? {}) as { width?: unknown; height?: unknown };
            const w = points(size.width);
            const h = points(size.height);
            if (w === undefined || h === undefined || Number.isNaN(w) || Number.isNaN(h) || w <= 0 || h <= 0)
              this._fail(at, 'pageSize needs a width and a height in points.');
            updates.push(['width', w], ['height', h]);
          } else if (f in PAGE_FIELDS) {
            const m = points(style[f]);
            if (m === undefined || Number.isNaN(m) || m < 0) this._fail(at, `${f} needs a value in points.`);
            updates.push([PAGE_FIELDS[f], m]);
          } else {
            this._fail(at, `The fake models only pageSize and the margins, not "${f}".`);
          }
        }
        return () => {
          for (const [field, value] of updates) body._page[field] = value;
        };
      }
      default:
        return this._fail(where, `Unknown or unmodelled request "${kind}".`);
    }
  }
}
instrument(FakeDocsDocuments, 'Docs.Documents');

/** runtime.docsApi: the Advanced Docs service the bundle sees as `Docs`. */
export interface DocsApiRecorder {
  readonly service: { Documents: FakeDocsDocuments };
  /** Docs API calls since the runtime's counters were last reset. */
  calls(): number;
}

export function createDocsApi(counters: Counters, realm: Realm, docs: FakeDocumentApp): DocsApiRecorder {
  const documents = new FakeDocsDocuments({ counters, realm, docs });
  return {
    service: { Documents: documents },
    calls: () => counters.sum((key) => key.startsWith('Docs.')),
  };
}
