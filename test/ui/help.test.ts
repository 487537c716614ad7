/** Extensions ▸ Scorecard ▸ Help, as a user opens it: it points at every journey, not only setup. */
import { createRuntime } from '../../runtime';

test('Help names Score candidate, the panel, the documents and the formulas', () => {
  const rt = createRuntime();
  rt.call('showHelp');
  const [help] = rt.ui.alerts;
  expect(help.title).toBe('Scorecard help');
  for (const mention of [
    'Set up workbook',
    'Score candidate',
    'The panel',
    'hiring manager record the agreed scores and the decision',
    'Generate interview script',
    'Generate debrief',
    'Check templates',
    'Pipeline',
    'Insights builds an Insights sheet',
    'PASSES, RUBRIC_AVERAGE, PASS_REASON, DIVERGENT, AGREEMENT and CALIBRATION',
    'Type =PASSES( to see its help.',
  ])
    expect(help.message).toContain(mention);
});
