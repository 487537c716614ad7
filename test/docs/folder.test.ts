/**
 * The workbook's Drive folder, against a minimal in-memory Drive.Files: which calls are made, what is stored,
 * and what the final message says — including the cases the runtime tests do not reach (a Drive error that is
 * not "not found" must not orphan the folder; a document that is not where the first one was).
 */
import {
  FOLDER_MIME_TYPE,
  FOLDER_PROPERTY,
  documentFolder,
  type DriveFile,
  type DriveFiles,
} from '../../src/docs/folder';

function properties(initial: Record<string, string> = {}) {
  const store = new Map(Object.entries(initial));
  return {
    store,
    getProperty: (key: string) => store.get(key) ?? null,
    setProperty: (key: string, value: string) => {
      store.set(key, value);
      return undefined as never;
    },
  } as unknown as GoogleAppsScript.Properties.Properties & { store: Map<string, string> };
}

function drive(files: Record<string, DriveFile>) {
  const calls: string[] = [];
  let next = 1;
  const api: DriveFiles = {
    create(resource) {
      calls.push(`create ${resource.name}`);
      const id = `folder-${next++}`;
      files[id] = { ...resource, id, parents: ['root'] };
      return { id, name: resource.name };
    },
    get(fileId, { fields }) {
      calls.push(`get ${fileId} ${fields}`);
      const file = files[fileId];
      if (!file)
        throw new Error(
          `GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: ${fileId}.`,
        );
      return { ...file };
    },
    update(_resource, fileId, _media, { addParents, removeParents }) {
      calls.push(`update ${fileId} +${addParents} -${removeParents ?? ''}`);
      const file = files[fileId];
      const current = file.parents ?? [];
      const gone = (removeParents ?? '').split(',').filter(Boolean);
      if (gone.some((p) => !current.includes(p))) throw new Error('not a parent');
      file.parents = [...current.filter((p) => !gone.includes(p)), addParents];
      if (file.parents.length > 1) throw new Error('Increasing the number of parents is not allowed');
      return { id: fileId, parents: file.parents };
    },
  };
  return { api, calls, files };
}

const name = () => 'Hiring 2026';

test('first use: one folder, remembered; each document moved with one update', () => {
  const d = drive({ a: { parents: ['root'] }, b: { parents: ['root'] } });
  const props = properties();
  const folder = documentFolder({ drive: d.api, properties: props, spreadsheetName: name });
  folder.place('a');
  folder.place('b');
  expect(d.calls).toEqual([
    'create Scorecard documents — Hiring 2026',
    'get a parents',
    'update a +folder-1 -root',
    'update b +folder-1 -root',
  ]);
  expect(d.files['folder-1']).toMatchObject({ mimeType: FOLDER_MIME_TYPE });
  expect(props.store.get(FOLDER_PROPERTY)).toBe('folder-1');
  expect(d.files.a.parents).toEqual(['folder-1']);
  expect(folder.folder()).toEqual({
    id: 'folder-1',
    name: 'Scorecard documents — Hiring 2026',
    url: 'https://drive.google.com/drive/folders/folder-1',
  });
  expect(folder.report()).toEqual([
    'New documents are in a new Drive folder in My Drive: "Scorecard documents — Hiring 2026" (https://drive.google.com/drive/folders/folder-1).',
  ]);
});

test('nothing placed, nothing said, no Drive call', () => {
  const d = drive({});
  const folder = documentFolder({ drive: d.api, properties: properties(), spreadsheetName: name });
  expect(folder.report()).toEqual([]);
  expect(d.calls).toEqual([]);
});

test('a document that is not where the first one was is looked up and moved', () => {
  const d = drive({ a: { parents: ['root'] }, b: { parents: ['elsewhere'] } });
  const folder = documentFolder({ drive: d.api, properties: properties(), spreadsheetName: name });
  folder.place('a');
  folder.place('b');
  expect(d.files.b.parents).toEqual(['folder-1']);
  expect(d.calls.slice(-3)).toEqual([
    'update b +folder-1 -root',
    'get b parents',
    'update b +folder-1 -elsewhere',
  ]);
});

test('a Drive error other than "not found" keeps the stored folder (no duplicate) and leaves documents in My Drive', () => {
  const d = drive({ a: { parents: ['root'] }, b: { parents: ['root'] } });
  d.api.get = () => {
    throw new Error(
      'GoogleJsonResponseException: API call to drive.files.get failed with error: Backend Error',
    );
  };
  const props = properties({ [FOLDER_PROPERTY]: 'kept' });
  const folder = documentFolder({ drive: d.api, properties: props, spreadsheetName: name });
  folder.place('a');
  folder.place('b');
  expect(d.calls).toEqual([]); // no folder was created (the stand-in get records nothing)
  expect(props.store.get(FOLDER_PROPERTY)).toBe('kept');
  expect(folder.report()).toEqual([
    "2 new documents are in your My Drive, not in the workbook's Scorecard documents folder: Drive refused the move (API call to drive.files.get failed with error: Backend Error).",
  ]);
});

test('without the service: documents counted once in one sentence', () => {
  const folder = documentFolder({ drive: undefined, properties: properties(), spreadsheetName: name });
  folder.place('a');
  expect(folder.report()).toEqual([
    'The new document is in your My Drive, not in a Scorecard documents folder: the Drive advanced service is not enabled for this script (see the README, "Interview documents").',
  ]);
});
