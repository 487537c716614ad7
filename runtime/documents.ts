/**
 * DocumentApp fake: documents made of paragraphs (with headings), list items, horizontal rules and tables, whose
 * text carries per-character bold and link attributes, as the real service models them. Written against
 * @types/google-apps-script; every public method counts as "Class.method" in the runtime's counters. Offsets are
 * checked like the real service (end offsets are inclusive and must lie inside the text), so an off-by-one in
 * the add-on fails here as it would in Google Docs.
 *
 * Each document has Drive parents (its creator's My Drive root when created), which the Advanced Drive service
 * fake (drive.ts) reads and moves; there is no DriveApp fake (Scorecard does not use DriveApp: see
 * src/docs/folder.ts).
 *
 * Owners and sharing: a document belongs to the account that created it and only its owner, editors and
 * viewers can open it. Anyone else gets "Document <id> is missing (perhaps it was deleted, or you don't have
 * read access?)", the message Apps Script gives for a document that was deleted or was never shared with the
 * user (the same sentence covers both). A viewer can open it but not change it ("Access denied: DocumentApp.").
 * Document.addEditor / addViewer share it, as documented ("Adds the given user to the list of editors for the
 * Document. If the user was already on the list of viewers, this method promotes the user out of the list of
 * viewers."); they need only the documents scope ("Scripts that use this method require authorization with …
 * https://www.googleapis.com/auth/documents.currentonly, https://www.googleapis.com/auth/documents",
 * https://developers.google.com/apps-script/reference/document/document#addEditor(String)). Only the owner or an
 * editor may share. An address that is not an email fails with "Invalid argument: email"; a test can make
 * sharing with an address fail as a domain policy would (`refuseSharingWith`).
 *
 * Page size and margins (Body.setPageWidth…, in points), table column widths and cell backgrounds are recorded,
 * and the Advanced Docs service fake (docs-api.ts) reads and styles the same documents.
 */
import type { Api } from './api';
import { Counters, instrument } from './counters';
import type { Realm } from './realm';
import { FakeUser } from './spreadsheet';

/** The id of the user's My Drive root folder, where DocumentApp.create puts new documents. */
export const MY_DRIVE_ROOT_ID = '0AFakeMyDriveRoot_Uk9PVA';

export const ParagraphHeading = {
  NORMAL: 'NORMAL',
  HEADING1: 'HEADING1',
  HEADING2: 'HEADING2',
  HEADING3: 'HEADING3',
  HEADING4: 'HEADING4',
  HEADING5: 'HEADING5',
  HEADING6: 'HEADING6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
} as const;
export type HeadingName = keyof typeof ParagraphHeading;

export const ElementType = {
  BODY_SECTION: 'BODY_SECTION',
  PARAGRAPH: 'PARAGRAPH',
  LIST_ITEM: 'LIST_ITEM',
  TABLE: 'TABLE',
  TABLE_ROW: 'TABLE_ROW',
  TABLE_CELL: 'TABLE_CELL',
  HORIZONTAL_RULE: 'HORIZONTAL_RULE',
  TEXT: 'TEXT',
} as const;

export const GlyphType = {
  BULLET: 'BULLET',
  HOLLOW_BULLET: 'HOLLOW_BULLET',
  SQUARE_BULLET: 'SQUARE_BULLET',
  NUMBER: 'NUMBER',
} as const;

/** Classes whose calls are Docs service calls (for documents.calls()). */
const DOCUMENT_CLASSES = [
  'DocumentApp',
  'Document',
  'Body',
  'Paragraph',
  'ListItem',
  'HorizontalRule',
  'Table',
  'TableRow',
  'TableCell',
  'Text',
  'Docs',
];
const DOCUMENT_CALL = new RegExp(`^(${DOCUMENT_CLASSES.join('|')})\\.`);

export function isDocumentCall(key: string): boolean {
  return DOCUMENT_CALL.test(key);
}

interface DocsHost {
  counters: Counters;
  realm: Realm;
  /** The account of the running execution; undefined outside one (test code sees everything). */
  account(): string | undefined;
  /** Set on the host of one document's elements: throws unless the running account may edit it. */
  checkEdit?(): void;
}

/** Throws unless the running account may change the document these elements belong to. */
function edit(host: DocsHost): void {
  host.checkEdit?.();
}

function fail(host: DocsHost, message: string): never {
  throw host.realm.error(message);
}

/** A run of characters with their attributes: the unit paragraphs, list items and cells hold. */
class RichText {
  text = '';
  bold: boolean[] = [];
  link: (string | null)[] = [];

  set(text: string): void {
    this.text = text;
    this.bold = new Array(text.length).fill(false);
    this.link = new Array(text.length).fill(null);
  }

  append(text: string): void {
    this.text += text;
    this.bold.push(...new Array<boolean>(text.length).fill(false));
    this.link.push(...new Array<string | null>(text.length).fill(null));
  }
}

export interface TextRange {
  start: number;
  /** Inclusive, as in the Docs API. */
  end: number;
}

export interface LinkRange extends TextRange {
  url: string;
}

function ranges(flags: readonly boolean[]): TextRange[] {
  const out: TextRange[] = [];
  flags.forEach((on, i) => {
    if (!on) return;
    const last = out[out.length - 1];
    if (last && last.end === i - 1) last.end = i;
    else out.push({ start: i, end: i });
  });
  return out;
}

function linkRanges(links: readonly (string | null)[]): LinkRange[] {
  const out: LinkRange[] = [];
  links.forEach((url, i) => {
    if (url === null) return;
    const last = out[out.length - 1];
    if (last && last.end === i - 1 && last.url === url) last.end = i;
    else out.push({ start: i, end: i, url });
  });
  return out;
}

/** The structured model tests and the preview read. */
export interface DocTextModel {
  text: string;
  bold: TextRange[];
  links: LinkRange[];
}
export type DocBlockModel =
  | ({ type: 'paragraph'; heading: HeadingName } & DocTextModel)
  | ({ type: 'listItem' } & DocTextModel)
  | { type: 'horizontalRule' }
  | {
      type: 'table';
      rows: DocTextModel[][];
      /** Per column: the width set in points, or null (Docs shares the text width equally). */
      columnWidths: (number | null)[];
      /** Per cell: the background colour ("#rrggbb"), or null. */
      backgrounds: (string | null)[][];
    };

/** Page size and margins in points. */
export interface PageModel {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

/**
 * What a new Google Doc starts with: US Letter with 1-inch margins (Docs picks the default paper from the user's
 * locale; the fake always starts on Letter, so a document that should be A4 must say so).
 */
export const DEFAULT_PAGE: Readonly<PageModel> = {
  width: 612,
  height: 792,
  marginTop: 72,
  marginBottom: 72,
  marginLeft: 72,
  marginRight: 72,
};

export interface DocModel {
  id: string;
  name: string;
  url: string;
  page: PageModel;
  blocks: DocBlockModel[];
}

function textModel(rich: RichText): DocTextModel {
  return { text: rich.text, bold: ranges(rich.bold), links: linkRanges(rich.link) };
}

// ---------------------------------------------------------------------------------------------------------
// Text: an editable view over one or several rich-text holders (a row's cells are joined with "\n").

/** Checked against @types/google-apps-script (api.ts) except: isBold (returns null for mixed text, as the reference says (the typings say boolean)); getLinkUrl (returns null where there is no link (the typings say string)); getType (ElementType is an enum; the fake uses its names). */
export class FakeText implements Api<
  GoogleAppsScript.Document.Text,
  'appendText' | 'getText' | 'setBold' | 'setLinkUrl' | 'setText'
> {
  readonly _counters: Counters;

  constructor(
    readonly _host: DocsHost,
    readonly _parts: RichText[],
  ) {
    this._counters = _host.counters;
  }

  private _joined(): string {
    return this._parts.map((p) => p.text).join('\n');
  }

  /** Calls fn for each character offset in [start, end] that is not a separator between parts. */
  private _each(start: number, end: number, fn: (part: RichText, index: number) => void): void {
    const length = this._joined().length;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
      fail(this._host, `Exception: Invalid offsets: start ${start}, end ${end}.`);
    }
    if (end >= length) {
      fail(this._host, `Exception: Index (${end}) must be less than the content length (${length}).`);
    }
    let base = 0;
    for (const part of this._parts) {
      for (let i = Math.max(start - base, 0); i <= Math.min(end - base, part.text.length - 1); i++)
        fn(part, i);
      base += part.text.length + 1;
    }
  }

  getText(): string {
    return this._joined();
  }

  setText(text: string): FakeText {
    edit(this._host);
    this._parts[0].set(String(text));
    for (const part of this._parts.slice(1)) part.set('');
    return this;
  }

  appendText(text: string): FakeText {
    edit(this._host);
    this._parts[this._parts.length - 1].append(String(text));
    return this;
  }

  setBold(a: number | boolean, b?: number, c?: boolean): FakeText {
    edit(this._host);
    if (typeof a === 'boolean') {
      for (const part of this._parts) part.bold.fill(a);
    } else {
      const bold = Boolean(c);
      this._each(a, b as number, (part, i) => (part.bold[i] = bold));
    }
    return this;
  }

  isBold(offset?: number | null): boolean | null {
    const flags = this._parts.flatMap((p) => p.bold);
    if (offset === undefined || offset === null)
      return flags.length > 0 && flags.every(Boolean) ? true : flags.some(Boolean) ? null : false;
    let base = 0;
    for (const part of this._parts) {
      if (offset < base + part.text.length) return part.bold[offset - base];
      base += part.text.length + 1;
    }
    return fail(this._host, `Exception: Index (${offset}) must be less than the content length.`);
  }

  setLinkUrl(a: number | string | null, b?: number, c?: string | null): FakeText {
    edit(this._host);
    if (typeof a !== 'number') {
      for (const part of this._parts) part.link.fill(a);
    } else {
      const url = c ?? null;
      this._each(a, b as number, (part, i) => (part.link[i] = url));
    }
    return this;
  }

  getLinkUrl(offset: number | null = 0): string | null {
    offset ??= 0;
    let base = 0;
    for (const part of this._parts) {
      if (offset < base + part.text.length) return part.link[offset - base];
      base += part.text.length + 1;
    }
    return null;
  }

  getType(): string {
    return ElementType.TEXT;
  }
}
instrument(FakeText, 'Text');

// ---------------------------------------------------------------------------------------------------------
// Elements

abstract class FakeElement {
  readonly _counters: Counters;
  _parent: FakeBody | null = null;

  constructor(readonly _host: DocsHost) {
    this._counters = _host.counters;
  }

  _detach(): void {
    if (!this._parent) fail(this._host, 'Exception: Element does not have a parent.');
    const children = this._parent._children;
    children.splice(children.indexOf(this as unknown as BodyChild), 1);
    this._parent = null;
  }
}

abstract class FakeTextElement extends FakeElement {
  readonly _rich = new RichText();

  _textView(): FakeText {
    return new FakeText(this._host, [this._rich]);
  }
}

/** Checked against @types/google-apps-script (api.ts) except: getType (enum); appendText (the fake takes text only, not a Text element (the last overload)); setHeading (ParagraphHeading enum); getHeading (ParagraphHeading enum). */
export class FakeParagraph
  extends FakeTextElement
  implements
    Api<
      GoogleAppsScript.Document.Paragraph,
      'editAsText' | 'getText' | 'removeFromParent' | 'setLinkUrl' | 'setText'
    >
{
  _heading: HeadingName = 'NORMAL';

  getType(): string {
    return ElementType.PARAGRAPH;
  }

  getText(): string {
    return this._rich.text;
  }

  setText(text: string): FakeParagraph {
    edit(this._host);
    this._rich.set(String(text));
    return this;
  }

  appendText(text: string): FakeText {
    edit(this._host);
    this._rich.append(String(text));
    return this._textView();
  }

  editAsText(): FakeText {
    return this._textView();
  }

  asText(): FakeText {
    return this._textView();
  }

  asParagraph(): FakeParagraph {
    return this;
  }

  setHeading(heading: string): FakeParagraph {
    edit(this._host);
    if (!(heading in ParagraphHeading)) fail(this._host, `Exception: Invalid argument: heading (${heading})`);
    this._heading = heading as HeadingName;
    return this;
  }

  getHeading(): string {
    return this._heading;
  }

  setLinkUrl(url: string | null): FakeParagraph {
    edit(this._host);
    this._rich.link.fill(url);
    return this;
  }

  removeFromParent(): FakeParagraph {
    edit(this._host);
    this._detach();
    return this;
  }
}
instrument(FakeParagraph, 'Paragraph');

/** Checked against @types/google-apps-script (api.ts) except: getType (enum); appendText (text only); setGlyphType (GlyphType enum); getGlyphType (GlyphType enum). */
export class FakeListItem
  extends FakeTextElement
  implements
    Api<GoogleAppsScript.Document.ListItem, 'editAsText' | 'getText' | 'removeFromParent' | 'setText'>
{
  _glyph = 'BULLET';

  getType(): string {
    return ElementType.LIST_ITEM;
  }

  getText(): string {
    return this._rich.text;
  }

  setText(text: string): FakeListItem {
    edit(this._host);
    this._rich.set(String(text));
    return this;
  }

  appendText(text: string): FakeText {
    edit(this._host);
    this._rich.append(String(text));
    return this._textView();
  }

  editAsText(): FakeText {
    return this._textView();
  }

  asText(): FakeText {
    return this._textView();
  }

  asListItem(): FakeListItem {
    return this;
  }

  setGlyphType(glyph: string): FakeListItem {
    edit(this._host);
    this._glyph = glyph;
    return this;
  }

  getGlyphType(): string {
    return this._glyph;
  }

  removeFromParent(): FakeListItem {
    edit(this._host);
    this._detach();
    return this;
  }
}
instrument(FakeListItem, 'ListItem');

/** Checked against @types/google-apps-script (api.ts) except: getType (enum). */
export class FakeHorizontalRule
  extends FakeElement
  implements Api<GoogleAppsScript.Document.HorizontalRule, 'removeFromParent'>
{
  getType(): string {
    return ElementType.HORIZONTAL_RULE;
  }

  removeFromParent(): FakeHorizontalRule {
    edit(this._host);
    this._detach();
    return this;
  }
}
instrument(FakeHorizontalRule, 'HorizontalRule');

/** Checked against @types/google-apps-script (api.ts) except: getType (enum). */
export class FakeTableCell implements Api<
  GoogleAppsScript.Document.TableCell,
  'editAsText' | 'getText' | 'setBackgroundColor' | 'setText'
> {
  readonly _counters: Counters;
  readonly _rich = new RichText();
  _background: string | null = null;

  constructor(readonly _host: DocsHost) {
    this._counters = _host.counters;
  }

  getType(): string {
    return ElementType.TABLE_CELL;
  }

  getText(): string {
    return this._rich.text;
  }

  setText(text: string): FakeTableCell {
    edit(this._host);
    this._rich.set(String(text));
    return this;
  }

  editAsText(): FakeText {
    return new FakeText(this._host, [this._rich]);
  }

  setBackgroundColor(color: string | null): FakeTableCell {
    edit(this._host);
    if (color !== null && !/^#[0-9a-f]{6}$/i.test(String(color))) {
      fail(this._host, `Exception: Invalid argument: color (${String(color)})`);
    }
    this._background = color === null ? null : String(color).toLowerCase();
    return this;
  }

  getBackgroundColor(): string | null {
    return this._background;
  }
}
instrument(FakeTableCell, 'TableCell');

/** Checked against @types/google-apps-script (api.ts) except: getType (enum). */
export class FakeTableRow implements Api<
  GoogleAppsScript.Document.TableRow,
  'editAsText' | 'getCell' | 'getNumCells' | 'getText'
> {
  readonly _counters: Counters;

  constructor(
    readonly _host: DocsHost,
    readonly _cells: FakeTableCell[],
  ) {
    this._counters = _host.counters;
  }

  getType(): string {
    return ElementType.TABLE_ROW;
  }

  getNumCells(): number {
    return this._cells.length;
  }

  getCell(index: number): FakeTableCell {
    const cell = this._cells[index];
    if (!cell)
      fail(
        this._host,
        `Exception: Child index (${index}) must be less than the number of child elements (${this._cells.length}).`,
      );
    return cell;
  }

  getText(): string {
    return this._cells.map((c) => c._rich.text).join('\n');
  }

  editAsText(): FakeText {
    return new FakeText(
      this._host,
      this._cells.map((c) => c._rich),
    );
  }
}
instrument(FakeTableRow, 'TableRow');

/** Checked against @types/google-apps-script (api.ts) except: getType (enum). */
export class FakeTable
  extends FakeElement
  implements
    Api<
      GoogleAppsScript.Document.Table,
      | 'editAsText'
      | 'getBorderWidth'
      | 'getCell'
      | 'getNumRows'
      | 'getRow'
      | 'getText'
      | 'removeFromParent'
      | 'setBorderWidth'
    >
{
  readonly _rows: FakeTableRow[];
  _borderWidth = 1;
  /** Per column: a width in points, or null for Docs' even share. */
  _columnWidths: (number | null)[];

  constructor(host: DocsHost, cells: string[][]) {
    super(host);
    this._rows = cells.map(
      (line) =>
        new FakeTableRow(
          host,
          line.map((text) => {
            const cell = new FakeTableCell(host);
            cell._rich.set(String(text));
            return cell;
          }),
        ),
    );
    this._columnWidths = new Array<number | null>(cells[0]?.length ?? 0).fill(null);
  }

  /** Docs refuses widths under 5 points (the Docs API says so; DocumentApp passes the value on). */
  _setColumnWidth(column: number, width: number, fail: (message: string) => never): void {
    if (!Number.isInteger(column) || column < 0 || column >= this._columnWidths.length) {
      fail(
        `Column index (${column}) must be less than the number of columns (${this._columnWidths.length}).`,
      );
    }
    if (typeof width !== 'number' || !Number.isFinite(width) || width < 5) {
      fail(`The column width must be at least 5 points (got ${String(width)}).`);
    }
    this._columnWidths[column] = width;
  }

  getType(): string {
    return ElementType.TABLE;
  }

  asTable(): FakeTable {
    return this;
  }

  getNumRows(): number {
    return this._rows.length;
  }

  getRow(index: number): FakeTableRow {
    const row = this._rows[index];
    if (!row)
      fail(
        this._host,
        `Exception: Child index (${index}) must be less than the number of child elements (${this._rows.length}).`,
      );
    return row;
  }

  getCell(rowIndex: number, cellIndex: number): FakeTableCell {
    const cell = this._rows[rowIndex]?._cells[cellIndex];
    if (!cell) fail(this._host, `Exception: Child index (${rowIndex}, ${cellIndex}) is outside the table.`);
    return cell;
  }

  getText(): string {
    return this._rows.map((r) => r._cells.map((c) => c._rich.text).join('\n')).join('\n');
  }

  editAsText(): FakeText {
    return new FakeText(
      this._host,
      this._rows.flatMap((r) => r._cells.map((c) => c._rich)),
    );
  }

  setBorderWidth(width: number): FakeTable {
    edit(this._host);
    this._borderWidth = width;
    return this;
  }

  setColumnWidth(columnIndex: number, width: number): FakeTable {
    this._setColumnWidth(columnIndex, width, (m) => fail(this._host, `Exception: ${m}`));
    return this;
  }

  getColumnWidth(columnIndex: number): number | null {
    if (!Number.isInteger(columnIndex) || columnIndex < 0 || columnIndex >= this._columnWidths.length) {
      fail(this._host, `Exception: Child index (${columnIndex}) must be less than the number of columns.`);
    }
    return this._columnWidths[columnIndex];
  }

  getBorderWidth(): number {
    return this._borderWidth;
  }

  removeFromParent(): FakeTable {
    edit(this._host);
    this._detach();
    return this;
  }
}
instrument(FakeTable, 'Table');

type BodyChild = FakeParagraph | FakeListItem | FakeHorizontalRule | FakeTable;

type PageField = keyof PageModel;

/** Checked against @types/google-apps-script (api.ts) except: getType (enum). */
export class FakeBody implements Api<
  GoogleAppsScript.Document.Body,
  | 'appendHorizontalRule'
  | 'appendListItem'
  | 'appendParagraph'
  | 'appendTable'
  | 'clear'
  | 'editAsText'
  | 'getChild'
  | 'getNumChildren'
  | 'getParagraphs'
  | 'getTables'
  | 'getText'
  | 'replaceText'
  | 'setPageWidth'
  | 'setPageHeight'
  | 'setMarginTop'
  | 'setMarginBottom'
  | 'setMarginLeft'
  | 'setMarginRight'
  | 'getPageWidth'
  | 'getPageHeight'
  | 'getMarginTop'
  | 'getMarginBottom'
  | 'getMarginLeft'
  | 'getMarginRight'
> {
  readonly _counters: Counters;
  _children: BodyChild[] = [];
  /** The document's page, in points (Body.setPageWidth and the Docs API's documentStyle set it). */
  _page: PageModel = { ...DEFAULT_PAGE };

  constructor(readonly _host: DocsHost) {
    this._counters = _host.counters;
    this._reset();
  }

  /** A new or cleared body holds one empty paragraph, as in Google Docs. */
  _reset(): void {
    for (const child of this._children) child._parent = null;
    this._children = [];
    this._add(new FakeParagraph(this._host));
  }

  _add<T extends BodyChild>(child: T): T {
    child._parent = this;
    this._children.push(child);
    return child;
  }

  _setPage(field: PageField, value: unknown): FakeBody {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      fail(this._host, `Exception: Invalid argument: ${field} (${String(value)})`);
    }
    this._page[field] = value;
    return this;
  }

  getType(): string {
    return ElementType.BODY_SECTION;
  }

  setPageWidth(pageWidth: number): FakeBody {
    return this._setPage('width', pageWidth);
  }

  setPageHeight(pageHeight: number): FakeBody {
    return this._setPage('height', pageHeight);
  }

  setMarginTop(marginTop: number): FakeBody {
    return this._setPage('marginTop', marginTop);
  }

  setMarginBottom(marginBottom: number): FakeBody {
    return this._setPage('marginBottom', marginBottom);
  }

  setMarginLeft(marginLeft: number): FakeBody {
    return this._setPage('marginLeft', marginLeft);
  }

  setMarginRight(marginRight: number): FakeBody {
    return this._setPage('marginRight', marginRight);
  }

  getPageWidth(): number {
    return this._page.width;
  }

  getPageHeight(): number {
    return this._page.height;
  }

  getMarginTop(): number {
    return this._page.marginTop;
  }

  getMarginBottom(): number {
    return this._page.marginBottom;
  }

  getMarginLeft(): number {
    return this._page.marginLeft;
  }

  getMarginRight(): number {
    return this._page.marginRight;
  }

  appendParagraph(text: string): FakeParagraph {
    edit(this._host);
    if (typeof text !== 'string') fail(this._host, 'Exception: Invalid argument: text');
    const p = new FakeParagraph(this._host);
    p._rich.set(text);
    return this._add(p);
  }

  appendListItem(text: string): FakeListItem {
    edit(this._host);
    if (typeof text !== 'string') fail(this._host, 'Exception: Invalid argument: text');
    const item = new FakeListItem(this._host);
    item._rich.set(text);
    return this._add(item);
  }

  appendHorizontalRule(): FakeHorizontalRule {
    edit(this._host);
    return this._add(new FakeHorizontalRule(this._host));
  }

  appendTable(cells?: unknown): FakeTable {
    edit(this._host);
    const grid = cells === undefined ? [['']] : cells;
    if (!Array.isArray(grid) || grid.length === 0 || grid.some((r) => !Array.isArray(r) || r.length === 0)) {
      fail(this._host, 'Exception: Invalid argument: cells');
    }
    const width = (grid[0] as unknown[]).length;
    if ((grid as unknown[][]).some((r) => r.length !== width)) {
      fail(this._host, 'Exception: All rows of a table must have the same number of cells.');
    }
    for (const row of grid as unknown[][]) {
      if (row.some((c) => typeof c !== 'string'))
        fail(this._host, 'Exception: Invalid argument: cells must be strings');
    }
    return this._add(new FakeTable(this._host, grid as string[][]));
  }

  getNumChildren(): number {
    return this._children.length;
  }

  getChild(index: number): BodyChild {
    const child = this._children[index];
    if (!child)
      fail(
        this._host,
        `Exception: Child index (${index}) must be less than the number of child elements (${this._children.length}).`,
      );
    return child;
  }

  getParagraphs(): FakeParagraph[] {
    return this._host.realm.copy(
      this._children.filter((c): c is FakeParagraph => c instanceof FakeParagraph),
    );
  }

  getTables(): FakeTable[] {
    return this._host.realm.copy(this._children.filter((c): c is FakeTable => c instanceof FakeTable));
  }

  getText(): string {
    return this._children
      .map((c) =>
        c instanceof FakeTable
          ? c._rows.map((r) => r._cells.map((cell) => cell._rich.text).join('\n')).join('\n')
          : c instanceof FakeHorizontalRule
            ? ''
            : c._rich.text,
      )
      .join('\n');
  }

  editAsText(): FakeText {
    return new FakeText(
      this._host,
      this._children.flatMap((c) =>
        c instanceof FakeTable
          ? c._rows.flatMap((r) => r._cells.map((cell) => cell._rich))
          : c instanceof FakeHorizontalRule
            ? []
            : [c._rich],
      ),
    );
  }

  clear(): FakeBody {
    edit(this._host);
    this._reset();
    return this;
  }

  replaceText(): never {
    // Scorecard never calls replaceText (it builds documents from a model); fail loudly if that changes.
    return fail(
      this._host,
      'Exception: replaceText is not supported by the test fake: build documents from the model.',
    );
  }
}
instrument(FakeBody, 'Body');

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export type DocumentAccess = 'owner' | 'editor' | 'viewer';

/** What the runtime shares between the DocumentApp fake and the recorder (not the script's). */
export interface SharingPolicy {
  /** Addresses sharing is refused for (lower case), with the message Docs gives. */
  readonly refused: Map<string, string>;
}

export class FakeDocument implements Api<
  GoogleAppsScript.Document.Document,
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getUrl'
  | 'getBody'
  | 'saveAndClose'
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'removeEditor'
  | 'removeViewer'
  | 'getEditors'
  | 'getViewers'
> {
  readonly _counters: Counters;
  readonly _body: FakeBody;
  _deleted = false;
  _saves = 0;
  /**
   * Open through DocumentApp in this script and not yet saved: Apps Script holds DocumentApp's changes until
   * saveAndClose() (or the end of the execution), so the Docs API would not see them yet.
   */
  _open = false;
  /** Drive parents: the owner's My Drive root until the add-on moves the document. */
  _parents: string[] = [MY_DRIVE_ROOT_ID];
  readonly _editors = new Set<string>();
  readonly _viewers = new Set<string>();
  /** Accounts whose drive.file token sees this file: the one whose app created it. */
  readonly _appUsers = new Set<string>();
  /** The host of this document's elements: edits are checked against the running account's access. */
  readonly _docHost: DocsHost;

  constructor(
    readonly _host: DocsHost,
    readonly _id: string,
    public _name: string,
    readonly _owner: string,
    private readonly _policy: SharingPolicy,
  ) {
    this._counters = _host.counters;
    this._docHost = { ...(_host as DocsHost), checkEdit: () => this._checkEdit() };
    this._body = new FakeBody(this._docHost);
    this._appUsers.add(_owner);
  }

  /** The access an account has (test code outside an execution is treated as the owner). */
  _access(account: string | undefined): DocumentAccess | null {
    if (account === undefined || account === this._owner) return 'owner';
    if (this._editors.has(account)) return 'editor';
    if (this._viewers.has(account)) return 'viewer';
    return null;
  }

  _checkEdit(): void {
    const access = this._access(this._host.account());
    if (access !== 'owner' && access !== 'editor') fail(this._host, 'Exception: Access denied: DocumentApp.');
  }

  private _share(list: 'editor' | 'viewer', user: unknown): void {
    this._checkEdit();
    const raw = typeof user === 'string' ? user : (user as { getEmail?: () => string })?.getEmail?.();
    const email = String(raw ?? '');
    if (!EMAIL.test(email)) fail(this._host, 'Exception: Invalid argument: email');
    const account = email.toLowerCase();
    const refused = this._policy.refused.get(account);
    if (refused !== undefined) fail(this._host, refused);
    if (account === this._owner) return;
    if (list === 'editor') {
      this._viewers.delete(account);
      this._editors.add(account);
    } else if (!this._editors.has(account)) this._viewers.add(account);
  }

  private _users(accounts: Iterable<string>): FakeUser[] {
    return this._host.realm.copy([...accounts].map((a) => new FakeUser(this._counters, a)));
  }

  getId(): string {
    return this._id;
  }

  getName(): string {
    return this._name;
  }

  setName(name: string): FakeDocument {
    this._checkEdit();
    if (typeof name !== 'string' || name.trim() === '') fail(this._host, 'Exception: Invalid argument: name');
    this._name = name;
    return this;
  }

  getUrl(): string {
    return this._url();
  }

  _url(): string {
    return `https://docs.google.com/document/d/${this._id}/edit`;
  }

  getBody(): FakeBody {
    return this._body;
  }

  saveAndClose(): void {
    this._saves++;
    this._open = false;
  }

  addEditor(user: string | FakeUser): FakeDocument {
    this._share('editor', user);
    return this;
  }

  addEditors(emailAddresses: string[]): FakeDocument {
    for (const email of emailAddresses) this._share('editor', email);
    return this;
  }

  addViewer(user: string | FakeUser): FakeDocument {
    this._share('viewer', user);
    return this;
  }

  addViewers(emailAddresses: string[]): FakeDocument {
    for (const email of emailAddresses) this._share('viewer', email);
    return this;
  }

  removeEditor(user: string | FakeUser): FakeDocument {
    this._checkEdit();
    const email = typeof user === 'string' ? user : user.getEmail();
    this._editors.delete(String(email).toLowerCase());
    return this;
  }

  removeViewer(user: string | FakeUser): FakeDocument {
    this._checkEdit();
    const email = typeof user === 'string' ? user : user.getEmail();
    this._viewers.delete(String(email).toLowerCase());
    return this;
  }

  getEditors(): FakeUser[] {
    return this._users(this._editors);
  }

  getViewers(): FakeUser[] {
    return this._users(this._viewers);
  }
}
instrument(FakeDocument, 'Document');

export class FakeDocumentApp implements Api<
  GoogleAppsScript.Document.DocumentApp,
  'create' | 'openById' | 'openByUrl'
> {
  readonly _counters: Counters;
  readonly ParagraphHeading = ParagraphHeading;
  readonly ElementType = ElementType;
  readonly GlyphType = GlyphType;
  readonly _docs = new Map<string, FakeDocument>();
  private _next = 1;
  /** A folder's name by id, for documents.list() (the Drive fake replaces this). */
  _folderName: (id: string) => string | undefined = (id) =>
    id === MY_DRIVE_ROOT_ID ? 'My Drive' : undefined;
  readonly _policy: SharingPolicy = { refused: new Map() };

  constructor(
    readonly _host: DocsHost,
    /** Who owns what test code creates outside an execution. */
    private readonly _defaultOwner: () => string,
  ) {
    this._counters = _host.counters;
  }

  create(name: string): FakeDocument {
    if (typeof name !== 'string' || name.trim() === '') fail(this._host, 'Exception: Invalid argument: name');
    const id = `1FakeDoc${String(this._next++).padStart(4, '0')}_${'x'.repeat(30)}`;
    const owner = this._host.account() ?? this._defaultOwner();
    const doc = new FakeDocument(this._host, id, name, owner, this._policy);
    doc._open = true;
    this._docs.set(id, doc);
    return doc;
  }

  openById(id: string): FakeDocument {
    const doc = this._docs.get(String(id));
    if (!doc || doc._deleted || doc._access(this._host.account()) === null) {
      fail(
        this._host,
        `Exception: Document ${String(id)} is missing (perhaps it was deleted, or you don't have read access?)`,
      );
    }
    doc._open = true;
    return doc;
  }

  openByUrl(url: string): FakeDocument {
    const match = /\/document\/d\/([^/]+)/.exec(String(url));
    return this.openById(match ? match[1] : '');
  }
}
instrument(FakeDocumentApp, 'DocumentApp');

// ---------------------------------------------------------------------------------------------------------
// What tests and the preview read (no counters)

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only web links become anchors; anything else is shown as text. */
function safeHref(url: string): string | null {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? escapeHtml(url) : null;
}

function textHtml(model: DocTextModel): string {
  const { text } = model;
  const bold = new Array<boolean>(text.length).fill(false);
  const link = new Array<string | null>(text.length).fill(null);
  for (const r of model.bold) for (let i = r.start; i <= r.end; i++) bold[i] = true;
  for (const r of model.links) for (let i = r.start; i <= r.end; i++) link[i] = r.url;
  let out = '';
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && bold[j] === bold[i] && link[j] === link[i]) j++;
    let piece = escapeHtml(text.slice(i, j)).replace(/\n/g, '<br>');
    if (bold[i]) piece = `<strong>${piece}</strong>`;
    const href = link[i] === null ? null : safeHref(link[i] as string);
    if (href) piece = `<a href="${href}" rel="noopener noreferrer" target="_blank">${piece}</a>`;
    out += piece;
    i = j;
  }
  // A line break that ends a block draws no line in HTML, but an empty last line in Docs is a line to write on.
  return text.endsWith('\n') ? `${out}<br>` : out;
}

const HEADING_TAG: Partial<Record<HeadingName, string>> = {
  TITLE: 'h1',
  HEADING1: 'h2',
  HEADING2: 'h3',
  HEADING3: 'h4',
  SUBTITLE: 'h2',
};

export function documentModel(doc: FakeDocument): DocModel {
  const blocks: DocBlockModel[] = doc._body._children.map((child): DocBlockModel => {
    if (child instanceof FakeParagraph)
      return { type: 'paragraph', heading: child._heading, ...textModel(child._rich) };
    if (child instanceof FakeListItem) return { type: 'listItem', ...textModel(child._rich) };
    if (child instanceof FakeTable)
      return {
        type: 'table',
        rows: child._rows.map((r) => r._cells.map((c) => textModel(c._rich))),
        columnWidths: [...child._columnWidths],
        backgrounds: child._rows.map((r) => r._cells.map((c) => c._background)),
      };
    return { type: 'horizontalRule' };
  });
  return { id: doc._id, name: doc._name, url: doc._url(), page: { ...doc._body._page }, blocks };
}

/**
 * An HTML fragment of the document: h1–h4, p, ul/li, table (with col widths in points and cell backgrounds),
 * strong, a, hr; all text escaped. The page itself (size and margins, model.page) is the caller's to draw.
 */
export function documentHtml(model: DocModel): string {
  const out: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length > 0) out.push(`<ul>${list.join('')}</ul>`);
    list = [];
  };
  for (const block of model.blocks) {
    if (block.type === 'listItem') {
      list.push(`<li>${textHtml(block)}</li>`);
      continue;
    }
    flush();
    if (block.type === 'paragraph') {
      const tag = HEADING_TAG[block.heading] ?? 'p';
      out.push(`<${tag}>${textHtml(block)}</${tag}>`);
    } else if (block.type === 'table') {
      const cols = block.columnWidths.some((w) => w !== null)
        ? `<colgroup>${block.columnWidths.map((w) => (w === null ? '<col>' : `<col style="width:${w}pt">`)).join('')}</colgroup>`
        : '';
      const rows = block.rows.map(
        (r, i) =>
          `<tr>${r
            .map((c, j) => {
              const background = block.backgrounds[i]?.[j];
              const style =
                background && /^#[0-9a-f]{6}$/.test(background) ? ` style="background:${background}"` : '';
              return `<td${style}>${textHtml(c)}</td>`;
            })
            .join('')}</tr>`,
      );
      out.push(`<table>${cols}${rows.join('')}</table>`);
    } else out.push('<hr>');
  }
  flush();
  return out.join('\n');
}

/** Plain text: "# " before the title and Heading 1, "## " before Heading 2, "- " for list items, "| a | b |" rows. */
export function documentText(model: DocModel): string {
  return model.blocks
    .map((block) => {
      if (block.type === 'paragraph') {
        const prefix =
          block.heading === 'TITLE' || block.heading === 'HEADING1'
            ? '# '
            : block.heading === 'HEADING2'
              ? '## '
              : '';
        return prefix + block.text;
      }
      if (block.type === 'listItem') return `- ${block.text}`;
      if (block.type === 'table')
        return block.rows.map((r) => `| ${r.map((c) => c.text).join(' | ')} |`).join('\n');
      return '---';
    })
    .join('\n');
}

/** runtime.documents: what was created, in the shapes tests and the preview read. */
export interface DocumentsRecorder {
  /** The DocumentApp global given to the bundle. */
  readonly app: FakeDocumentApp;
  /** Every existing document, in creation order, with the Drive folder it is in and who can open it. */
  list(): {
    id: string;
    name: string;
    url: string;
    folderId: string;
    folderName: string;
    owner: string;
    editors: string[];
    viewers: string[];
  }[];
  /** What an account may do with a document when it opens the link: 'owner', 'editor', 'viewer' or null. */
  access(id: string, email: string): DocumentAccess | null;
  /** Test helper: sharing with this address fails with this message (as a domain's sharing policy would). */
  refuseSharingWith(email: string, message?: string): void;
  get(id: string): DocModel;
  html(id: string): string;
  text(id: string): string;
  /** Docs service calls since the runtime's counters were last reset. */
  calls(): number;
  /** Test helper: the document disappears (deleted, or access lost); openById then fails. */
  delete(id: string): void;
}

export function createDocuments(
  counters: Counters,
  realm: Realm,
  account: () => string | undefined,
  defaultOwner: () => string,
): DocumentsRecorder {
  const app = new FakeDocumentApp({ counters, realm, account }, defaultOwner);
  const find = (id: string): FakeDocument => {
    const doc = app._docs.get(id);
    if (!doc || doc._deleted) throw new Error(`No document with id ${id}`);
    return doc;
  };
  return {
    app,
    list: () =>
      [...app._docs.values()]
        .filter((d) => !d._deleted)
        .map((d) => ({
          id: d._id,
          name: d._name,
          url: d._url(),
          folderId: d._parents[0] ?? '',
          folderName: app._folderName(d._parents[0] ?? '') ?? '',
          owner: d._owner,
          editors: [...d._editors],
          viewers: [...d._viewers],
        })),
    access: (id, email) => {
      const doc = app._docs.get(id);
      return !doc || doc._deleted ? null : doc._access(email.trim().toLowerCase());
    },
    refuseSharingWith: (email, message = 'Exception: Invalid argument: email') => {
      app._policy.refused.set(email.trim().toLowerCase(), message);
    },
    get: (id) => documentModel(find(id)),
    html: (id) => documentHtml(documentModel(find(id))),
    text: (id) => documentText(documentModel(find(id))),
    calls: () => counters.sum(isDocumentCall),
    delete: (id) => {
      find(id)._deleted = true;
    },
  };
}
