import { api } from "../../../api/client.ts";
import type { DelegateCandidate, Meeting } from "../types.ts";

/**
 * The people of an organisation in the meeting's region who can take part, for the organiser choosing
 * delegates: GET /meetings/:id/candidates?organisationId=… (only the organiser may ask; audited as a list
 * of that organisation's users). The one place the invite form gets its people from.
 */
export function fetchDelegateCandidates(meeting: Pick<Meeting, "id">, organisationId: string): Promise<DelegateCandidate[]> {
  return api.get<DelegateCandidate[]>(`/meetings/${encodeURIComponent(meeting.id)}/candidates`, { organisationId });
}
