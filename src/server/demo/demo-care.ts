import type { Kernel } from "../http/kernel.ts";
import { dutchDate } from "../kernel/dutch-time.ts";
import type { Actor } from "../kernel/policy/policy.ts";
import { addDays } from "../modules/care/calendar.ts";
import { recordConsentFor } from "../modules/care/consent.service.ts";
import { openFileFor } from "../modules/care/files.service.ts";
import { transitionFor as fileTransition } from "../modules/care/lifecycle.service.ts";
import { addGoalFor, addPlacementFor, addServiceFor, setNeedFor } from "../modules/care/plan.service.ts";
import { setReflectionFor } from "../modules/care/residence.service.ts";
import { addMemberFor } from "../modules/care/team.service.ts";
import { consentBody, openFileBody, teamMemberBody, transitionBody as fileTransitionBody } from "../modules/care/files.schema.ts";
import { transitionBody as signalTransitionBody } from "../modules/signals/signals.schema.ts";
import { goalBody, placementBody, serviceBody } from "../modules/care/plan.schema.ts";
import { enrichFor, referFor, transitionFor } from "../modules/signals/route.service.ts";

/**
 * Fictional care coordination for the demo, loaded once with the demo region (tests start empty): one
 * running trajectory with consent, a police user on the case team, a COSM placement and a reflection period
 * ending soon; a minor whose youth route is still to be arranged; and one signal of Zevenaar's queue referred
 * to the care coordinator, waiting to be accepted.
 */
export async function actorFor(kernel: Kernel, email: string): Promise<Actor> {
  const rows = await kernel.db.query<{ id: string; organisation_id: string; roles: unknown; region_ids: unknown }>(
    `select u.id, u.organisation_id,
            (select json_agg(distinct r.role) from user_roles r where r.user_id = u.id) as roles,
            (select json_agg(rm.region_id) from region_members rm where rm.organisation_id = u.organisation_id) as region_ids
       from users u where u.email_hash = $1`,
    [kernel.crypto.blindIndex("email", email)],
  );
  const row = rows[0]!;
  const list = (v: unknown) => (Array.isArray(v) ? v : JSON.parse(String(v))) as string[];
  return { userId: row.id, organisationId: row.organisation_id, roles: list(row.roles) as Actor["roles"], regionIds: list(row.region_ids), adminRegionIds: [] };
}

const orgId = async (kernel: Kernel, name: string) =>
  (await kernel.db.query<{ id: string }>("select id from organisations where name = $1", [name]))[0]!.id;

export async function seedDemoCare(kernel: Kernel): Promise<void> {
  const coordinator = await actorFor(kernel, "zorg@zorgcoordinatie.demo");
  const police = await actorFor(kernel, "politie@politie.demo");
  const focal = await actorFor(kernel, "aandacht@zevenaar.demo");
  const today = dutchDate(kernel.now());
  const shelter = await orgId(kernel, "Opvang De Linde (COSM)");
  const policeOrg = police.organisationId;

  const ana = await openFileFor(kernel, coordinator, openFileBody.parse({
    source: "police",
    person: { name: "Ana Popescu", birthDate: "1998-06-14", gender: "female" },
    nationality: "ROU",
    languages: ["ro", "en"],
    exploitationForms: ["sexual"],
    cameIntoView: "Aangetroffen bij een controle van de AVIM in een bedrijfspand; wil eerst rust en veiligheid.",
  }), "demo");
  await recordConsentFor(kernel, coordinator, ana.id, consentBody.parse({ purpose: "criminal_investigation", partyOrganisationId: policeOrg, status: "given", decidedOn: addDays(today, -75), recordedHow: "written", interpreterUsed: true, note: "Met tolk Roemeens besproken." }), "demo");
  await recordConsentFor(kernel, coordinator, ana.id, consentBody.parse({ purpose: "shelter", partyOrganisationId: shelter, status: "given", decidedOn: addDays(today, -75), recordedHow: "written", interpreterUsed: true }), "demo");
  await recordConsentFor(kernel, coordinator, ana.id, consentBody.parse({ purpose: "comensha_registration", status: "refused", decidedOn: addDays(today, -75), recordedHow: "verbal", note: "Wil er later op terugkomen." }), "demo");
  await addMemberFor(kernel, coordinator, ana.id, teamMemberBody.parse({ userId: police.userId, memberRole: "partner", purpose: "criminal_investigation", purposeNote: "Onderzoek AVIM", validUntil: addDays(today, 120) }), "demo");
  await addPlacementFor(kernel, coordinator, ana.id, placementBody.parse({ shelterOrganisationId: shelter, placeType: "cosm", admittedOn: addDays(today, -74) }), "demo");
  await setReflectionFor(kernel, coordinator, ana.id, { offeredOn: addDays(today, -80) }, "demo");
  for (const [domain, status] of [["safety", "in_progress"], ["shelter_housing", "met"], ["medical", "need"], ["legal_aid", "in_progress"], ["residence_status", "need"]] as const) {
    await setNeedFor(kernel, coordinator, ana.id, domain, { status, note: undefined }, "demo");
  }
  await addGoalFor(kernel, coordinator, ana.id, goalBody.parse({ domain: "medical", description: "Huisarts en medische check-up geregeld", targetDate: addDays(today, 5) }), "demo");
  await addServiceFor(kernel, coordinator, ana.id, serviceBody.parse({ domain: "shelter_housing", serviceType: "shelter", providerOrganisationId: shelter, startDate: addDays(today, -74), status: "active" }), "demo");
  await fileTransition(kernel, coordinator, ana.id, fileTransitionBody.parse({ to: "active" }), "demo");

  await openFileFor(kernel, coordinator, openFileBody.parse({
    source: "self",
    person: { name: "Sem de Vries", birthDate: `${Number(today.slice(0, 4)) - 16}-02-03`, gender: "male" },
    nationality: "NLD",
    languages: ["nl"],
    exploitationForms: ["criminal"],
    cameIntoView: "Meldde zich zelf bij het wijkteam: moet drugs vervoeren voor een oudere jongen.",
  }), "demo");

  // The second demo signal (a young woman at the GP), through the route to the care coordinator.
  const signal = await kernel.db.query<{ id: string }>(
    "select id from signals where municipality_id = $1 and source = 'employee' order by received_at desc limit 1",
    [focal.organisationId],
  );
  if (signal[0]) {
    const id = signal[0].id;
    await transitionFor(kernel, focal, id, signalTransitionBody.parse({ to: "recorded" }), "demo");
    await enrichFor(kernel, focal, id, { source: "manual", purpose: "Nagaan of de huisarts meer weet", note: "De huisarts heeft haar één keer eerder gezien, met dezelfde man." }, "demo");
    await transitionFor(kernel, focal, id, signalTransitionBody.parse({ to: "enriched" }), "demo");
    await transitionFor(kernel, focal, id, signalTransitionBody.parse({ to: "assessed", urgency: "high", exploitationForms: ["sexual"] }), "demo");
    await referFor(kernel, focal, id, {
      organisationId: coordinator.organisationId,
      channel: "care_coordination",
      purpose: "Zorg en veiligheid voor de jonge vrouw; contact via de huisarts",
      sharedParts: ["description", "indicators", "victims"],
    }, "demo");
  }
}
