import { processSchemas, type Stage } from '../../src/core/process';
import { DEFAULT_PRESET_ID, PRESETS, getPreset, listPresets } from '../../src/core/presets';

function stagesWithAgenda(): Array<[string, Stage]> {
  return PRESETS.flatMap((p) =>
    p.stages.filter((s) => s.agenda.length > 0).map((s): [string, Stage] => [`${p.id}/${s.id}`, s]),
  );
}

function mustGet(id: string) {
  const preset = getPreset(id);
  if (!preset) throw new Error(`preset ${id} missing`);
  return preset;
}

describe('presets', () => {
  it('has the five seed presets', () => {
    expect(PRESETS.map((p) => p.id).sort()).toEqual(
      [
        'backend-developer',
        'culture-partner',
        'five-stage-backend',
        'paid-take-home',
        'screening-focused',
      ].sort(),
    );
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s parses against ProcessSchema', (_id, preset) => {
    expect(processSchemas().ProcessSchema.safeParse(preset).success).toBe(true);
  });

  it('has unique preset ids', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has unique category ids within every stage', () => {
    for (const preset of PRESETS) {
      for (const stage of preset.stages) {
        const ids = stage.categories.map((c) => c.id);
        expect({ stage: `${preset.id}/${stage.id}`, unique: new Set(ids).size }).toEqual({
          stage: `${preset.id}/${stage.id}`,
          unique: ids.length,
        });
      }
    }
  });

  it('gives every stage agenda blocks, prompts and categories', () => {
    for (const preset of PRESETS) {
      for (const stage of preset.stages) {
        expect(stage.agenda.length).toBeGreaterThan(0);
        expect(stage.prompts.length).toBeGreaterThan(0);
        expect(stage.categories.length).toBeGreaterThan(0);
        if (stage.optional) expect(stage.runsWhen).toBeDefined();
      }
    }
  });

  it.each(stagesWithAgenda())('%s agenda minutes fit the planned range', (_label, stage) => {
    const sumMin = stage.agenda.reduce((sum, block) => sum + block.minutesMin, 0);
    const sumMax = stage.agenda.reduce((sum, block) => sum + block.minutesMax, 0);
    expect(sumMin).toBeLessThanOrEqual(stage.minutesMax);
    expect(sumMax).toBeGreaterThanOrEqual(stage.minutesMin);
  });

  it('writes five distinct anchors per category and never reuses an anchor set', () => {
    const seen = new Set<string>();
    for (const preset of PRESETS) {
      for (const stage of preset.stages) {
        for (const category of stage.categories) {
          expect(new Set(category.anchors).size).toBe(5);
          const key = category.anchors.join('|');
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }
    }
  });

  it('never reuses a single anchor sentence across categories', () => {
    const anchors = PRESETS.flatMap((p) =>
      p.stages.flatMap((s) => s.categories.flatMap((c) => [...c.anchors])),
    );
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it('keeps company names from the seeds out of the text', () => {
    const text = JSON.stringify(PRESETS).toLowerCase();
    for (const name of ['media tech', 'spyn', 'backstageit', 'vinncorp']) {
      expect(text).not.toContain(name);
    }
  });
});

describe('default preset (seed 000)', () => {
  const preset = mustGet(DEFAULT_PRESET_ID);

  it('is backend-developer and listed first', () => {
    expect(DEFAULT_PRESET_ID).toBe('backend-developer');
    expect(PRESETS[0].id).toBe(DEFAULT_PRESET_ID);
    expect(preset.source).toBe('000');
  });

  it('has exactly the three seed stages with their durations', () => {
    expect(preset.stages.map((s) => [s.id, s.minutesMin, s.minutesMax, s.optional])).toEqual([
      ['screening', 15, 20, false],
      ['main-interview', 45, 75, false],
      ['practical-test', 30, 45, true],
    ]);
    expect(preset.stages[2].runsWhen).toMatch(/take-home/);
  });

  it('has the seed agenda minutes', () => {
    expect(preset.stages.map((s) => s.agenda.map((b) => [b.minutesMin, b.minutesMax]))).toEqual([
      [
        [2, 2],
        [3, 3],
        [5, 5],
        [3, 3],
        [3, 3],
        [0, 0],
      ],
      [
        [5, 5],
        [20, 30],
        [10, 15],
        [5, 10],
        [10, 10],
      ],
      [
        [10, 10],
        [15, 25],
        [5, 10],
      ],
    ]);
  });

  it('has the seed categories and key-risk flags', () => {
    expect(preset.stages.map((s) => s.categories.map((c) => [c.name, c.keyRisk]))).toEqual([
      [
        ['Communication clarity', true],
        ['Motivation fit', false],
        ['Basic role fit', false],
      ],
      [
        ['Role-specific technical depth', true],
        ['Problem decomposition', false],
        ['Working-style fit', false],
        ['Communication of judgement', false],
        ['Candidate’s questions', false],
      ],
      [
        ['Justifies decisions clearly', true],
        ['Adapts to new constraints', true],
        ['Produced the work themselves', false],
        ['Depth beyond the surface', false],
      ],
    ]);
  });

  it('carries the screening questions, both scenarios and the curveball', () => {
    const [screening, main, practical] = preset.stages;
    expect(
      screening.prompts.filter((p) => p.kind === 'question' && /^Screening question/.test(p.label)),
    ).toHaveLength(2);
    const scenarios = main.prompts.filter((p) => p.kind === 'scenario');
    expect(scenarios.map((p) => p.label)).toEqual(['Scenario A', 'Scenario B']);
    expect(scenarios[0].text).toMatch(/4s/);
    expect(scenarios[0].text).toMatch(/14s/);
    expect(scenarios[1].text).toMatch(/sub-processor/);
    expect(practical.prompts.some((p) => p.kind === 'curveball')).toBe(true);
  });

  it('has the seed pass rule and decision procedure', () => {
    expect(preset.passRule).toEqual({ minAverage: 4, minCategory: 3, minKeyRisk: 4 });
    expect(preset.decision).toMatchObject({
      scorers: 2,
      maxGap: 1,
      decider: 'Hiring manager',
      veto: { holder: 'Second interviewer', scope: 'culture fit' },
    });
    expect(preset.decision.steps.length).toBeGreaterThanOrEqual(5);
  });
});

describe('other seed figures', () => {
  it('001 promises shortlist contact within 5–7 business days and uses a different panel per stage', () => {
    const preset = mustGet('five-stage-backend');
    expect(preset.stages.map((s) => [s.minutesMin, s.minutesMax])).toEqual([
      [0, 0],
      [30, 45],
      [60, 120],
      [60, 90],
      [45, 60],
    ]);
    const level = preset.stages[0].serviceLevel;
    expect(level).toMatchObject({ within: 7, unit: 'businessDays' });
    expect(level?.description).toMatch(/5–7 business days/);
    const panels = preset.stages.map((s) => s.conductedBy);
    expect(new Set(panels).size).toBe(panels.length);
  });

  it('002 has six stages, the rubric categories, and an offer within 48 hours', () => {
    const preset = mustGet('paid-take-home');
    expect(preset.stages).toHaveLength(6);
    const review = preset.stages.find((s) => s.id === 'rubric-code-review');
    expect(review?.categories.map((c) => c.id)).toEqual([
      'data-model-choices',
      'error-handling',
      'test-quality',
      'commit-history',
    ]);
    const offer = preset.stages.find((s) => s.id === 'offer');
    expect(offer?.serviceLevel).toMatchObject({ within: 48, unit: 'hours' });
    expect(offer?.serviceLevel?.description).toMatch(/48 hours/);
    const takeHome = preset.stages.find((s) => s.id === 'paid-take-home');
    const instructions = takeHome?.prompts.filter((p) => p.kind === 'instruction').map((p) => p.text) ?? [];
    expect(instructions.join(' ')).toMatch(/\$400/);
    expect(instructions.join(' ')).toMatch(/automatically/);
    expect(preset.decision.scorers).toBe(2);
  });

  it('004 has a 30–60 minute partner interview', () => {
    const partner = mustGet('culture-partner').stages.find((s) => s.id === 'partner-interview');
    expect([partner?.minutesMin, partner?.minutesMax]).toEqual([30, 60]);
  });
});

describe('lookup helpers', () => {
  it('getPreset finds presets by id and returns undefined otherwise', () => {
    expect(getPreset('paid-take-home')?.id).toBe('paid-take-home');
    expect(getPreset('no-such-preset')).toBeUndefined();
  });

  it('listPresets summarises every preset', () => {
    expect(listPresets()).toEqual(
      PRESETS.map((p) => ({ id: p.id, name: p.name, summary: p.summary, stageCount: p.stages.length })),
    );
    expect(listPresets().find((p) => p.id === DEFAULT_PRESET_ID)?.stageCount).toBe(3);
  });
});
