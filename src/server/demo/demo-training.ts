import type { Kernel } from "../http/kernel.ts";
import { createOfferFor, createSessionFor } from "../modules/training/offers.service.ts";
import { addParticipantFor } from "../modules/training/participants.service.ts";
import { createTargetFor } from "../modules/training/targets.service.ts";
import { createTeamFor } from "../modules/training/teams.service.ts";
import { offerBody, participantBody, sessionBody, targetBody, teamBody } from "../modules/training/training.schema.ts";
import { actorFor } from "./demo-care.ts";

/**
 * Expertise for the demo (Zevenaar 4.2.2–4.2.3, here for Arnhem, whose policy officer is a demo account): the
 * teams that meet victims first with their staff, the CCV e-learning and an awareness afternoon with a few
 * participants, and the targets for the front office and the inspectors.
 */
export async function seedDemoTraining(kernel: Kernel): Promise<void> {
  const policy = await actorFor(kernel, "beleid@arnhem.demo");
  const day = (offset: number) => new Date(kernel.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const teams = new Map<string, string>();
  for (const [name, staffCount] of [["Publiekszaken", 12], ["Handhaving", 8], ["Wijkteam", 20], ["Leerplicht", 5], ["Vergunningen", 6]] as const) {
    teams.set(name, (await createTeamFor(kernel, policy, teamBody.parse({ name, staffCount }), "demo")).id);
  }
  const elearning = await createOfferFor(kernel, policy, offerBody.parse({
    kind: "e_learning", title: "E-learning Mensenhandel herkennen", provider: "CCV",
    description: "De e-learning van het CCV over signalen van mensenhandel en wat u ermee doet; ongeveer een uur.", link: "https://www.hetccv.nl/",
  }), "demo");
  const awareness = await createOfferFor(kernel, policy, offerBody.parse({
    kind: "awareness_session", title: "Bewustwordingsmiddag mensenhandel", provider: "CoMensha",
    description: "Voor publiekszaken, handhaving en het wijkteam: casuïstiek en de meldroute van de gemeente.",
  }), "demo");
  await createOfferFor(kernel, policy, offerBody.parse({ kind: "campaign", title: "Campagne ‘Zie jij het?’", description: "Posters en intranetberichten in de week tegen mensenhandel." }), "demo");
  const online = await createSessionFor(kernel, policy, elearning.id, sessionBody.parse({ startsOn: day(-60), endsOn: day(-30), place: "Online" }), "demo");
  const afternoon = await createSessionFor(kernel, policy, awareness.id, sessionBody.parse({ startsOn: day(-14), place: "Stadhuis Arnhem, zaal 2" }), "demo");
  const people: [string, string, string, string][] = [
    [online.id, "Anouk de Vries", "Publiekszaken", "completed"], [online.id, "Daan Jansen", "Publiekszaken", "completed"],
    [online.id, "Fatima El Amrani", "Handhaving", "completed"], [online.id, "Jeroen Bakker", "Handhaving", "no_show"],
    [afternoon.id, "Anouk de Vries", "Publiekszaken", "attended"], [afternoon.id, "Sanne Visser", "Publiekszaken", "attended"],
    [afternoon.id, "Mehmet Yilmaz", "Wijkteam", "attended"], [afternoon.id, "Lotte Smit", "Wijkteam", "no_show"],
  ];
  for (const [sessionId, name, team, completion] of people) {
    await addParticipantFor(kernel, policy, sessionId, participantBody.parse({ name, teamId: teams.get(team), completion }), "demo");
  }
  await createTargetFor(kernel, policy, targetBody.parse({ teamId: teams.get("Publiekszaken"), targetPercent: 90, dueOn: day(120) }), "demo");
  await createTargetFor(kernel, policy, targetBody.parse({ teamId: teams.get("Handhaving"), targetPercent: 75, dueOn: day(200) }), "demo");
  await createTargetFor(kernel, policy, targetBody.parse({ teamId: teams.get("Wijkteam"), targetPercent: 10, dueOn: day(-7) }), "demo");
}
