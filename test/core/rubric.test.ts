import { getPreset } from '../../src/core/presets';
import { parseRubric, rubricFromProcess, rubricToRows } from '../../src/core/rubric';

const process = getPreset('backend-developer')!;

describe('the Rubric sheet', () => {
  const rows = rubricToRows(process, rubricFromProcess(process));

  it('round-trips the preset', () => {
    const parsed = parseRubric(rows, process);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rubric.passRule).toEqual({ minAverage: 4, minCategory: 3, minKeyRisk: 4 });
    expect(parsed.rubric.stages.screening.map((c) => [c.name, c.keyRisk])).toEqual(
      process.stages[0].categories.map((c) => [c.name, c.keyRisk]),
    );
    // Every category keeps its id (the Score log refers to categories by id), in every stage.
    for (const stage of process.stages) {
      expect(parsed.rubric.stages[stage.id].map((c) => c.id)).toEqual(stage.categories.map((c) => c.id));
    }
  });

  it('takes an added category, a changed key-risk flag and a new threshold', () => {
    const edited = rows.map((r) => [...r]);
    edited.push(['Screening', 'Honesty', 'yes', 'Straight answers', '', '', '', '', '', '', '']);
    edited[2][2] = true;
    edited[1][10] = 4.5;
    const parsed = parseRubric(edited, process);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const screening = parsed.rubric.stages.screening;
    expect(screening.map((c) => c.name)).toContain('Honesty');
    expect(screening.find((c) => c.name === 'Honesty')?.keyRisk).toBe(true);
    expect(screening[1].keyRisk).toBe(true);
    expect(parsed.rubric.passRule.minAverage).toBe(4.5);
  });

  it('lists every problem with its cell', () => {
    const edited = rows.map((r) => [...r]);
    edited[3][0] = 'Lunch';
    edited[4][1] = edited[5][1];
    edited[2][10] = 'high';
    const parsed = parseRubric(edited, process);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        { cell: 'A4', message: expect.stringContaining('"Lunch" is not a stage of this process') },
        { cell: 'B6', message: expect.stringContaining('appears twice') },
        { cell: 'K3', message: 'Minimum score in any category must be a number from 1 to 5' },
      ]),
    );
  });

  it('refuses a stage left without categories', () => {
    const edited = rows.filter((r, i) => i === 0 || r[0] !== 'Screening' || r[9] !== '');
    const withoutScreening = edited.map((r) =>
      r[0] === 'Screening' ? ['', '', '', '', '', '', '', '', '', r[9], r[10]] : r,
    );
    const parsed = parseRubric(withoutScreening, process);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems.map((p) => p.message)).toContain(
        'stage "Screening" has no categories left; keep at least one',
      );
  });
});
