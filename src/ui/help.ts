/** The Help dialog: a short orientation, as plain text in an alert (no HTML needed); the text is TEXTS.help. */
import type { Services } from './services';

export function showHelpDialog(services: Services): void {
  services.ui.alert('Scorecard help', services.presets().texts.help, services.ui.ButtonSet.OK);
}
