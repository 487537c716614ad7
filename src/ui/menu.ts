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
export const HELP_ITEM: MenuEntry = { caption: 'Help', handler: 'showHelp' };

export function menuLayout(limited: boolean, extra: MenuLayout = []): MenuLayout {
  if (limited) return [SETUP_ITEM, HELP_ITEM];
  return [
    SETUP_ITEM,
    { caption: 'Apply rubric changes', handler: 'applyRubricChanges' },
    ...extra,
    'separator',
    HELP_ITEM,
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
