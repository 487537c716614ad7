/**
 * The Advanced Drive service fake (`Drive`, Drive API v3): `Drive.Files.create / get / update` over folders made
 * through it and the documents of the DocumentApp fake, as the `drive.file` scope sees them — per user: a user's
 * token reaches only the files that user's app created (or that the test says the user opened with the app,
 * `grant`); anything else is "File not found", even a folder another user's app made for the same workbook.
 * Each file has an owner; a file is created in its creator's My Drive. Every call counts as
 * "Drive.Files.<method>".
 *
 * Modelled: `fields` (only the listed fields come back; without it id, name, mimeType, kind), parents with
 * `addParents` / `removeParents` (comma-separated ids) and Drive's one-parent rule, trashing (a trashed file is
 * still found, with `trashed: true`), permanent deletion (then "File not found"). Not modelled: uploads
 * (mediaData must be null), shared drives, creating anything but folders, paging, `q` searches.
 */
import { Counters, instrument } from './counters';
import { type FakeDocumentApp, MY_DRIVE_ROOT_ID } from './documents';
import type { Realm } from './realm';

export const FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';
export const DOCUMENT_MIME_TYPE = 'application/vnd.google-apps.document';

interface FolderRecord {
  id: string;
  name: string;
  parents: string[];
  trashed: boolean;
  deleted: boolean;
  owner: string;
  /** Accounts whose drive.file token sees this folder. */
  appUsers: Set<string>;
}

interface FileView {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
}

interface DriveHost {
  counters: Counters;
  realm: Realm;
  docs: FakeDocumentApp;
  folders: Map<string, FolderRecord>;
  /** The running execution's account; undefined outside one (test code sees every file). */
  account(): string | undefined;
  defaultOwner(): string;
}

const DEFAULT_FIELDS = ['kind', 'id', 'name', 'mimeType'];
const KNOWN_FIELDS = new Set(['kind', 'id', 'name', 'mimeType', 'parents', 'trashed']);

function apiError(host: DriveHost, method: string, message: string): never {
  throw host.realm.error(
    `GoogleJsonResponseException: API call to drive.files.${method} failed with error: ${message}`,
  );
}

function idList(value: unknown): string[] {
  return String(value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/**
 * Not checked against @types/google-apps-script (api.ts): its Drive_v3 typings return the whole Schema.File, the
 * fake (like the API) only the fields asked for.
 */
export class FakeDriveFiles {
  readonly _counters: Counters;
  private _next = 1;

  constructor(readonly _host: DriveHost) {
    this._counters = _host.counters;
  }

  /** A file this user may reach under drive.file: a folder made here or a document of the Docs fake. */
  _find(
    method: string,
    fileId: unknown,
  ): FileView & { _folder?: FolderRecord; _doc?: { _parents: string[] } } {
    const id = String(fileId ?? '');
    const account = this._host.account();
    const visible = (users: ReadonlySet<string>) => account === undefined || users.has(account);
    const folder = this._host.folders.get(id);
    if (folder && !folder.deleted && visible(folder.appUsers)) {
      return {
        id,
        name: folder.name,
        mimeType: FOLDER_MIME_TYPE,
        parents: folder.parents,
        trashed: folder.trashed,
        _folder: folder,
      };
    }
    const doc = this._host.docs._docs.get(id);
    if (doc && !doc._deleted && visible(doc._appUsers)) {
      return {
        id,
        name: doc._name,
        mimeType: DOCUMENT_MIME_TYPE,
        parents: doc._parents,
        trashed: false,
        _doc: doc,
      };
    }
    return apiError(this._host, method, `File not found: ${id}.`);
  }

  _view(method: string, file: FileView, fields: unknown): Record<string, unknown> {
    const wanted = fields === undefined ? DEFAULT_FIELDS : idList(fields);
    const out: Record<string, unknown> = {};
    for (const field of wanted) {
      if (!KNOWN_FIELDS.has(field)) apiError(this._host, method, `Invalid field selection ${field}`);
      out[field] =
        field === 'kind'
          ? 'drive#file'
          : field === 'parents'
            ? [...file.parents]
            : file[field as keyof FileView];
    }
    return this._host.realm.copy(out);
  }

  create(resource: unknown, mediaData?: unknown, optionalArgs?: unknown): Record<string, unknown> {
    const r = (resource ?? {}) as { name?: unknown; mimeType?: unknown; parents?: unknown };
    if (mediaData !== undefined && mediaData !== null) {
      apiError(this._host, 'create', 'Uploads are not supported by the test fake.');
    }
    if (r.mimeType !== FOLDER_MIME_TYPE) {
      apiError(
        this._host,
        'create',
        `The test fake only creates folders (got mimeType ${String(r.mimeType)}).`,
      );
    }
    const parents = r.parents === undefined ? [MY_DRIVE_ROOT_ID] : (r.parents as unknown[]).map(String);
    if (parents.length > 1) apiError(this._host, 'create', 'A file can only have one parent.');
    for (const parent of parents) {
      if (parent !== MY_DRIVE_ROOT_ID && this._find('create', parent).mimeType !== FOLDER_MIME_TYPE) {
        apiError(this._host, 'create', `The parent ${parent} is not a folder.`);
      }
    }
    const id = `1FakeFolder${String(this._next++).padStart(4, '0')}_${'f'.repeat(20)}`;
    const name = typeof r.name === 'string' && r.name !== '' ? r.name : 'Untitled';
    const owner = this._host.account() ?? this._host.defaultOwner();
    this._host.folders.set(id, {
      id,
      name,
      parents,
      trashed: false,
      deleted: false,
      owner,
      appUsers: new Set([owner]),
    });
    return this._view('create', this._find('create', id), (optionalArgs as { fields?: unknown })?.fields);
  }

  get(fileId: unknown, optionalArgs?: unknown): Record<string, unknown> {
    const file = this._find('get', fileId);
    return this._view('get', file, (optionalArgs as { fields?: unknown })?.fields);
  }

  update(
    resource: unknown,
    fileId: unknown,
    mediaData?: unknown,
    optionalArgs?: unknown,
  ): Record<string, unknown> {
    if (mediaData !== undefined && mediaData !== null) {
      apiError(this._host, 'update', 'Uploads are not supported by the test fake.');
    }
    const file = this._find('update', fileId);
    const args = (optionalArgs ?? {}) as { addParents?: unknown; removeParents?: unknown; fields?: unknown };
    const add = idList(args.addParents);
    const remove = idList(args.removeParents);
    for (const parent of add) {
      if (this._find('update', parent).mimeType !== FOLDER_MIME_TYPE)
        apiError(this._host, 'update', `The parent ${parent} is not a folder.`);
    }
    for (const parent of remove) {
      if (!file.parents.includes(parent))
        apiError(this._host, 'update', `The file ${file.id} is not in the folder ${parent}.`);
    }
    const parents = [
      ...file.parents.filter((p) => !remove.includes(p)),
      ...add.filter((p) => !file.parents.includes(p)),
    ];
    if (parents.length > 1) {
      apiError(
        this._host,
        'update',
        'Increasing the number of parents is not allowed. A file can only have one parent: use removeParents.',
      );
    }
    const r = (resource ?? {}) as { name?: unknown; trashed?: unknown };
    if (file._folder) {
      file._folder.parents = parents;
      if (typeof r.name === 'string' && r.name !== '') file._folder.name = r.name;
      if (typeof r.trashed === 'boolean') file._folder.trashed = r.trashed;
    } else if (file._doc) {
      file._doc._parents = parents;
    }
    return this._view('update', this._find('update', file.id), args.fields);
  }
}
instrument(FakeDriveFiles, 'Drive.Files');

/** runtime.drive: the `Drive` global and what tests read (no counters). */
export interface DriveRecorder {
  /** The `Drive` global given to the bundle (absent when the runtime was made with `drive: false`). */
  readonly service: { Files: FakeDriveFiles };
  /** Every folder made through the service, in creation order (deleted ones left out), with its owner. */
  folders(): { id: string; name: string; parents: string[]; trashed: boolean; owner: string }[];
  /** Test helper: the user opened this file with the app (e.g. through a picker), so drive.file reaches it. */
  grant(id: string, email: string): void;
  /** Test helper: the user moves the folder (or file) to the trash. */
  trash(id: string): void;
  /** Test helper: the user deletes the folder for good; Drive then answers "File not found". */
  remove(id: string): void;
  /** Drive service calls since the runtime's counters were last reset. */
  calls(): number;
}

export function isDriveCall(key: string): boolean {
  return key.startsWith('Drive.');
}

export function createDrive(
  counters: Counters,
  realm: Realm,
  docs: FakeDocumentApp,
  account: () => string | undefined,
  defaultOwner: () => string,
): DriveRecorder {
  const folders = new Map<string, FolderRecord>();
  const files = new FakeDriveFiles({ counters, realm, docs, folders, account, defaultOwner });
  docs._folderName = (id) =>
    id === MY_DRIVE_ROOT_ID
      ? 'My Drive'
      : folders.get(id)?.deleted === false
        ? folders.get(id)?.name
        : undefined;
  const folder = (id: string): FolderRecord => {
    const found = folders.get(id);
    if (!found || found.deleted) throw new Error(`No folder with id ${id}`);
    return found;
  };
  return {
    service: { Files: files },
    folders: () =>
      [...folders.values()]
        .filter((f) => !f.deleted)
        .map((f) => ({
          id: f.id,
          name: f.name,
          parents: [...f.parents],
          trashed: f.trashed,
          owner: f.owner,
        })),
    grant: (id, email) => {
      const who = email.trim().toLowerCase();
      const found = folders.get(id);
      if (found) found.appUsers.add(who);
      else {
        const doc = docs._docs.get(id);
        if (!doc) throw new Error(`No file with id ${id}`);
        doc._appUsers.add(who);
      }
    },
    trash: (id) => {
      folder(id).trashed = true;
    },
    remove: (id) => {
      folder(id).deleted = true;
    },
    calls: () => counters.sum(isDriveCall),
  };
}
