/** The stage names the Generate interview script ▸ submenu shows. */
import { workbookProcess } from '../../sheets/setup';
import { type Services, workbookFor } from '../services';

/** The workbook's stage names for the menu captions, or undefined before setup (or when they cannot be read). */
export function menuStageNames(services: Services): string[] | undefined {
  try {
    return workbookProcess(workbookFor(services))?.stages.map((s) => s.name);
  } catch {
    return undefined;
  }
}
