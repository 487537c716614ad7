/**
 * Where new documents go: one Drive folder per workbook *and user*, "Scorecard documents — <spreadsheet name>",
 * made by the add-on in that user's My Drive on their first generation and remembered in their user properties
 * (keyed by the spreadsheet: an add-on's user properties are shared by every document the user uses it in).
 * Under `drive.file` a user's token reaches only the files that user's own use of the add-on created, so one
 * folder shared by the whole team would be invisible to everyone but its creator.
 *
 * Scopes: DriveApp's folder and move methods need the full `drive` scope (every file of the user). The Advanced
 * Drive service (Drive API v3) honours `drive.file` instead, which covers only the files and folders this add-on
 * created or opened: the folder and the documents qualify, nothing else of the user's Drive is reachable. Without
 * access to the spreadsheet's own folder, the documents' folder is made in My Drive.
 *
 * Drive never stops a batch: when the service is not enabled (the `Drive` global is missing) or refuses a call,
 * the documents stay where DocumentApp made them (My Drive) and the final message says so, once.
 */

export const FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';
/** User property holding the folder's id (followed by "." and the spreadsheet's id, see folderProperty). */
export const FOLDER_PROPERTY = 'scorecard.documentsFolder';

/** The user property that holds this user's folder for one spreadsheet. */
export function folderProperty(spreadsheetId: string): string {
  return `${FOLDER_PROPERTY}.${spreadsheetId}`;
}
const FOLDER_PREFIX = 'Scorecard documents — ';

/** The fields of a Drive API v3 File resource Scorecard reads or writes. */
export interface DriveFile {
  id?: string;
  name?: string;
  mimeType?: string;
  parents?: string[];
  trashed?: boolean;
}

/**
 * The calls of the Advanced Drive service's `Drive.Files` (Drive API v3) Scorecard makes. src/main.ts passes the
 * real collection; tests pass the runtime's fake.
 */
export interface DriveFiles {
  create(resource: DriveFile): DriveFile;
  get(fileId: string, optionalArgs: { fields: string }): DriveFile;
  update(
    resource: DriveFile,
    fileId: string,
    mediaData: null,
    optionalArgs: { addParents: string; removeParents?: string; fields?: string },
  ): DriveFile;
}

export interface FolderOptions {
  /** undefined when the Advanced Drive service is not enabled for the script. */
  readonly drive: DriveFiles | undefined;
  /** The user's properties (the folder is the user's own). */
  readonly properties: GoogleAppsScript.Properties.Properties;
  /** The property that holds the folder's id (folderProperty(spreadsheet id); FOLDER_PROPERTY by default). */
  readonly key?: string;
  /** The spreadsheet's name, read only when a folder has to be made. */
  readonly spreadsheetName: () => string;
}

export interface DocumentFolder {
  /** Moves a document the add-on just created into the workbook's folder (made on first use). Never throws. */
  place(documentId: string): void;
  /** Sentences for the final message: where the new documents are, and why not in the folder if so. */
  report(): string[];
  /** The folder the documents went to, once one was used. */
  folder(): { id: string; name: string; url: string } | null;
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/^\w*Exception:\s*/, '');
}

/** A Drive error meaning the file is gone for this user (deleted, or no longer reachable under drive.file). */
function isNotFound(error: unknown): boolean {
  return /not ?found|404/i.test(message(error));
}

export function folderUrl(id: string): string {
  return `https://drive.google.com/drive/folders/${id}`;
}

export function documentFolder(options: FolderOptions): DocumentFolder {
  const { drive, properties } = options;
  const key = options.key ?? FOLDER_PROPERTY;
  let current: { id: string; name: string } | null = null;
  let made = false;
  /** The stored folder was deleted or trashed and a new one was made. */
  let replaced = false;
  /** What Drive said when it refused; from then on nothing more is tried. */
  let failure: string | null = null;
  let placed = 0;
  let notPlaced = 0;
  /** Where DocumentApp puts new documents (My Drive): read from the first document, the same for the rest. */
  let home: string[] | null = null;

  function resolve(files: DriveFiles): { id: string; name: string } {
    if (current) return current;
    const stored = properties.getProperty(key);
    if (stored) {
      try {
        const found = files.get(stored, { fields: 'id,name,trashed' });
        if (found.trashed !== true) {
          current = { id: found.id ?? stored, name: found.name ?? '' };
          return current;
        }
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      replaced = true;
    }
    const name = `${FOLDER_PREFIX}${options.spreadsheetName()}`;
    const folder = files.create({ name, mimeType: FOLDER_MIME_TYPE });
    if (!folder.id) throw new Error('Drive did not return the new folder’s id');
    properties.setProperty(key, folder.id);
    made = true;
    current = { id: folder.id, name: folder.name ?? name };
    return current;
  }

  function parentsOf(files: DriveFiles, documentId: string): string[] {
    return files.get(documentId, { fields: 'parents' }).parents ?? [];
  }

  function move(files: DriveFiles, documentId: string, folderId: string, parents: string[]): void {
    const from = parents.filter((p) => p !== folderId);
    files.update({}, documentId, null, {
      addParents: folderId,
      ...(from.length > 0 ? { removeParents: from.join(',') } : {}),
      fields: 'id,parents',
    });
  }

  return {
    place(documentId) {
      if (!drive || failure !== null) {
        notPlaced++;
        return;
      }
      try {
        const folder = resolve(drive);
        if (home) {
          try {
            move(drive, documentId, folder.id, home);
          } catch {
            // This document was not where the first one was: ask Drive where it is, then move it.
            home = parentsOf(drive, documentId);
            move(drive, documentId, folder.id, home);
          }
        } else {
          home = parentsOf(drive, documentId);
          move(drive, documentId, folder.id, home);
        }
        placed++;
      } catch (error) {
        failure = message(error);
        notPlaced++;
      }
    },

    report() {
      const lines: string[] = [];
      if (placed > 0 && current) {
        const where = `"${current.name}" (${folderUrl(current.id)})`;
        if (replaced)
          lines.push(
            `The earlier Scorecard documents folder was deleted or is in the trash, so a new one was made in My Drive: ${where}. New documents are there.`,
          );
        else if (made) lines.push(`New documents are in a new Drive folder in My Drive: ${where}.`);
        else lines.push(`New documents are in the Drive folder ${where}.`);
      }
      if (notPlaced > 0) {
        const what = notPlaced === 1 ? 'The new document is' : `${notPlaced} new documents are`;
        lines.push(
          drive
            ? `${what} in your My Drive, not in the workbook's Scorecard documents folder: Drive refused the move (${failure}).`
            : `${what} in your My Drive, not in a Scorecard documents folder: the Drive advanced service is not enabled for this script (see the README, "Interview documents").`,
        );
      }
      return lines;
    },

    folder() {
      return current ? { ...current, url: folderUrl(current.id) } : null;
    },
  };
}
