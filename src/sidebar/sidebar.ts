/**
 * The "Score candidate" sidebar: candidate header, stage picker, the scorecard form and, once the viewer may
 * see it, the panel (scores side by side, divergences, pass decision, decision and veto forms). All DOM is
 * built with createElement/textContent (see dom.ts); the logic that needs no DOM lives in model.ts.
 */
import type {
  ContextCategory,
  GenerateDebriefDocumentResponse,
  GetScoringContextRequest,
  PanelView,
  RightsInForce,
  ScoringContext,
} from '../core/contract';
import {
  AFTER_PANEL_LABELS,
  MAX_NOTE_LENGTH,
  OUTCOMES,
  OUTCOME_LABELS,
  RECOMMENDATIONS,
  RECOMMENDATION_LABELS,
  type Outcome,
  type Recommendation,
} from '../core/labels';
import { call } from './client';
import { type Child, append, h, replaceChildren, uid } from './dom';
import { PendingSubmission, newSubmissionId } from './ids';
import {
  DISCUSS,
  SCORE_VALUES,
  anchorText,
  checkDecisionForm,
  checkScoreForm,
  checkVetoReason,
  checkWithdrawNote,
  debriefLink,
  decisionText,
  errorText,
  formatWhen,
  initialDecisionForm,
  initialScoreForm,
  panelTable,
  passHeadline,
  passTone,
  scoresAloneText,
  stageOptionLabel,
  submittedMessage,
  versionText,
  vetoText,
  withdrawnVetoText,
  type DecisionForm,
  type ScoreForm,
} from './model';

type Tab = 'score' | 'panel';
type StatusKind = 'info' | 'success' | 'error';

const state: {
  context: ScoringContext | null;
  form: ScoreForm | null;
  panel: PanelView | null;
  decision: DecisionForm | null;
  veto: string;
  /** The veto holder's note while they write why they withdraw it. */
  withdrawal: string;
  tab: Tab;
  /** Whether the person picked a tab; until then a hiring manager's sidebar opens on the Panel. */
  tabChosen: boolean;
  /** The last debrief document made from the panel view, for this candidate and stage (`key`). */
  debrief: { key: string; response: GenerateDebriefDocumentResponse } | null;
} = {
  context: null,
  form: null,
  panel: null,
  decision: null,
  veto: '',
  withdrawal: '',
  tab: 'score',
  tabChosen: false,
  debrief: null,
};

const submitIds = new PendingSubmission();
const decisionIds = new PendingSubmission();
const vetoIds = new PendingSubmission();
const withdrawalIds = new PendingSubmission();
const rightsIds = new PendingSubmission();

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The sidebar page lacks #${id}`);
  return element as T;
}

const ui = {
  header: byId<HTMLElement>('candidate'),
  loading: byId<HTMLElement>('loading'),
  tabs: byId<HTMLElement>('tabs'),
  tabScore: byId<HTMLButtonElement>('tab-score'),
  tabPanel: byId<HTMLButtonElement>('tab-panel'),
  score: byId<HTMLElement>('view-score'),
  panel: byId<HTMLElement>('view-panel'),
  status: byId<HTMLElement>('status'),
};

// ---- Status and busy buttons ----------------------------------------------------------------------------

function setStatus(text: string, kind: StatusKind = 'info'): void {
  ui.status.className = `status ${text === '' ? '' : `status-${kind}`}`;
  replaceChildren(ui.status, text);
}

/** Disables the button (and marks it busy) while the call runs; re-enables it afterwards, whatever happens. */
async function whileBusy(
  button: HTMLButtonElement,
  busyLabel: string,
  work: () => Promise<void>,
): Promise<void> {
  const label = button.textContent ?? '';
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = busyLabel;
  try {
    await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = label;
  }
}

// ---- Loading --------------------------------------------------------------------------------------------

async function load(request: GetScoringContextRequest): Promise<void> {
  ui.loading.hidden = false;
  replaceChildren(ui.loading, 'Loading…');
  ui.score.setAttribute('aria-busy', 'true');
  try {
    const context = await call('getScoringContext', request);
    state.context = context;
    state.form = initialScoreForm(context);
    state.panel = null;
    state.decision = null;
    ui.loading.hidden = true;
    renderHeader(context);
    renderScoreView(context);
    renderTabs(context);
    // The hiring manager comes to decide: their sidebar opens on the Panel unless they picked a tab, or still
    // have their own scorecard to write for this candidate (core/scoring/context.ts).
    const wantsPanel = state.tabChosen ? state.tab === 'panel' : context.opensOnPanel;
    if (wantsPanel && context.canSeePanel) await loadPanel();
    else showTab('score');
  } catch (error) {
    setStatus(errorText(error), 'error');
    const retry = h('button', { type: 'button', class: 'button secondary' }, 'Try again');
    retry.addEventListener('click', () => {
      setStatus('');
      void load(request);
    });
    replaceChildren(ui.loading, h('span', {}, 'The candidate could not be loaded. '), retry);
    ui.loading.hidden = false;
  } finally {
    ui.score.removeAttribute('aria-busy');
  }
}

async function loadPanel(): Promise<void> {
  const context = state.context;
  if (!context) return;
  replaceChildren(ui.panel, h('p', { class: 'muted' }, 'Loading the panel…'));
  showTab('panel');
  try {
    const panel = await call('getPanel', { candidateId: context.candidate.id, stageId: context.stage.id });
    setPanel(panel);
  } catch (error) {
    replaceChildren(ui.panel, h('p', { class: 'muted' }, 'The panel could not be loaded.'));
    setStatus(errorText(error), 'error');
  }
}

function setPanel(panel: PanelView): void {
  state.panel = panel;
  state.decision = initialDecisionForm(panel);
  if (state.context) renderPanelView(state.context, panel);
}

// ---- Header and tabs ------------------------------------------------------------------------------------

function renderHeader(context: ScoringContext): void {
  const { candidate } = context;
  replaceChildren(
    ui.header,
    h('h1', { class: 'name' }, candidate.name || candidate.id),
    h(
      'p',
      { class: 'meta' },
      [candidate.role, `Current stage: ${candidate.stageName || '–'}`].filter(Boolean).join(' · '),
    ),
    candidate.hiringManager ? h('p', { class: 'meta' }, `Hiring manager: ${candidate.hiringManager}`) : null,
    h('p', { class: 'meta muted' }, `Signed in as ${context.me.email}`),
  );
  ui.header.hidden = false;
}

function renderTabs(context: ScoringContext): void {
  ui.tabs.hidden = !context.canSeePanel;
  ui.tabPanel.hidden = !context.canSeePanel;
}

function showTab(tab: Tab): void {
  state.tab = tab;
  const panelAllowed = state.context?.canSeePanel === true;
  const showPanel = tab === 'panel' && panelAllowed;
  ui.score.hidden = showPanel;
  ui.panel.hidden = !showPanel;
  for (const [button, selected] of [
    [ui.tabScore, !showPanel],
    [ui.tabPanel, showPanel],
  ] as const) {
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
  }
}

ui.tabScore.addEventListener('click', () => {
  state.tabChosen = true;
  showTab('score');
});
ui.tabPanel.addEventListener('click', () => {
  state.tabChosen = true;
  if (state.panel && state.context) {
    renderPanelView(state.context, state.panel);
    showTab('panel');
  } else void loadPanel();
});
ui.tabs.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const next = state.tab === 'score' && !ui.tabPanel.hidden ? ui.tabPanel : ui.tabScore;
  next.focus();
  next.click();
  event.preventDefault();
});

// ---- The scorecard form ---------------------------------------------------------------------------------

function stagePicker(context: ScoringContext): HTMLElement {
  const id = uid('stage');
  const select = h('select', { id, class: 'input' });
  for (const stage of context.stages) {
    const option = h('option', { value: stage.id }, stageOptionLabel(stage));
    option.selected = stage.id === context.stage.id;
    select.appendChild(option);
  }
  select.addEventListener('change', () => {
    setStatus('');
    void load({ candidateId: context.candidate.id, stageId: select.value });
  });
  const chosen = context.stages.find((s) => s.id === context.stage.id);
  const hints = [context.stage.minutes, chosen?.optional ? 'optional stage' : ''].filter(Boolean).join(' · ');
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id, class: 'label' }, 'Stage'),
    select,
    hints ? h('p', { class: 'hint' }, hints) : null,
    chosen && !chosen.reached
      ? h('p', { class: 'hint warn' }, 'The candidate has not reached this stage yet.')
      : null,
  );
}

function ratingGroup(category: ContextCategory, form: ScoreForm): HTMLElement {
  const legendId = uid('legend');
  const selectedId = uid('anchor');
  const name = uid(`score-${category.id}`);
  const selected = h('p', { id: selectedId, class: 'anchor' });
  const showAnchor = (score: number | null) =>
    replaceChildren(selected, anchorText(category, score) || 'Not rated yet: choose 1 to 5.');
  showAnchor(form.scores[category.id] ?? null);

  const group = h('div', {
    class: 'rating',
    role: 'radiogroup',
    'aria-labelledby': legendId,
    'aria-required': 'true',
  });
  const descriptions = h('div', { hidden: true });
  for (const value of SCORE_VALUES) {
    const describedBy = uid('anchor-text');
    const input = h('input', {
      type: 'radio',
      name,
      value,
      'aria-describedby': describedBy,
    });
    input.checked = form.scores[category.id] === value;
    input.addEventListener('change', () => {
      if (!input.checked) return;
      form.scores[category.id] = value;
      showAnchor(value);
    });
    group.appendChild(h('label', { class: 'pip' }, input, h('span', { class: 'num' }, String(value))));
    // Outside the label, so the radio's name stays its number and the anchor is its description.
    descriptions.appendChild(h('span', { id: describedBy }, category.anchors[value - 1]));
  }

  const noteId = uid('note');
  const note = h('textarea', { id: noteId, class: 'input', rows: 2, maxlength: MAX_NOTE_LENGTH });
  note.value = form.notes[category.id] ?? '';
  note.addEventListener('input', () => {
    form.notes[category.id] = note.value;
  });

  const scale = h('ol', { class: 'scale' });
  category.anchors.forEach((anchor, index) =>
    scale.appendChild(h('li', {}, h('strong', {}, `${index + 1}`), ` ${anchor}`)),
  );

  return h(
    'fieldset',
    { class: `card category${category.keyRisk ? ' key-risk' : ''}` },
    h(
      'legend',
      { id: legendId },
      category.name,
      category.keyRisk ? h('span', { class: 'badge' }, 'Key risk') : null,
    ),
    h('p', { class: 'description' }, category.description),
    group,
    descriptions,
    selected,
    h('details', { class: 'scale-details' }, h('summary', {}, 'What 1–5 mean'), scale),
    h('label', { for: noteId, class: 'label' }, 'Note (optional)'),
    note,
  );
}

function renderScoreView(context: ScoringContext): void {
  const form = state.form ?? initialScoreForm(context);
  state.form = form;
  const formElement = h('form', { class: 'scorecard', novalidate: true });

  const mineLine = h('p', { class: 'hint', 'aria-live': 'polite' });
  const showMine = () =>
    replaceChildren(
      mineLine,
      context.mine
        ? `You submitted version ${context.mine.version} on ${formatWhen(context.mine.submittedAt)}` +
            (context.mine.afterPanel ? `, ${AFTER_PANEL_LABELS[context.mine.afterPanel]}. ` : '. ') +
            'Submitting again records a new version; the old one is kept.'
        : context.isHiringManager
          ? 'Score independently: as hiring manager you may open the Panel before scoring, but a scorecard ' +
            `you submit after that is marked “${AFTER_PANEL_LABELS.submitted}”.`
          : "Score independently: others' scores stay hidden until you submit yours.",
    );
  showMine();

  const recommendationId = uid('recommendation');
  const recommendation = h('select', { id: recommendationId, class: 'input' });
  recommendation.appendChild(h('option', { value: '' }, 'Choose…'));
  for (const value of RECOMMENDATIONS) {
    const option = h('option', { value }, RECOMMENDATION_LABELS[value]);
    option.selected = form.recommendation === value;
    recommendation.appendChild(option);
  }
  recommendation.addEventListener('change', () => {
    form.recommendation = recommendation.value as Recommendation | '';
  });

  const overallId = uid('overall');
  const overall = h('textarea', { id: overallId, class: 'input', rows: 3, maxlength: MAX_NOTE_LENGTH });
  overall.value = form.overallNote;
  overall.addEventListener('input', () => {
    form.overallNote = overall.value;
  });

  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Submit scorecard');
  formElement.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    const checked = checkScoreForm(form, context.stage.categories);
    if (!checked.ok) {
      setStatus(checked.errors.join(' '), 'error');
      return;
    }
    const body = { candidateId: context.candidate.id, stageId: context.stage.id, ...checked.value };
    const request = { submissionId: submitIds.idFor(body), ...body };
    setStatus('Submitting your scorecard…');
    void whileBusy(submit, 'Submitting…', async () => {
      try {
        const response = await call('submitScorecard', request);
        submitIds.succeeded();
        context.mine = {
          version: response.version,
          submittedAt: response.submittedAt,
          scores: body.scores,
          notes: body.notes,
          recommendation: body.recommendation,
          overallNote: body.overallNote,
          afterPanel: response.afterPanel,
        };
        const firstTime = !context.canSeePanel;
        context.canSeePanel = true;
        state.panel = null;
        showMine();
        renderTabs(context);
        setStatus(
          submittedMessage(response) +
            (firstTime ? " The panel's scores are now visible in the Panel tab." : ''),
          'success',
        );
      } catch (error) {
        setStatus(errorText(error), 'error');
      }
    });
  });

  append(
    formElement,
    stagePicker(context),
    mineLine,
    ...context.stage.categories.map((c) => ratingGroup(c, form)),
    h(
      'div',
      { class: 'card' },
      h('label', { for: recommendationId, class: 'label' }, 'Overall recommendation'),
      recommendation,
      h('label', { for: overallId, class: 'label' }, 'Overall note (optional)'),
      overall,
    ),
    h('p', { class: 'hint' }, `Pass rule: ${context.stage.passRule}`),
    h('div', { class: 'actions' }, submit),
  );
  // Someone who may confirm a change of hiring manager but not see the panel (the owner) confirms it here.
  replaceChildren(
    ui.score,
    ...(context.canSeePanel ? [] : [rightsElement(context, context.rights)].filter((e) => e !== null)),
    formElement,
  );
}

// ---- The panel ------------------------------------------------------------------------------------------

function panelTableElement(panel: PanelView): HTMLElement {
  const model = panelTable(panel);
  const headRow = h('tr', {}, h('th', { scope: 'col' }, 'Category'));
  for (const column of model.columns)
    headRow.appendChild(h('th', { scope: 'col', title: column.title }, column.label));
  headRow.appendChild(h('th', { scope: 'col' }, 'Panel'));
  const body = h('tbody');
  for (const row of model.rows) {
    const nameCell = h(
      'th',
      { scope: 'row' },
      row.name,
      row.keyRisk ? h('span', { class: 'badge' }, 'Key risk') : null,
      row.divergent ? h('span', { class: 'flag' }, DISCUSS) : null,
    );
    const tr = h('tr', { class: row.divergent ? 'divergent' : null }, nameCell);
    for (const cell of row.cells) tr.appendChild(h('td', {}, cell));
    tr.appendChild(
      h(
        'td',
        {
          class: 'panel-score',
          title: row.basis === 'reconciled' ? 'Reconciled by the hiring manager' : 'Mean',
        },
        row.panelScore,
        row.basis === 'reconciled' ? h('span', { class: 'visually-hidden' }, ' (reconciled)') : null,
        row.basis === 'reconciled' ? h('span', { class: 'mark', 'aria-hidden': 'true' }, '✓') : null,
      ),
    );
    if (row.gapText) tr.setAttribute('title', row.gapText);
    body.appendChild(tr);
  }
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'panel-table' },
      h('caption', {}, 'Latest scores by interviewer; Panel = reconciled score (✓) or mean'),
      h('thead', {}, headRow),
      body,
    ),
  );
}

/**
 * For the hiring manager: a checkbox on a note, "Candidate may read", which lets a candidate update letter quote
 * it. Unticked by default; each change is recorded in the Score log.
 */
function shareToggle(
  panel: PanelView,
  context: ScoringContext,
  interviewer: string,
  categoryId: string,
): Child {
  if (!panel.canDecide) return null;
  const shared = panel.shareable.some(
    (m) => m.categoryId === categoryId && m.interviewer.toLowerCase() === interviewer.toLowerCase(),
  );
  const box = h('input', { type: 'checkbox', checked: shared });
  box.addEventListener('change', () => {
    const shareable = box.checked;
    box.disabled = true;
    setStatus(shareable ? 'Marking the note as one the candidate may read…' : 'Keeping the note internal…');
    void (async () => {
      try {
        const updated = await call('markNoteShareable', {
          submissionId: newSubmissionId(),
          candidateId: context.candidate.id,
          stageId: context.stage.id,
          interviewer,
          categoryId,
          shareable,
        });
        setPanel(updated);
        setStatus(
          shareable ? 'A candidate update may now quote this note.' : 'This note stays internal.',
          'success',
        );
      } catch (error) {
        box.checked = !shareable;
        box.disabled = false;
        setStatus(errorText(error), 'error');
      }
    })();
  });
  return h('label', { class: 'share' }, box, ' Candidate may read');
}

function interviewerCards(panel: PanelView, context: ScoringContext): HTMLElement {
  const list = h('div', { class: 'interviewers' });
  for (const card of panel.interviewers) {
    const notes = context.stage.categories
      .filter((c) => card.notes[c.id])
      .map((c) =>
        h(
          'li',
          {},
          h('strong', {}, `${c.name}: `),
          card.notes[c.id],
          shareToggle(panel, context, card.email, c.id),
        ),
      );
    list.appendChild(
      h(
        'details',
        { class: 'card interviewer' },
        h(
          'summary',
          {},
          h('span', { class: 'who' }, card.email),
          h('span', { class: 'rec' }, RECOMMENDATION_LABELS[card.recommendation]),
          card.afterPanel ? h('span', { class: 'after-panel' }, AFTER_PANEL_LABELS[card.afterPanel]) : null,
        ),
        h('p', { class: 'hint' }, versionText(card)),
        card.overallNote
          ? h('p', { class: 'note' }, card.overallNote, shareToggle(panel, context, card.email, 'overall'))
          : null,
        notes.length > 0 ? h('ul', { class: 'notes' }, ...notes) : null,
      ),
    );
  }
  return list;
}

function decisionFormElement(panel: PanelView, context: ScoringContext): HTMLElement {
  const form = state.decision ?? initialDecisionForm(panel);
  state.decision = form;
  const element = h('form', { class: 'card decision-form', novalidate: true });
  const title = uid('decision-title');
  element.setAttribute('aria-labelledby', title);

  const grid = h('div', { class: 'reconcile' });
  for (const c of panel.categories) {
    const id = uid('reconciled');
    const input = h('input', {
      id,
      type: 'number',
      class: 'input number',
      min: 1,
      max: 5,
      step: 0.5,
      inputmode: 'decimal',
      required: true,
    });
    input.value = form.reconciled[c.id] ?? '';
    input.addEventListener('input', () => {
      form.reconciled[c.id] = input.value;
    });
    append(
      grid,
      h('label', { for: id }, c.name, c.divergent ? h('span', { class: 'flag' }, DISCUSS) : null),
      input,
    );
  }

  const outcomeName = uid('outcome');
  const outcomes = h('fieldset', { class: 'outcomes' }, h('legend', { class: 'label' }, 'Decision'));
  for (const outcome of OUTCOMES) {
    const blocked = outcome === 'advance' && panel.veto !== null;
    const input = h('input', { type: 'radio', name: outcomeName, value: outcome, disabled: blocked });
    input.checked = form.outcome === outcome && !blocked;
    input.addEventListener('change', () => {
      if (input.checked) form.outcome = outcome as Outcome;
    });
    outcomes.appendChild(
      h(
        'label',
        { class: `choice${blocked ? ' blocked' : ''}` },
        input,
        ` ${OUTCOME_LABELS[outcome]}`,
        blocked ? h('span', { class: 'hint' }, ' (blocked by the veto)') : null,
      ),
    );
  }

  const noteId = uid('decision-note');
  const note = h('textarea', {
    id: noteId,
    class: 'input',
    rows: 3,
    maxlength: MAX_NOTE_LENGTH,
    required: true,
  });
  note.value = form.note;
  note.addEventListener('input', () => {
    form.note = note.value;
  });

  const button = h('button', { type: 'submit', class: 'button primary' }, 'Record decision');
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    if (button.disabled) return;
    const checked = checkDecisionForm(form, panel);
    if (!checked.ok) {
      setStatus(checked.errors.join(' '), 'error');
      return;
    }
    const body = { candidateId: context.candidate.id, stageId: context.stage.id, ...checked.value };
    const request = { submissionId: decisionIds.idFor(body), ...body };
    setStatus('Recording the decision…');
    void whileBusy(button, 'Recording…', async () => {
      try {
        const updated = await call('recordDecision', request);
        decisionIds.succeeded();
        setPanel(updated);
        setStatus(`Decision recorded: ${OUTCOME_LABELS[checked.value.outcome]}.`, 'success');
      } catch (error) {
        setStatus(errorText(error), 'error');
      }
    });
  });

  append(
    element,
    h('h3', { id: title }, 'Reconcile and decide'),
    h('p', { class: 'hint' }, 'Reconciled score per category (1–5, steps of 0.5).'),
    grid,
    outcomes,
    h('label', { for: noteId, class: 'label' }, 'Why (required)'),
    note,
    h('div', { class: 'actions' }, button),
  );
  return element;
}

/** A panel form that records one required note: the veto, or its withdrawal by the person who recorded it. */
interface NoteForm {
  readonly className: string;
  readonly title: string;
  readonly hint: string;
  readonly label: string;
  readonly button: string;
  readonly busy: string;
  readonly draft: 'veto' | 'withdrawal';
  readonly check: (text: string) => ReturnType<typeof checkVetoReason>;
  readonly send: (text: string) => Promise<PanelView>;
  readonly ids: PendingSubmission;
  readonly done: string;
}

function noteFormElement(form: NoteForm): HTMLElement {
  const element = h('form', { class: `card ${form.className}`, novalidate: true });
  const title = uid(`${form.className}-title`);
  element.setAttribute('aria-labelledby', title);
  const noteId = uid(`${form.className}-note`);
  const note = h('textarea', {
    id: noteId,
    class: 'input',
    rows: 3,
    maxlength: MAX_NOTE_LENGTH,
    required: true,
  });
  note.value = state[form.draft];
  note.addEventListener('input', () => {
    state[form.draft] = note.value;
  });
  const button = h('button', { type: 'submit', class: 'button danger' }, form.button);
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    if (button.disabled) return;
    const checked = form.check(state[form.draft]);
    if (!checked.ok) {
      setStatus(checked.errors.join(' '), 'error');
      return;
    }
    setStatus(`${form.busy}…`);
    void whileBusy(button, `${form.busy}…`, async () => {
      try {
        const updated = await form.send(checked.value);
        form.ids.succeeded();
        state[form.draft] = '';
        setPanel(updated);
        setStatus(form.done, 'success');
      } catch (error) {
        setStatus(errorText(error), 'error');
      }
    });
  });
  append(
    element,
    h('h3', { id: title }, form.title),
    h('p', { class: 'hint' }, form.hint),
    h('label', { for: noteId, class: 'label' }, form.label),
    note,
    h('div', { class: 'actions' }, button),
  );
  return element;
}

function vetoFormElement(context: ScoringContext): HTMLElement {
  const target = { candidateId: context.candidate.id, stageId: context.stage.id };
  return noteFormElement({
    className: 'veto-form',
    title: 'Culture-fit veto',
    hint: 'As the second interviewer you may veto the hire on culture fit. It is recorded and blocks "advance".',
    label: 'Concern (required)',
    button: 'Record veto',
    busy: 'Recording the veto',
    draft: 'veto',
    check: checkVetoReason,
    ids: vetoIds,
    send: (reason) => {
      const body = { ...target, reason };
      return call('recordVeto', { submissionId: vetoIds.idFor(body), ...body });
    },
    done: 'Veto recorded. The candidate cannot advance.',
  });
}

function withdrawFormElement(context: ScoringContext): HTMLElement {
  const target = { candidateId: context.candidate.id, stageId: context.stage.id };
  return noteFormElement({
    className: 'withdraw-form',
    title: 'Withdraw your veto',
    hint: 'Changed your mind after the debrief? Withdrawing is recorded next to the veto; neither is deleted.',
    label: 'Why you withdraw it (required)',
    button: 'Withdraw veto',
    busy: 'Withdrawing the veto',
    draft: 'withdrawal',
    check: checkWithdrawNote,
    ids: withdrawalIds,
    send: (note) => {
      const body = { ...target, note };
      return call('withdrawVeto', { submissionId: withdrawalIds.idFor(body), ...body });
    },
    done: 'Veto withdrawn. The hiring manager can now decide on the scores.',
  });
}

function debriefElement(context: ScoringContext): HTMLElement {
  const request = { candidateId: context.candidate.id, stageId: context.stage.id };
  const key = `${request.candidateId}\u0000${request.stageId}`;
  const result = h('p', { class: 'debrief-link', 'aria-live': 'polite' });
  const showLink = () => {
    const last = state.debrief?.key === key ? state.debrief.response : null;
    if (!last) return replaceChildren(result);
    const link = debriefLink(last);
    replaceChildren(
      result,
      link.href
        ? h('a', { href: link.href, target: '_blank', rel: 'noopener noreferrer' }, link.text)
        : link.text,
    );
  };
  showLink();
  const button = h('button', { type: 'button', class: 'button secondary' }, 'Create debrief document');
  button.addEventListener('click', () => {
    if (button.disabled) return;
    setStatus('Creating the debrief document…');
    void whileBusy(button, 'Creating…', async () => {
      try {
        const response = await call('generateDebriefDocument', request);
        state.debrief = { key, response };
        showLink();
        setStatus(debriefLink(response).message, 'success');
      } catch (error) {
        setStatus(errorText(error), 'error');
      }
    });
  });
  return h(
    'div',
    { class: 'card debrief' },
    h('h3', {}, 'Debrief document'),
    h(
      'p',
      { class: 'hint' },
      'A Google Doc with every scorecard, the divergences, reconciled scores, decision and veto. ' +
        'An existing debrief for this stage is rewritten in place (same link).',
    ),
    h('div', { class: 'actions' }, button),
    result,
  );
}

/** A change of the Hiring manager or Panel cell since the first scorecard, and its confirmation. */
function rightsElement(context: ScoringContext, rights: RightsInForce): HTMLElement | null {
  const { change, canConfirm } = rights;
  if (change === null) return null;
  const button = h('button', { type: 'button', class: 'button secondary' }, 'Confirm the change');
  button.addEventListener('click', () => {
    const body = { candidateId: context.candidate.id, stageId: context.stage.id };
    const request = { submissionId: rightsIds.idFor(body), ...body };
    void whileBusy(button, 'Confirming…', async () => {
      try {
        const updated = await call('confirmHiringManager', request);
        rightsIds.succeeded();
        setStatus(`Decision rights are now with ${updated.hiringManager || 'nobody'}.`, 'success');
        await load({ candidateId: context.candidate.id, stageId: context.stage.id });
      } catch (error) {
        setStatus(errorText(error), 'error');
      }
    });
  });
  return h(
    'div',
    { class: 'card veto', role: 'note' },
    h('p', {}, change),
    canConfirm ? h('div', { class: 'actions' }, button) : null,
  );
}

/** Records of this stage changed or added by hand: shown in words, counted nowhere. */
function untrustedElement(panel: PanelView): HTMLElement | null {
  if (panel.untrusted.length === 0) return null;
  return h(
    'div',
    { class: 'card veto untrusted', role: 'note' },
    ...panel.untrusted.map((message) => h('p', {}, message)),
  );
}

function renderPanelView(context: ScoringContext, panel: PanelView): void {
  const refresh = h('button', { type: 'button', class: 'button secondary' }, 'Refresh');
  refresh.addEventListener('click', () => {
    void whileBusy(refresh, 'Refreshing…', loadPanel);
  });
  replaceChildren(
    ui.panel,
    h('h2', {}, `Panel · ${context.stage.name}`),
    h(
      'div',
      { class: `card pass pass-${passTone(panel)}`, role: 'status' },
      h('p', { class: 'pass-headline' }, passHeadline(panel)),
      panel.veto ? h('p', { class: 'strong' }, vetoText(panel)) : null,
      panel.veto ? h('p', { class: 'note' }, panel.veto.reason) : null,
      h('p', { class: panel.veto ? 'hint' : '' }, scoresAloneText(panel)),
      h('p', { class: 'hint' }, context.stage.passRule),
    ),
    rightsElement(context, panel.rights),
    untrustedElement(panel),
    panel.withdrawnVetoes.length > 0
      ? h(
          'div',
          { class: 'card withdrawn-vetoes' },
          h('h3', {}, 'Withdrawn vetoes'),
          ...panel.withdrawnVetoes.map((w) =>
            h(
              'div',
              { class: 'withdrawn' },
              h('p', {}, withdrawnVetoText(w)),
              h('p', { class: 'note' }, `Concern: ${w.reason}`),
              h('p', { class: 'note' }, `Why withdrawn: ${w.note}`),
            ),
          ),
        )
      : null,
    panel.decision
      ? h(
          'div',
          { class: 'card decision' },
          h('p', { class: 'strong' }, decisionText(panel)),
          h('p', { class: 'note' }, panel.decision.note),
        )
      : null,
    panel.interviewers.length === 0
      ? h('p', { class: 'muted' }, 'No scorecards yet for this stage.')
      : panelTableElement(panel),
    panel.divergent.length > 0
      ? h('p', { class: 'flag-line' }, `${DISCUSS}: ${panel.divergent.join(', ')}.`)
      : null,
    interviewerCards(panel, context),
    panel.canDecide ? decisionFormElement(panel, context) : null,
    panel.canVeto ? vetoFormElement(context) : null,
    panel.canWithdrawVeto ? withdrawFormElement(context) : null,
    debriefElement(context),
    h('div', { class: 'actions' }, refresh),
  );
}

void load({});
