/**
 * Decision rights a cell edit cannot take. The hiring manager and panel of a candidate's stage are fixed by a
 * `rights` row written with the stage's first scorecard; a later change of the Hiring manager or Panel cell is
 * shown, and takes effect only when the hiring manager in charge (or the spreadsheet's owner) confirms it, which
 * writes a new `rights` row. Each decision and veto carries a `rights` row too: under whom it was made.
 */
import { UserError } from '../errors';
import { includesEmail, normaliseEmail, sameEmail } from '../people';
import type { LogEntry } from './log';

export interface Rights {
  readonly hiringManager: string;
  readonly panel: readonly string[];
}

/** What the panel view says about decision rights. */
export interface RightsView extends Rights {
  /** The cells name someone else than the rights in force: in words; null when they agree. */
  readonly change: string | null;
  /** The viewer may confirm that change (the hiring manager in charge, or the spreadsheet's owner). */
  readonly canConfirm: boolean;
}

/** The row that records rights, with the fields of the submission it belongs to. */
export function rightsRow(
  base: Omit<LogEntry, 'kind' | 'category' | 'score' | 'note'>,
  rights: Rights,
): LogEntry {
  return {
    ...base,
    kind: 'rights',
    category: normaliseEmail(rights.hiringManager),
    score: null,
    note: rights.panel.map(normaliseEmail).join(', '),
  };
}

/** The rights last recorded for a stage (latest `rights` row), or null before its first scorecard. */
export function recordedRights(stageEntries: readonly LogEntry[]): Rights | null {
  let found: LogEntry | null = null;
  for (const e of stageEntries)
    if (e.kind === 'rights' && (!found || e.timestamp >= found.timestamp)) found = e;
  if (!found) return null;
  return {
    hiringManager: found.category,
    panel: found.note
      .split(',')
      .map((p) => normaliseEmail(p))
      .filter(Boolean),
  };
}

function samePeople(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p) => includesEmail(b, p));
}

/** The rights in force: as recorded, or (before the first scorecard) as the cells say. */
export function rightsInForce(stageEntries: readonly LogEntry[], cells: Rights): Rights {
  return recordedRights(stageEntries) ?? cells;
}

export function rightsView(
  stageEntries: readonly LogEntry[],
  cells: Rights,
  viewer: string,
  owner: string,
): RightsView {
  const inForce = rightsInForce(stageEntries, cells);
  const changed =
    !sameEmail(inForce.hiringManager, cells.hiringManager) || !samePeople(inForce.panel, cells.panel);
  const who = inForce.hiringManager || 'nobody';
  return {
    hiringManager: inForce.hiringManager,
    panel: [...inForce.panel],
    change: changed
      ? `The candidate's row now names ${cells.hiringManager || 'no one'} as hiring manager (panel: ${cells.panel.join(', ') || 'none'}). ` +
        `Decision rights stay with ${who} (panel: ${inForce.panel.join(', ') || 'none'}) until ${who} or the spreadsheet's owner confirms the change here.`
      : null,
    canConfirm:
      changed &&
      viewer !== '' &&
      (sameEmail(viewer, inForce.hiringManager) || (owner !== '' && sameEmail(viewer, owner))),
  };
}

/** Checks a confirmation: there is a change, and the viewer may confirm it. Returns the rights it hands over. */
export function confirmChange(view: RightsView, cells: Rights): Rights {
  if (view.change === null)
    throw new UserError(
      'invalid-request',
      'There is no change of hiring manager or panel to confirm: the rows agree with the rights in force.',
    );
  if (!view.canConfirm)
    throw new UserError(
      'not-allowed',
      `Only ${view.hiringManager || 'the hiring manager in charge'} or the spreadsheet's owner can confirm a change of hiring manager.`,
    );
  return { hiringManager: normaliseEmail(cells.hiringManager), panel: cells.panel.map(normaliseEmail) };
}

/**
 * A candidate as the decision rights see them for one stage: the hiring manager and panel in force instead of
 * what the cells say now, and the rights view (the change the cells show, who may confirm it).
 */
export function withRightsInForce<C extends Rights>(
  candidate: C,
  stageEntries: readonly LogEntry[],
  viewer: string,
  owner: string,
): { candidate: C; rights: RightsView } {
  const rights = rightsView(stageEntries, candidate, viewer, owner);
  return {
    candidate: { ...candidate, hiringManager: rights.hiringManager, panel: rights.panel },
    rights,
  };
}
