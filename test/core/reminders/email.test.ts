import { planDigests } from '../../../src/core/reminders/digest';
import { digestEmail } from '../../../src/core/reminders/email';
import { candidate, input, LA, local, progress, TOKYO } from './builders';

const context = {
  workbookName: 'Backend hiring 2026',
  workbookUrl: 'https://docs.google.com/spreadsheets/d/abc123/edit',
  timeZone: LA,
};

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('the digest email', () => {
  const ada = candidate({
    id: 'C-0001',
    name: 'Ada Lovelace',
    schedule: { screening: local('2026-12-01 10:00') },
  });
  const grace = candidate({
    id: 'C-0002',
    name: 'Grace Hopper',
    panel: ['bob@example.com'],
    schedule: { screening: local('2026-12-03 08:00') },
  });

  it("lists each owed scorecard with the interview time and how late, in the spreadsheet's zone", () => {
    const { digests } = planDigests(input({ candidates: [ada, grace] }));
    const bob = digests.find((d) => d.email === 'bob@example.com');
    const email = digestEmail(bob!, context);
    expect(email.to).toBe('bob@example.com');
    expect(email.subject).toBe('Scorecard · Backend hiring 2026: 2 scorecards to write');
    expect(email.body).toBe(
      [
        'Hello,',
        '',
        'Here is what is waiting for you in "Backend hiring 2026" today.',
        '',
        'Scorecards to write (2)',
        '- Ada Lovelace, Screening: interviewed 2026-12-01 10:00; it was due 2026-12-02 10:00 and is 23 hours late.',
        '- Grace Hopper, Screening: interviewed 2026-12-03 08:00; it is due by 2026-12-04 08:00.',
        '',
        'Open the workbook: https://docs.google.com/spreadsheets/d/abc123/edit',
        '',
        'Notes written while an interview is fresh make for fairer decisions, and candidates are glad to hear back soon. Thank you!',
        '',
        'Times are in America/Los_Angeles. Scorecard sends at most one of these a day, and only when something is waiting for you.',
      ].join('\n'),
    );
    expect(email.htmlBody).toContain('<a href="https://docs.google.com/spreadsheets/d/abc123/edit">');
  });

  it('shows the same instant in the zone of the spreadsheet it is for', () => {
    const { digests } = planDigests(input({ candidates: [ada] }));
    const tokyo = digestEmail(digests[0], { ...context, timeZone: TOKYO });
    expect(tokyo.body).toContain('interviewed 2026-12-02 03:00; it was due 2026-12-03 03:00');
    expect(tokyo.body).toContain('Times are in Asia/Tokyo.');
  });

  it('tells the hiring manager what waits for a decision and who is overdue', () => {
    const alan = candidate({ id: 'C-0007', name: 'Alan Turing', inStageSince: local('2026-11-26 15:00') });
    const { digests } = planDigests(
      input({
        candidates: [ada, alan],
        progress: progress([['C-0001', 'screening', 'ann@example.com']]),
        stageServiceLevels: { screening: { within: 2, unit: 'businessDays' } },
      }),
    );
    const mia = digests.find((d) => d.email === 'mia@example.com');
    const email = digestEmail(mia!, context);
    expect(email.subject).toBe('Scorecard · Backend hiring 2026: 1 decision waiting and 1 candidate overdue');
    expect(email.body).toContain(
      'Decisions waiting for you (1)\n' +
        '- Ada Lovelace, Screening: 1 of 2 scorecards are in; still to come from bob@example.com (interviewed 2026-12-01 10:00).',
    );
    expect(email.body).toContain(
      'Candidates waiting longer than their stage allows (1)\n' +
        '- Alan Turing, Screening: in this stage since 2026-11-26 15:00; the next step was due 2026-11-30, 3 days 9 hours ago.',
    );
    expect(email.body).not.toContain('Scorecards to write');
  });

  it('says when the whole panel is in', () => {
    const solo = candidate({
      id: 'C-0003',
      name: 'Alan Turing',
      panel: ['bob@example.com'],
      schedule: ada.schedule,
    });
    const { digests } = planDigests(
      input({
        candidates: [ada, solo],
        progress: progress([
          ['C-0001', 'screening', 'ann@example.com'],
          ['C-0001', 'screening', 'bob@example.com'],
          ['C-0003', 'screening', 'bob@example.com'],
        ]),
      }),
    );
    const email = digestEmail(digests[0], context);
    expect(email.body).toContain(
      '- Ada Lovelace, Screening: all 2 scorecards are in (interviewed 2026-12-01 10:00).',
    );
    expect(email.body).toContain(
      '- Alan Turing, Screening: the scorecard is in (interviewed 2026-12-01 10:00).',
    );
  });

  it('keeps every piece of user text literal in the HTML', () => {
    const hostile = candidate({
      id: 'C-0009',
      name: '<b>Ada</b> & "Co"',
      panel: ['bob@example.com'],
      schedule: { screening: local('2026-12-01 10:00') },
    });
    const { digests } = planDigests(input({ candidates: [hostile] }));
    const email = digestEmail(digests[0], {
      ...context,
      workbookName: "<script>alert('x')</script> hiring",
      workbookUrl: 'https://example.com/?a=1&b="2"',
    });
    expect(email.htmlBody).not.toContain('<b>Ada</b>');
    expect(email.htmlBody).not.toContain('<script>');
    expect(email.htmlBody).toContain('&lt;b&gt;Ada&lt;/b&gt; &amp; &quot;Co&quot;');
    expect(email.htmlBody).toContain('href="https://example.com/?a=1&amp;b=&quot;2&quot;"');
    expect(textOf(email.htmlBody)).toContain('<b>Ada</b> & "Co", Screening: interviewed 2026-12-01 10:00');
    expect(textOf(email.htmlBody)).toContain(
      "Here is what is waiting for you in <script>alert('x')</script> hiring today.",
    );
    expect(email.body).toContain('- <b>Ada</b> & "Co", Screening: interviewed');
  });

  it('links only to a web address', () => {
    const { digests } = planDigests(input({ candidates: [ada] }));
    const email = digestEmail(digests[0], { ...context, workbookUrl: 'javascript:alert(1)' });
    expect(email.htmlBody).not.toContain('href=');
    expect(email.htmlBody).toContain('javascript:alert(1)');
  });

  it('uses the ID when a candidate has no name, and one line for a name typed over several', () => {
    const nameless = candidate({
      id: 'C-0011',
      name: '',
      panel: ['bob@example.com'],
      schedule: ada.schedule,
    });
    const multiline = candidate({
      id: 'C-0012',
      name: 'Barbara\nLiskov',
      panel: ['bob@example.com'],
      schedule: ada.schedule,
    });
    const { digests } = planDigests(input({ candidates: [nameless, multiline] }));
    const email = digestEmail(digests[0], context);
    expect(email.body).toContain('- C-0011, Screening: interviewed');
    expect(email.body).toContain('- Barbara Liskov, Screening: interviewed');
  });
});
