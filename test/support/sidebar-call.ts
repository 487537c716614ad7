import { type SidebarCall, type SidebarResponse, responseSchemas } from '../../src/core/contract';
import type { Runtime } from '../../runtime';

/**
 * Calls a sidebar server function the way google.script.run does, as `user`: the payload and the response go
 * through JSON, and the response must be exactly what the contract says (its response schema, strict: no field
 * missing, none extra), so the page's types hold for what the server really sends.
 */
export function sidebarCall<K extends SidebarCall>(
  rt: Runtime,
  user: string,
  name: K,
  payload: unknown,
): SidebarResponse<K> {
  rt.setActiveUser(user);
  const result: unknown = rt.call(name, JSON.parse(JSON.stringify(payload ?? null)));
  const sent: unknown = JSON.parse(JSON.stringify(result));
  expect(sent).toEqual(result);
  const schema = responseSchemas()[name] as { parse(value: unknown): unknown };
  return schema.parse(sent) as SidebarResponse<K>;
}
