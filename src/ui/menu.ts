/**
 * The add-on menu (Extensions ▸ Scorecard). In AuthMode.NONE (the add-on is installed but not yet used in this
 * document) only items that need no authorisation to show are added; clicking one asks for it.
 */
export interface MenuEntry {
  readonly caption: string;
  /** Name of the top-level function in build/Code.js. */
  readonly handler: string;
}

export type MenuLayout = readonly (
  MenuEntry | 'separator' | { readonly caption: string; readonly items: readonly MenuEntry[] }
)[];

export const SETUP_ITEM: MenuEntry = { caption: 'Set up workbook', handler: 'setUpWorkbook' };
export const INSIGHTS_ITEM: MenuEntry = { caption: 'Insights', handler: 'refreshInsights' };
export const HELP_ITEM: MenuEntry = { caption: 'Help', handler: 'showHelp' };

export function menuLayout(limited: boolean, extra: MenuLayout = []): MenuLayout {
  if (limited) return [SETUP_ITEM, HELP_ITEM];
  return [
    SETUP_ITEM,
    { caption: 'Apply rubric changes', handler: 'applyRubricChanges' },
    'separator',
    { caption: 'Score candidate', handler: 'showScoringSidebar' },
    INSIGHTS_ITEM,
    ...extra,
    'separator',
    HELP_ITEM,
  ];
}

/** Processes have at most this many stages: one global handler per position (generateScriptStage1 … 6). */
export const MAX_SCRIPT_STAGES = 6;

/**
 * The document items: Generate interview script ▸ "Stage 2 · Main interview" (one global handler per stage
 * position; a menu item cannot pass arguments), Generate debrief and Check templates. Omitted before setup.
 */
export function documentMenuEntries(stageNames: readonly string[] | undefined): MenuLayout {
  if (!stageNames || stageNames.length === 0) return [];
  return [
    {
      caption: 'Generate interview script',
      items: stageNames.slice(0, MAX_SCRIPT_STAGES).map((name, i) => ({
        caption: `Stage ${i + 1} · ${name}`,
        handler: `generateScriptStage${i + 1}`,
      })),
    },
    { caption: 'Generate debrief', handler: 'generateDebrief' },
    { caption: 'Generate candidate update', handler: 'generateCandidateUpdate' },
    { caption: 'Check templates', handler: 'checkTemplates' },
  ];
}

/**
 * Reminders ▸ its status (which trigger is on, whose), Turn on…, Turn off, Send reminders now. The status caption
 * comes from the document's properties, as onOpen reads them (each account sees only its own triggers).
 */
export function remindersMenu(statusCaption: string): MenuLayout {
  return [
    {
      caption: 'Reminders',
      items: [
        { caption: statusCaption, handler: 'showReminderStatus' },
        { caption: 'Turn on…', handler: 'turnOnReminders' },
        { caption: 'Turn off', handler: 'turnOffReminders' },
        { caption: 'Send reminders now', handler: 'sendRemindersNow' },
      ],
    },
  ];
}

export function addMenu(ui: GoogleAppsScript.Base.Ui, layout: MenuLayout): void {
  const menu = ui.createAddonMenu();
  for (const entry of layout) {
    if (entry === 'separator') menu.addSeparator();
    else if ('items' in entry) {
      const sub = ui.createMenu(entry.caption);
      for (const item of entry.items) sub.addItem(item.caption, item.handler);
      menu.addSubMenu(sub);
    } else menu.addItem(entry.caption, entry.handler);
  }
  menu.addToUi();
}
