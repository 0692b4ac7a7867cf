// The one place tests upload an import file, so a change in how the form
// carries its CSRF token is made here once.
import type { Agent } from "./http";

export const uploadImportFile = (agent: Agent, token: string, kind: string, filename: string, data: Buffer) =>
  // The token rides in the action URL: it is checked before the upload is parsed.
  agent.post(`/admin/import/${kind}?_csrf=${encodeURIComponent(token)}`).attach("file", data, filename);
