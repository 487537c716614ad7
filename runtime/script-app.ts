/** ScriptApp: the AuthMode enum that onOpen/onEdit compare e.authMode with. */
export const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;

export function createScriptApp(): { AuthMode: typeof AuthMode; getScriptId(): string } {
  return { AuthMode, getScriptId: () => 'fake-script-id' };
}
