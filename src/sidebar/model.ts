/**
 * The sidebar's DOM-free logic: formatting, form state, checks before sending and the panel table's view model.
 * Only types come from the contract (`import type`), so zod never reaches the browser bundle; the limits and labels
 * come from core/labels.ts and score formatting from core/format.ts, both zod-free and shared with the server.
 */
import type {
  ContextCategory,
  GenerateDebriefDocumentResponse,
  OwnScorecard,
  PanelView,
  PanelWithdrawnVeto,
  ScoringContext,
  StageChoice,
  SubmitScorecardRequest,
  SubmitScorecardResponse,
} from '../core/contract';
import { formatScore } from '../core/format';
import {
  AFTER_PANEL_LABELS,
  MAX_NOTE_LENGTH,
  OUTCOME_LABELS,
  type Outcome,
  type Recommendation,
} from '../core/labels';

export const SCORE_VALUES = [1, 2, 3, 4, 5] as const;

// ---- Formatting -----------------------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 May 2025, 14:03" in the browser's time zone; the input unchanged when it is not a time. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}, ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** The part of an email before the @, for narrow table headers (the full address goes in a tooltip). */
export function shortEmail(email: string): string {
  const at = email.indexOf('@');
  return at > 0 ? email.slice(0, at) : email;
}

/** The stage picker's option text: "Main interview (current)", "Practical test (optional, not reached)". */
export function stageOptionLabel(stage: StageChoice): string {
  const marks: string[] = [];
  if (stage.current) marks.push('current');
  if (stage.optional) marks.push('optional');
  if (!stage.reached) marks.push('not reached');
  return marks.length > 0 ? `${stage.name} (${marks.join(', ')})` : stage.name;
}

/** What a score means for a category: "3 – Some evidence of …"; "" for no score. */
export function anchorText(category: Pick<ContextCategory, 'anchors'>, score: number | null): string {
  if (score === null || !Number.isInteger(score) || score < 1 || score > 5) return '';
  return `${score} – ${category.anchors[score - 1]}`;
}

/** A server or network failure in plain words (Apps Script prefixes thrown messages with "Error: " or "Exception: "). */
export function errorText(error: unknown): string {
  let message = '';
  if (error instanceof Error) message = error.message;
  else if (typeof error === 'string') message = error;
  else if (error && typeof error === 'object' && 'message' in error) message = String(error.message);
  message = message.replace(/^(?:(?:Uncaught\s+)?(?:Script)?(?:Error|Exception|TypeError):\s*)+/i, '').trim();
  if (message === '') return 'Something went wrong and nothing was recorded. Please try again.';
  if (/NetworkError|network|failed to fetch/i.test(message)) {
    return 'Could not reach Google Sheets (network problem). Check your connection and try again.';
  }
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

export function submittedMessage(response: SubmitScorecardResponse): string {
  const when = formatWhen(response.submittedAt);
  if (response.duplicate) {
    return `This scorecard was already recorded (version ${response.version}, ${when}); it was not recorded twice.`;
  }
  const marked = response.afterPanel
    ? ` You had seen the panel, so it is marked “${AFTER_PANEL_LABELS[response.afterPanel]}” wherever it is shown.`
    : '';
  return `Scorecard submitted: version ${response.version}, ${when}.${marked}`;
}

/** "Version 2, 2 Dec 10:00", and how it came after seeing the panel when it did. */
export function versionText(card: Pick<OwnScorecard, 'version' | 'submittedAt' | 'afterPanel'>): string {
  const mark = card.afterPanel ? ` · ${AFTER_PANEL_LABELS[card.afterPanel]}` : '';
  return `Version ${card.version}, ${formatWhen(card.submittedAt)}${mark}`;
}

// ---- The scorecard form ---------------------------------------------------------------------------------

export interface ScoreForm {
  scores: Record<string, number | null>;
  notes: Record<string, string>;
  recommendation: Recommendation | '';
  overallNote: string;
}

/** The form for a stage: the viewer's latest scorecard when there is one, else empty. */
export function initialScoreForm(context: Pick<ScoringContext, 'stage' | 'mine'>): ScoreForm {
  const { mine } = context;
  const scores: Record<string, number | null> = {};
  const notes: Record<string, string> = {};
  for (const c of context.stage.categories) {
    scores[c.id] = mine?.scores[c.id] ?? null;
    notes[c.id] = mine?.notes[c.id] ?? '';
  }
  return {
    scores,
    notes,
    recommendation: mine?.recommendation ?? '',
    overallNote: mine?.overallNote ?? '',
  };
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

type ScorecardBody = Pick<SubmitScorecardRequest, 'scores' | 'notes' | 'recommendation' | 'overallNote'>;

function noteProblem(label: string, text: string): string | null {
  return text.length > MAX_NOTE_LENGTH
    ? `${label} is ${text.length} characters; the limit is ${MAX_NOTE_LENGTH}.`
    : null;
}

/** Checks the form before sending: every category rated, a recommendation chosen, notes within the limit. */
export function checkScoreForm(
  form: ScoreForm,
  categories: readonly ContextCategory[],
): Checked<ScorecardBody> {
  const errors: string[] = [];
  const scores: Record<string, number> = {};
  const notes: Record<string, string> = {};
  const unrated: string[] = [];
  for (const c of categories) {
    const score = form.scores[c.id];
    if (typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 5)
      scores[c.id] = score;
    else unrated.push(c.name);
    const note = (form.notes[c.id] ?? '').trim();
    const problem = noteProblem(`The note for ${c.name}`, note);
    if (problem) errors.push(problem);
    else if (note !== '') notes[c.id] = note;
  }
  if (unrated.length > 0) errors.unshift(`Rate every category from 1 to 5: ${unrated.join(', ')}.`);
  if (form.recommendation === '') errors.push('Choose an overall recommendation.');
  const overallNote = form.overallNote.trim();
  const overallProblem = noteProblem('The overall note', overallNote);
  if (overallProblem) errors.push(overallProblem);
  if (errors.length > 0 || form.recommendation === '') return { ok: false, errors };
  return { ok: true, value: { scores, notes, recommendation: form.recommendation, overallNote } };
}

// ---- The decision and veto forms ------------------------------------------------------------------------

export interface DecisionForm {
  /** Input text per category id, as typed. */
  reconciled: Record<string, string>;
  outcome: Outcome | '';
  note: string;
}

/** Rounds to the nearest half point, the step of a reconciled score. */
export function roundToHalf(value: number): number {
  return Math.min(5, Math.max(1, Math.round(value * 2) / 2));
}

/** Pre-filled with the reconciled scores when set, else the panel mean rounded to the nearest half point. */
export function initialDecisionForm(panel: PanelView): DecisionForm {
  const reconciled: Record<string, string> = {};
  for (const c of panel.categories) {
    const value = c.reconciled ?? (c.panelScore === null ? null : roundToHalf(c.panelScore));
    reconciled[c.id] = value === null ? '' : String(value);
  }
  return { reconciled, outcome: panel.decision?.outcome ?? '', note: '' };
}

export function checkDecisionForm(
  form: DecisionForm,
  panel: Pick<PanelView, 'categories' | 'veto'>,
): Checked<{ reconciled: Record<string, number>; outcome: Outcome; note: string }> {
  const errors: string[] = [];
  const reconciled: Record<string, number> = {};
  for (const c of panel.categories) {
    const text = (form.reconciled[c.id] ?? '').trim();
    const value = text === '' ? NaN : Number(text);
    if (Number.isFinite(value) && value >= 1 && value <= 5 && Number.isInteger(value * 2)) {
      reconciled[c.id] = value;
    } else {
      errors.push(
        text === ''
          ? `Enter a reconciled score for ${c.name}.`
          : `The reconciled score for ${c.name} must be from 1 to 5 in steps of 0.5 (got "${text}").`,
      );
    }
  }
  if (form.outcome === '') errors.push('Choose the decision: advance, hold or reject.');
  if (form.outcome === 'advance' && panel.veto) {
    errors.push(`A culture-fit veto by ${panel.veto.by} stands, so the candidate cannot advance.`);
  }
  const note = form.note.trim();
  if (note === '') errors.push('Write a note saying why.');
  const problem = noteProblem('The note', note);
  if (problem) errors.push(problem);
  if (errors.length > 0 || form.outcome === '') return { ok: false, errors };
  return { ok: true, value: { reconciled, outcome: form.outcome, note } };
}

/** A required note (a veto's concern, a withdrawal's reason): trimmed, not empty, within the note limits. */
function checkRequiredNote(text: string, whenEmpty: string, label: string): Checked<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, errors: [whenEmpty] };
  const problem = noteProblem(label, trimmed);
  return problem ? { ok: false, errors: [problem] } : { ok: true, value: trimmed };
}

export function checkWithdrawNote(note: string): Checked<string> {
  return checkRequiredNote(note, 'Write why you withdraw the veto.', 'The note');
}

export function checkVetoReason(reason: string): Checked<string> {
  return checkRequiredNote(reason, 'Write the culture-fit concern behind the veto.', 'The reason');
}

// ---- The panel table ------------------------------------------------------------------------------------

export interface PanelTable {
  columns: { label: string; title: string }[];
  rows: {
    id: string;
    name: string;
    keyRisk: boolean;
    cells: string[];
    panelScore: string;
    /** "reconciled" or "mean" or "" when nobody scored it. */
    basis: 'reconciled' | 'mean' | '';
    divergent: boolean;
    gapText: string;
  }[];
}

export const DISCUSS = 'Discuss before deciding';

export function panelTable(panel: PanelView): PanelTable {
  return {
    columns: panel.interviewers.map((i) => ({ label: shortEmail(i.email), title: i.email })),
    rows: panel.categories.map((c) => ({
      id: c.id,
      name: c.name,
      keyRisk: c.keyRisk,
      cells: c.scores.map(formatScore),
      panelScore: formatScore(c.panelScore),
      basis: c.reconciled !== null ? 'reconciled' : c.panelScore !== null ? 'mean' : '',
      divergent: c.divergent,
      gapText: c.divergent && c.gap !== null ? `${DISCUSS}: scores differ by ${formatScore(c.gap)}` : '',
    })),
  };
}

const PASS_WORDS: Record<PanelView['pass']['status'], string> = {
  pass: 'Passes the rule',
  fail: 'Does not pass the rule',
  pending: 'Pending',
};

/** What the status box says first: the decision-relevant fact, so a standing veto comes before the scores. */
export function passHeadline(panel: Pick<PanelView, 'pass' | 'veto'>): string {
  return panel.veto ? 'Vetoed on culture fit: cannot advance' : PASS_WORDS[panel.pass.status];
}

/** The status box's colour: a standing veto is shown as the block it is, whatever the scores say. */
export function passTone(panel: Pick<PanelView, 'pass' | 'veto'>): 'vetoed' | PanelView['pass']['status'] {
  return panel.veto ? 'vetoed' : panel.pass.status;
}

/** Under a veto, what the scores alone would say, worded so it cannot be read as the outcome. */
export function scoresAloneText(panel: Pick<PanelView, 'pass' | 'veto'>): string {
  if (!panel.veto) return panel.pass.summary;
  const word = PASS_WORDS[panel.pass.status].toLowerCase();
  return `The scores alone: ${word}${panel.pass.summary ? ` (${panel.pass.summary})` : ''}. The veto overrides them.`;
}

/** A withdrawn veto as the panel lists it: who, when, and why it was withdrawn. */
export function withdrawnVetoText(veto: PanelWithdrawnVeto): string {
  return `Veto by ${veto.by} (${formatWhen(veto.at)}) withdrawn ${formatWhen(veto.withdrawnAt)}.`;
}

export function decisionText(panel: Pick<PanelView, 'decision'>): string {
  const d = panel.decision;
  if (!d) return '';
  return `${OUTCOME_LABELS[d.outcome]} — decided by ${d.decidedBy}, ${formatWhen(d.decidedAt)}`;
}

export function vetoText(panel: Pick<PanelView, 'veto'>): string {
  const v = panel.veto;
  if (!v) return '';
  return `Culture-fit veto by ${v.by}, ${formatWhen(v.at)}. The candidate cannot advance.`;
}

// ---- The debrief document -------------------------------------------------------------------------------

/** Only a Google Docs address becomes a link; anything else the server might return is shown as text. */
export function documentHref(url: string): string | null {
  return /^https:\/\/docs\.google\.com\/document\/d\/[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_\-./?=&#%]*)?$/.test(url)
    ? url
    : null;
}

export interface DebriefLink {
  /** The link target, or null when the address is not a Google Docs one (then `text` is shown plain). */
  href: string | null;
  text: string;
  /** For the status line. */
  message: string;
}

/** What the panel view shows once the debrief document is ready. */
export function debriefLink(response: GenerateDebriefDocumentResponse): DebriefLink {
  const href = documentHref(response.url);
  const done = response.replaced
    ? 'Debrief updated: the existing document was rewritten in place (same link).'
    : 'Debrief document created.';
  return {
    href,
    text: href ? response.name || 'Open the debrief' : response.url,
    message: response.note ? `${done} ${response.note}` : done,
  };
}
