/**
 * The Apps Script services the add-on uses, gathered in src/main.ts (the only file that names the globals)
 * and handed to the UI layer, and the workbook they open. Tests get the same objects from the in-memory runtime.
 */
import type { PresetCatalog } from '../core/presets/catalog';
import type { DocsDocuments } from '../docs/docs-api';
import type { DriveFiles } from '../docs/folder';
import { type SheetBuilders, type Signing, type Workbook, openWorkbook } from '../sheets/workbook';

export interface Services {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly ui: GoogleAppsScript.Base.Ui;
  readonly documentProperties: GoogleAppsScript.Properties.Properties;
  /** The signed-in user's own properties (their documents folder), asked for only when needed. */
  readonly userProperties: () => GoogleAppsScript.Properties.Properties;
  readonly lock: GoogleAppsScript.Lock.Lock;
  readonly builders: SheetBuilders;
  /** Utilities' HMAC and a new random key, for the tamper-evident record (src/sheets/signing.ts). */
  readonly signing: Signing;
  /** The signed-in user's email; "" when Google does not share it (e.g. consumer accounts in some domains). */
  readonly activeUserEmail: () => string;
  readonly now: () => Date;
  /** The built-in presets, read on first use (they are not part of the script code). */
  readonly presets: () => PresetCatalog;
  /** The Score candidate sidebar page (build/Sidebar.html). */
  readonly sidebarPage: () => GoogleAppsScript.HTML.HtmlOutput;
  /** Google Docs, for interview documents (scope: auth/documents). */
  readonly documents: GoogleAppsScript.Document.DocumentApp;
  /**
   * The Advanced Drive service's Files (Drive API v3, scope auth/drive.file), to keep the documents in the
   * workbook's folder; undefined when the service is not enabled for the script.
   */
  readonly drive?: DriveFiles;
  /**
   * The Advanced Docs service's Documents (Docs API v1, scope auth/documents), to style each document in one
   * call; undefined when the service is not enabled for the script (documents are then styled through DocumentApp).
   */
  readonly docs?: DocsDocuments;
  /** MailApp, for the reminder digests (scope auth/script.send_mail). */
  readonly mail: Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'>;
  /** ScriptApp's triggers, for the daily reminders (scope auth/script.scriptapp). */
  readonly scriptApp: Pick<
    GoogleAppsScript.Script.ScriptApp,
    'newTrigger' | 'getUserTriggers' | 'deleteTrigger'
  >;
}

/** The workbook of the spreadsheet these services act on. */
export function workbookFor(services: Services): Workbook {
  return openWorkbook(
    services.spreadsheet,
    services.documentProperties,
    services.builders,
    services.presets,
    services.signing,
  );
}
