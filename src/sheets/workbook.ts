/**
 * The workbook: Scorecard's sheets, found by the ids stored in document properties so that users can rename them,
 * and what the workbook remembers about itself (DocumentState).
 */
import type { PresetCatalog } from '../core/presets/catalog';
import { UserError } from '../core/errors';
import { DocumentState, type SheetKey } from './state';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The parts of SpreadsheetApp the sheet code builds rules with; main.ts passes the real one in. */
export type SheetBuilders = Pick<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  'newDataValidation' | 'newConditionalFormatRule' | 'ProtectionType'
>;

/** What signing the record needs of Apps Script (Utilities.computeHmacSha256Signature, a random key). */
export interface Signing {
  readonly hmac: (value: string, key: string) => number[];
  readonly newKey: () => string;
}

export class Workbook {
  private byId: Map<number, Sheet> | undefined;

  constructor(
    readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    readonly state: DocumentState,
    readonly app: SheetBuilders,
    readonly presets: () => PresetCatalog,
    readonly signing: Signing,
  ) {}

  private sheets(): Map<number, Sheet> {
    if (!this.byId) {
      this.byId = new Map();
      for (const sheet of this.spreadsheet.getSheets()) this.byId.set(sheet.getSheetId(), sheet);
    }
    return this.byId;
  }

  find(key: SheetKey): Sheet | undefined {
    const id = this.state.sheetId(key);
    return id === undefined ? undefined : this.sheets().get(id);
  }

  /** The sheet, or an error that tells the user how to get it back. */
  require(key: SheetKey, description: string): Sheet {
    const sheet = this.find(key);
    if (!sheet) {
      throw new UserError(
        'needs-repair',
        `The ${description} sheet is missing. Run Extensions ▸ Scorecard ▸ Set up workbook to restore it (no other data is touched).`,
      );
    }
    return sheet;
  }

  /** Creates a sheet under a name no other sheet uses, and remembers its id. */
  create(key: SheetKey, name: string, index?: number): Sheet {
    const taken = new Set([...this.sheets().values()].map((s) => s.getName().toLowerCase()));
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name} (${n})`;
    const sheet =
      index === undefined
        ? this.spreadsheet.insertSheet(unique)
        : this.spreadsheet.insertSheet(unique, index);
    this.sheets().set(sheet.getSheetId(), sheet);
    this.state.setSheetId(key, sheet.getSheetId());
    return sheet;
  }

  /** Adopts an existing sheet (e.g. one a user created by that name before setup). */
  adopt(key: SheetKey, sheet: Sheet): void {
    this.state.setSheetId(key, sheet.getSheetId());
  }

  url(): string {
    return this.spreadsheet.getUrl();
  }
}

/** The workbook of this spreadsheet: its sheets and its document properties, read once. */
export function openWorkbook(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  properties: GoogleAppsScript.Properties.Properties,
  app: SheetBuilders,
  presets: () => PresetCatalog,
  signing: Signing,
): Workbook {
  return new Workbook(spreadsheet, new DocumentState(properties), app, presets, signing);
}
