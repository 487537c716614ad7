import type { Process } from '../../../src/core/process';
import { PRESETS, getPreset } from '../../../src/core/presets';
import { documentToPlainText } from '../../../src/core/templates/document';
import { defaultTemplateRows } from '../../../src/core/templates/defaults';
import { findPlaceholders, isKnownPlaceholder } from '../../../src/core/templates/placeholders';
import { renderDebriefDocument, renderInterviewDocument } from '../../../src/core/templates/render';
import { checkTemplates, templateRowsToCells } from '../../../src/core/templates/template';
import { adaLovelace } from '../fixtures/candidate-ada-lovelace';
import { twoStageProcessWithKeyRisk } from '../fixtures/two-stage-process-with-key-risk';

function renderAll(process: Process): string[] {
  const templates = defaultTemplateRows(process);
  const common = {
    process,
    templates,
    candidate: adaLovelace,
    today: '2026-05-13',
    workbookUrl: 'https://x.test',
  };
  return process.stages.flatMap((stage) => {
    const script = renderInterviewDocument({ ...common, stage });
    const debrief = renderDebriefDocument({
      ...common,
      stage,
      scorecards: [],
      divergent: [],
      reconciled: null,
      decision: null,
      veto: null,
      passSummary: { passes: null, reasons: [] },
    });
    return [documentToPlainText(script), documentToPlainText(debrief)];
  });
}

function checkDefaults(process: Process): void {
  const rows = defaultTemplateRows(process);
  for (const row of rows)
    for (const name of findPlaceholders(row.text)) expect(isKnownPlaceholder(name)).toBe(true);
  expect(checkTemplates(templateRowsToCells(rows), [process])).toEqual({ ok: true, templates: rows });
  for (const text of renderAll(process)) {
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).toContain('Ada Lovelace');
  }
}

describe('defaultTemplateRows', () => {
  const rows = defaultTemplateRows(twoStageProcessWithKeyRisk);

  it('has rows for every stage, the debrief and the candidate update, with unique orders per stage', () => {
    const stages = new Set(rows.map((r) => r.stage));
    expect([...stages]).toEqual(['screening', 'main-interview', 'debrief', 'update']);
    for (const stage of stages) {
      const orders = rows.filter((r) => r.stage === stage).map((r) => r.order);
      expect(new Set(orders).size).toBe(orders.length);
    }
  });

  it('includes the generated blocks a script and a debrief need', () => {
    const blocksOf = (stage: string) => rows.filter((r) => r.stage === stage).map((r) => r.block);
    expect(blocksOf('main-interview')).toEqual(
      expect.arrayContaining([
        'title',
        'details-table',
        'agenda',
        'questions',
        'scoring-table',
        'pass-rule',
        'decision',
      ]),
    );
    expect(blocksOf('debrief')).toEqual(
      expect.arrayContaining(['scorecards-table', 'divergence', 'reconciled', 'outcome', 'decision']),
    );
  });

  it('tells interviewers to score independently before the debrief', () => {
    const text = rows.map((r) => r.text).join('\n');
    expect(text).toMatch(/Score on your own/);
    expect(text).toMatch(/before the debrief/);
  });

  it('passes Check templates and renders without error for the fixture', () => {
    checkDefaults(twoStageProcessWithKeyRisk);
  });

  it('mentions when an optional stage runs, without creating placeholders from stage data', () => {
    const stage = {
      ...twoStageProcessWithKeyRisk.stages[1],
      optional: true,
      runsWhen: 'a take-home {{was}} sent',
    };
    const process = { ...twoStageProcessWithKeyRisk, stages: [twoStageProcessWithKeyRisk.stages[0], stage] };
    const optionalRows = defaultTemplateRows(process);
    expect(
      optionalRows.some((r) => r.text.includes('This stage is optional. It runs when: a take-home')),
    ).toBe(true);
    checkDefaults(process);
  });
});

describe('default templates for every preset', () => {
  it('renders every stage script and debrief of every preset and passes Check templates', () => {
    expect(PRESETS.length).toBeGreaterThan(0);
    for (const preset of PRESETS) checkDefaults(preset);
    const all = PRESETS.flatMap((p) => defaultTemplateRows(p));
    expect(checkTemplates(templateRowsToCells(all), PRESETS).ok).toBe(true);
  });

  it("names the default preset's main interview script as the issue describes", () => {
    const preset = getPreset('backend-developer');
    expect(preset).toBeDefined();
    if (!preset) return;
    const stage = preset.stages[1];
    const doc = renderInterviewDocument({
      process: preset,
      stage,
      templates: defaultTemplateRows(preset),
      candidate: adaLovelace,
      today: '2026-05-13',
      workbookUrl: 'https://x.test',
    });
    expect(doc.name).toBe(`Stage 2 · ${stage.name} — Ada Lovelace (Backend Developer)`);
    expect(documentToPlainText(doc)).toContain('Planned: 45–75 min; agenda adds up to');
  });
});
