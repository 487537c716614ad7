/**
 * A team on the real platform: a hiring manager and two interviewers, each with their own Google account, Drive
 * and add-on folder, working in one workbook — with the spreadsheet in three time zones while the script stays
 * in UTC. Documents are shared with the people who need them; nobody depends on a file only someone else can see.
 */
import { candidateRows, freshDefaultWorkbook, lastAlert, typeCandidates } from '../../scripts/workbooks';
import { type Runtime, columnToLetters } from '../../runtime';

const HM = 'manager@example.com';
const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const CAROL = 'carol@example.com';
const SCORES = { 'communication-clarity': 4, 'motivation-fit': 5, 'basic-role-fit': 4 };

function cell(rt: Runtime, header: string, row: number): string {
  const width = rt.inspect.sheet('Candidates')!.maxColumns;
  const headers = rt.inspect.values('Candidates', `A1:${columnToLetters(width)}1`)[0];
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`No column "${header}"`);
  return `${columnToLetters(index + 1)}${row}`;
}

function team(timeZone: string, panel = `${ALICE}, ${BOB}`): Runtime {
  const rt = freshDefaultWorkbook({
    user: HM,
    timeZone,
    scriptTimeZone: 'Etc/UTC',
    now: '2026-03-10T06:30:00.000Z',
  });
  typeCandidates(rt, candidateRows(2));
  rt.setCells('Candidates', cell(rt, 'Hiring manager', 2), [[HM, panel]]);
  return rt;
}

function folderOf(rt: Runtime, user: string): string | undefined {
  return rt.properties.users.get(user)?.get(`scorecard.documentsFolder.${rt.inspect.spreadsheet().id}`);
}

function submit(rt: Runtime, who: string, id: string): void {
  rt.as(who).call('submitScorecard', {
    submissionId: id,
    candidateId: 'C-0001',
    stageId: 'screening',
    scores: SCORES,
    notes: {},
    recommendation: 'yes',
    overallNote: '',
  });
}

describe.each(['America/Los_Angeles', 'Asia/Tokyo', 'Etc/UTC'])('a team, spreadsheet in %s', (zone) => {
  test('scripts are shared with the panel and hiring manager; each user has their own documents folder', () => {
    const rt = team(zone);
    rt.select('Candidates', 'B2');
    rt.call('generateScriptStage1');
    const [script] = rt.documents.list();
    expect(script).toMatchObject({ owner: HM, editors: [ALICE, BOB] });
    expect(lastAlert(rt).message).toContain(
      "shared (can edit) with each candidate's hiring manager and panel",
    );
    // A second interviewer opens the link from the row.
    const link = rt.displayed('Candidates', cell(rt, 'Screening script', 2));
    expect(link).toBe(script.url);
    expect(rt.as(BOB).execute(({ DocumentApp }) => DocumentApp.openByUrl(link).getName())).toBe(script.name);

    // Alice makes the next script: her own folder in her own Drive, no word of a deleted folder.
    rt.select('Candidates', 'B2');
    rt.as(ALICE).call('generateScriptStage2');
    const second = rt.documents.list()[1];
    expect(second).toMatchObject({ owner: ALICE, editors: [HM, BOB] });
    expect(lastAlert(rt).message).not.toContain('deleted');
    const hmFolder = folderOf(rt, HM);
    const aliceFolder = folderOf(rt, ALICE);
    expect(hmFolder).toBeDefined();
    expect(aliceFolder).toBeDefined();
    expect(aliceFolder).not.toBe(hmFolder);
    expect(rt.drive.folders().map((f) => f.owner)).toEqual([HM, ALICE]);
    expect(second.folderId).toBe(aliceFolder);

    // The hiring manager's next batch still finds his folder.
    rt.select('Candidates', 'B3');
    rt.call('generateScriptStage1');
    expect(rt.documents.list()[2].folderId).toBe(hmFolder);
    expect(rt.drive.folders()).toHaveLength(2);
  });

  test('the debrief goes to the hiring manager and to the interviewers who have submitted, and no one else', () => {
    const rt = team(zone);
    submit(rt, ALICE, 'team-alice-1');
    rt.select('Candidates', 'B2');
    rt.ui.respondWith({ button: 'OK', text: '1' });
    rt.call('generateDebrief');
    const [debrief] = rt.documents.list();
    expect(debrief.owner).toBe(HM);
    expect(debrief.editors).toEqual([ALICE]); // Bob has not submitted: the debrief would show him the scores
    expect(rt.documents.access(debrief.id, BOB)).toBeNull();
  });

  test('"replace" by someone who cannot open the old script says so, makes a new one and keeps the old link', () => {
    const rt = team(zone);
    rt.select('Candidates', 'B2');
    rt.call('generateScriptStage1');
    const [old] = rt.documents.list();
    // Carol is not on Ada's panel: the script was never shared with her.
    rt.select('Candidates', 'B2');
    rt.ui.respondWith('YES');
    rt.as(CAROL).call('generateScriptStage1');
    const question = rt.ui.alerts.find((a) => a.title === 'Replace existing documents?')!;
    expect(question.message).toContain(
      'that your Google account cannot open: it was not shared with you, or it was deleted',
    );
    expect(question.message).toContain('the old link is kept');
    const fresh = rt.documents.list()[1];
    expect(fresh.owner).toBe(CAROL);
    const at = cell(rt, 'Screening script', 2);
    expect(rt.displayed('Candidates', at)).toBe(fresh.url);
    expect(rt.inspect.cells('Candidates', at)[0][0].note).toContain(old.url);
    expect(lastAlert(rt).message).toContain(`the old links are kept: Ada Lovelace: ${old.url}`);
    // The old document is untouched.
    expect(rt.documents.get(old.id).name).toBe(old.name);
  });

  test('a panel member replaces in place: same link, shared again with anyone added since', () => {
    const rt = team(zone, ALICE);
    rt.select('Candidates', 'B2');
    rt.call('generateScriptStage1');
    const [doc] = rt.documents.list();
    rt.setCells('Candidates', cell(rt, 'Panel', 2), [[`${ALICE}, ${BOB}`]]);
    rt.select('Candidates', 'B2');
    rt.ui.respondWith('YES');
    rt.as(ALICE).call('generateScriptStage1');
    expect(rt.documents.list()).toHaveLength(1);
    expect(rt.displayed('Candidates', cell(rt, 'Screening script', 2))).toBe(doc.url);
    expect(rt.documents.access(doc.id, BOB)).toBe('editor');
  });
});

describe('sharing reports what Google refuses', () => {
  test('an address that cannot be added is named with the reason; the others are shared', () => {
    const rt = team('Etc/UTC', `${ALICE}, outside@elsewhere.org, no-at-sign`);
    rt.documents.refuseSharingWith(
      'outside@elsewhere.org',
      'Exception: Sharing outside your organisation is off.',
    );
    rt.select('Candidates', 'B2');
    rt.call('generateScriptStage1');
    const [doc] = rt.documents.list();
    expect(doc.editors).toEqual([ALICE]);
    const message = lastAlert(rt).message;
    expect(message).toContain('Google would not share with these addresses');
    expect(message).toContain(
      'Ada Lovelace: outside@elsewhere.org (Sharing outside your organisation is off.)',
    );
    expect(message).toContain('Ada Lovelace: no-at-sign (Invalid argument: email)');
  });

  test('emails are matched ignoring case and spaces: the panel gets the document once, under their own address', () => {
    const rt = team('Etc/UTC', ` Alice@Example.COM ,alice@example.com, ${HM.toUpperCase()}`);
    rt.select('Candidates', 'B2');
    rt.call('generateScriptStage1');
    expect(rt.documents.list()[0].editors).toEqual([ALICE]);
    expect(rt.documents.access(rt.documents.list()[0].id, ALICE)).toBe('editor');
  });

  test('with nobody named for the candidate, the message says only the maker can open it', () => {
    const rt = freshDefaultWorkbook({ user: HM });
    typeCandidates(rt, candidateRows(1));
    rt.select('Candidates', 'B2');
    rt.call('generateScriptStage1');
    expect(lastAlert(rt).message).toContain('Only you can open the document of Ada Lovelace so far');
  });
});
