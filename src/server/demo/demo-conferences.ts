import type { Kernel } from "../http/kernel.ts";
import { admitItemFor, proposeSignalFor } from "../modules/conferences/agenda.service.ts";
import { measureBody, meetingBody, participantBody, signalItemBody } from "../modules/conferences/conferences.schema.ts";
import { createMeasureFor } from "../modules/conferences/measures.service.ts";
import { createMeetingFor, inviteFor } from "../modules/conferences/meetings.service.ts";
import { actorFor } from "./demo-care.ts";

/**
 * A case conference for the demo, loaded once with the demo region: the ZVH's chair plans next week's
 * meeting, invites the police, the RIEC and the tax office, and admits the first signal of Zevenaar that its
 * focal officer brought in; and one earlier housing inspection in Zevenaar's register of measures.
 */
export async function seedDemoConferences(kernel: Kernel): Promise<void> {
  const chair = await actorFor(kernel, "voorzitter@zvh.demo");
  const focal = await actorFor(kernel, "aandacht@zevenaar.demo");
  const invitees: [string, string][] = [["politie@politie.demo", "Politie Oost-Nederland (AVIM)"], ["riec@riec.demo", "RIEC Oost-Nederland"], ["fiscus@belastingdienst.demo", "Belastingdienst Oost"]];
  const now = kernel.now();
  const start = new Date(now.getTime() + 7 * 86_400_000);
  start.setUTCHours(13, 0, 0, 0);
  const meeting = await createMeetingFor(kernel, chair, meetingBody.parse({
    kind: "case_conference",
    title: "Casusoverleg mensenhandel Gelderland-Midden",
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    location: "Zorg- en Veiligheidshuis, Arnhem",
  }), "demo");
  for (const [email] of invitees) {
    const user = await actorFor(kernel, email);
    await inviteFor(kernel, chair, meeting.id, participantBody.parse({ organisationId: user.organisationId, userIds: [user.userId] }), "demo");
  }
  const first = await kernel.db.query<{ id: string }>(
    "select id from signals where municipality_id = $1 and source = 'employee' order by received_at limit 1",
    [focal.organisationId],
  );
  if (first[0]) {
    const proposed = await proposeSignalFor(kernel, focal, first[0].id, signalItemBody.parse({
      meetingId: meeting.id,
      question: "Veertien arbeidsmigranten op één adres: wie onderzoekt de werkgever en is een woningcontrole nodig?",
      sharedParts: ["description", "indicators", "location", "victims"],
    }), "demo");
    const item = proposed.agenda.find((i) => i.status === "proposed");
    if (item) await admitItemFor(kernel, chair, item.id, "demo");
  }
  await createMeasureFor(kernel, focal, measureBody.parse({
    location: { kind: "address", postcode: "6901AB", houseNumber: 12 },
    kind: "housing_inspection",
    decidedOn: new Date(now.getTime() - 200 * 86_400_000).toISOString().slice(0, 10),
    outcome: "violation_found",
    outcomeOn: new Date(now.getTime() - 180 * 86_400_000).toISOString().slice(0, 10),
    note: "Acht bedden in twee kamers; eigenaar aangeschreven.",
  }), "demo");
}
