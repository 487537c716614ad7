import {
  assignIds,
  candidateIdNumber,
  dueDate,
  formatCandidateId,
  parseEmails,
} from '../../src/core/candidates';

describe('candidate IDs', () => {
  it('formats and reads IDs', () => {
    expect(formatCandidateId(7)).toBe('C-0007');
    expect(candidateIdNumber(' C-0042 ')).toBe(42);
    expect(candidateIdNumber('X-1')).toBeUndefined();
  });

  it('gives IDs only to named rows without one, never reusing a number', () => {
    const { ids, nextCounter } = assignIds(
      [
        { idCell: 'C-0005', nameCell: 'Ada' },
        { idCell: '', nameCell: 'Grace' },
        { idCell: '', nameCell: '' },
        { idCell: '', nameCell: 'Edsger' },
      ],
      3,
    );
    expect(ids).toEqual([null, 'C-0006', null, 'C-0007']);
    expect(nextCounter).toBe(8);
  });

  it('keeps counting from the stored counter when the highest rows were deleted', () => {
    expect(assignIds([{ idCell: '', nameCell: 'New' }], 12).ids).toEqual(['C-0012']);
  });
});

describe('service levels', () => {
  it('counts business days over a weekend', () => {
    const friday = new Date(2026, 10, 20);
    const due = dueDate(friday, { within: 7, unit: 'businessDays', description: 'x' });
    expect(due.toDateString()).toBe(new Date(2026, 11, 1).toDateString()); // Tuesday after next
  });

  it('counts hours', () => {
    const start = new Date(Date.UTC(2026, 0, 1, 9));
    expect(dueDate(start, { within: 48, unit: 'hours', description: 'x' }).toISOString()).toBe(
      '2026-01-03T09:00:00.000Z',
    );
  });
});

describe('parseEmails', () => {
  it('splits on commas, semicolons and spaces, lower-cased', () => {
    expect(parseEmails('Ann@x.io, bob@x.io;carl@x.io\ndee@x.io')).toEqual([
      'ann@x.io',
      'bob@x.io',
      'carl@x.io',
      'dee@x.io',
    ]);
  });
});
