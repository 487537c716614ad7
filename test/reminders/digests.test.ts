/**
 * Issue 12's "done when", in the runtime through the built bundle: one run sends exactly one digest to each person
 * who owes something, naming exactly what is missing, and nothing to anyone else; nobody who submitted is reminded.
 */
import { ANN, BOB, CY, DAN, MIA, la, reminderLog, scheduledWorkbook, setCell, turnOn } from './support';

describe('a reminder run', () => {
  it('sends one digest per person with something due, naming exactly the missing scorecards', () => {
    const rt = scheduledWorkbook();
    turnOn(rt, MIA);
    const [trigger] = rt.triggers.list();
    rt.triggers.fire(trigger.id);

    const mail = rt.mail.sent();
    expect(mail.map((m) => m.to.join(',')).sort()).toEqual([ANN, BOB, CY, MIA].sort());
    expect(mail.every((m) => m.from === MIA)).toBe(true);
    const to = (email: string) => mail.find((m) => m.to[0] === email)!;
    // Bob owes Ada; Ann submitted Ada's, so she is reminded of Grace only; Cy owes Grace.
    expect(to(BOB).body).toContain('Ada Lovelace, Screening: interviewed 2026-12-01 10:00');
    expect(to(BOB).body).not.toContain('Grace');
    expect(to(ANN).body).toContain('Grace Lovelace, Screening');
    expect(to(ANN).body).not.toContain('Ada');
    expect(to(CY).body).toContain('Grace Lovelace, Screening');
    expect(to(CY).body).not.toContain('Ada');
    // Mia decides Ada's stage (a scorecard is in and the other is late); nobody owes Alan yet (tomorrow).
    expect(to(MIA).body).toContain('Decisions waiting for you (1)');
    expect(to(MIA).body).toContain(
      'Ada Lovelace, Screening: 1 of 2 scorecards are in; still to come from bob@example.com',
    );
    expect(mail.some((m) => m.to.includes(DAN))).toBe(false);
    expect(mail.map((m) => m.body).join('\n')).not.toContain('Alan');
    // When it was due and how late, in the spreadsheet's zone; a link to the workbook.
    expect(to(CY).subject).toBe('Scorecard · Scorecard test workbook: 1 scorecard to write');
    expect(to(CY).body).toMatch(/it was due 2026-12-02 15:30 and is .+ late/);
    expect(to(CY).body).toContain('Open the workbook: https://docs.google.com/spreadsheets/d/');

    const log = reminderLog(rt);
    expect(log[0][3]).toBe('Run');
    expect(log[0][4]).toContain(`daily trigger, as ${MIA}: 4 digests sent, 0 not sent`);
    expect(
      log
        .filter((r) => r[3] === 'Sent')
        .map((r) => r[1])
        .sort(),
    ).toEqual([ANN, BOB, CY, MIA].sort());
  });

  it('a second run the same day sends nothing again; the next day it reminds again what is still missing', () => {
    const rt = scheduledWorkbook();
    rt.call('sendRemindersNow');
    expect(rt.mail.sent()).toHaveLength(4);
    rt.call('sendRemindersNow');
    expect(rt.mail.sent()).toHaveLength(4);
    expect(rt.ui.alerts.at(-1)?.message).toContain('No digest was sent');
    // Both runs are lines on the one Reminders sheet.
    expect(rt.inspect.spreadsheet().sheets.filter((s) => s.name.startsWith('Reminders'))).toHaveLength(1);
    expect(reminderLog(rt).filter((r) => r[3] === 'Run')).toHaveLength(2);
    // Bob submits; the next morning he is not reminded, the others are.
    rt.setNow(la('2026-12-04 09:00'));
    rt.as(BOB).call('submitScorecard', {
      submissionId: 'bob-ada-0001',
      candidateId: 'C-0001',
      stageId: 'screening',
      scores: { 'communication-clarity': 3, 'motivation-fit': 4, 'basic-role-fit': 4 },
      notes: {},
      recommendation: 'yes',
      overallNote: '',
    });
    rt.call('sendRemindersNow');
    const next = rt.mail.sent().slice(4);
    expect(next.map((m) => m.to[0]).sort()).toEqual([ANN, CY, MIA].sort());
    expect(next.find((m) => m.to[0] === MIA)?.body).toContain(
      'Ada Lovelace, Screening: all 2 scorecards are in',
    );
  });

  it('a cell that is not a date and time is named on the Reminders sheet, and the run goes on for everyone else', () => {
    const rt = scheduledWorkbook();
    setCell(rt, 'Screening scheduled', 4, 'next Tuesday');
    rt.call('sendRemindersNow');
    expect(rt.mail.sent()).toHaveLength(4);
    const notes = reminderLog(rt)
      .filter((r) => r[3] === 'Note')
      .map((r) => r[4]);
    expect(notes).toContain(
      'Candidates!N4 (Alan Lovelace, Screening scheduled) holds "next Tuesday", which is not a date and time: type it like 2026-12-03 14:30.',
    );
  });

  it('a panel entry that is not an email is skipped with a line, the others still reminded', () => {
    const rt = scheduledWorkbook();
    setCell(rt, 'Panel', 3, `${ANN}, Cy`);
    rt.call('sendRemindersNow');
    expect(
      rt.mail
        .sent()
        .map((m) => m.to[0])
        .sort(),
    ).toEqual([ANN, BOB, MIA].sort());
    const notes = reminderLog(rt)
      .filter((r) => r[3] === 'Note')
      .map((r) => r[4]);
    expect(notes).toContain(
      'C-0002 (Grace Lovelace): "cy" in Panel is not an email address, so no reminder went to them.',
    );
  });

  it('the scheduled columns are checked as dates and show the date and time in the spreadsheet’s zone', () => {
    const rt = scheduledWorkbook();
    const [[cell]] = rt.inspect.cells('Candidates', 'N2');
    expect(cell.text).toBe('2026-12-01 10:00');
    expect(cell.validation).toMatchObject({ criteria: 'DATE_IS_VALID_DATE', valid: true });
    setCell(rt, 'Screening scheduled', 3, 'soon');
    expect(rt.inspect.cells('Candidates', 'N3')[0][0].validation?.valid).toBe(false);
  });
});

describe('typing a scheduled interview', () => {
  function type(rt: ReturnType<typeof scheduledWorkbook>, row: number, value: unknown) {
    setCell(rt, 'Screening scheduled', row, value);
    const range = rt.range('Candidates', `N${row}`);
    rt.call('onEdit', { authMode: 'LIMITED', range, value: String(value) });
  }

  it('a time that has already passed gets a warning naming the cell and the zone', () => {
    const rt = scheduledWorkbook();
    type(rt, 4, la('2025-12-04 11:00'));
    expect(rt.ui.toasts.at(-1)?.message).toBe(
      'Candidates!N4 (Screening scheduled): 2025-12-04 11:00 has already passed (times are in America/Los_Angeles). ' +
        'If the interview is still to come, check the day, month and year.',
    );
  });

  it('text that is not a date and time is named with what to type', () => {
    const rt = scheduledWorkbook();
    type(rt, 4, 'Tuesday 3pm');
    expect(rt.ui.toasts.at(-1)?.message).toBe(
      'Candidates!N4 (Screening scheduled) holds "Tuesday 3pm", which is not a date and time: type it like 2026-12-03 14:30.',
    );
  });

  it('a time still to come says nothing', () => {
    const rt = scheduledWorkbook();
    const before = rt.ui.toasts.length;
    type(rt, 4, la('2026-12-10 11:00'));
    expect(rt.ui.toasts.length).toBe(before);
  });
});
