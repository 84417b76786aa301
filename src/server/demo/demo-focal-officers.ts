import type { Kernel } from "../http/kernel.ts";
import { dutchDate } from "../kernel/dutch-time.ts";
import type { Role } from "../kernel/policy/matrix.ts";
import { insertUser, replaceRoles } from "../modules/accounts/users.repository.ts";
import { attestationBody } from "../modules/baseline/baseline.schema.ts";
import { attestFor } from "../modules/baseline/baseline.service.ts";
import { createBody } from "../modules/focal-officers/focal-officers.schema.ts";
import { createFor } from "../modules/focal-officers/focal-officers.service.ts";
import { actorFor } from "./demo-care.ts";

/**
 * Focal officers and baseline attestations for the demo: Zevenaar has one focal officer for safety and one for
 * the social domain, Arnhem only one and Duiven none (so the region's overview flags both); Arnhem's and
 * Zevenaar's policy officers have attested part of the baseline, as the Zevenaar paper describes it.
 * The extra staff have no password: they appear in the overviews, they do not log in.
 */
async function staff(kernel: Kernel, email: string, displayName: string, organisationName: string, roles: Role[]): Promise<string> {
  const org = await kernel.db.query<{ id: string }>("select id from organisations where name = $1", [organisationName]);
  return kernel.db.transaction(async (tx) => {
    const id = await insertUser(tx, {
      organisationId: org[0]!.id,
      emailHash: kernel.crypto.blindIndex("email", email),
      emailEnc: kernel.crypto.encrypt("users.email", email),
      displayNameEnc: kernel.crypto.encrypt("users.display_name", displayName),
      passwordHash: null,
    });
    await replaceRoles(tx, id, roles.map((role) => ({ role, regionId: null })));
    return id;
  });
}

export async function seedDemoFocalOfficers(kernel: Kernel): Promise<void> {
  const sanne = await staff(kernel, "sociaal@zevenaar.demo", "Sanne Sociaal", "Gemeente Zevenaar", ["focal_officer", "reporter"]);
  const anouk = await staff(kernel, "aandacht@arnhem.demo", "Anouk Aandacht", "Gemeente Arnhem", ["focal_officer", "reporter"]);
  await staff(kernel, "beleid@zevenaar.demo", "Paula Plan", "Gemeente Zevenaar", ["policy_officer"]);
  const admin = await actorFor(kernel, "beheer@zevenaar.demo");
  const regionAdminBase = await actorFor(kernel, "regiobeheer@arnhem.demo");
  const regionAdmin = { ...regionAdminBase, adminRegionIds: regionAdminBase.regionIds };
  const ahmed = (await actorFor(kernel, "aandacht@zevenaar.demo")).userId;

  await createFor(kernel, admin, admin.organisationId, createBody.parse({ userId: ahmed, domain: "safety", substituteUserId: anouk }), "demo");
  await createFor(kernel, admin, admin.organisationId, createBody.parse({ userId: sanne, domain: "social", substituteUserId: ahmed }), "demo");
  await createFor(kernel, regionAdmin, regionAdmin.organisationId, createBody.parse({ userId: anouk, domain: "safety", substituteUserId: ahmed }), "demo");

  const today = dutchDate(kernel.now());
  const arnhemPolicy = await actorFor(kernel, "beleid@arnhem.demo");
  const zevenaarPolicy = await actorFor(kernel, "beleid@zevenaar.demo");
  const attest = (actor: typeof arnhemPolicy, body: Record<string, unknown>) => attestFor(kernel, actor, actor.organisationId, attestationBody.parse(body), "demo");
  await attest(zevenaarPolicy, {
    criterion: "reporting_route", met: true, attestedOn: "2024-04-15",
    documentReference: "Aanpak mensenhandel Zevenaar 2024, bijlage 1 (meldroute)", note: "Gepresenteerd op de themadag en via intranet bekend bij alle medewerkers.",
  });
  await attest(zevenaarPolicy, { criterion: "local_policy", met: true, attestedOn: "2024-06-01", documentReference: "Integrale Veiligheidsagenda; aanpak mensenhandel 2024" });
  await attest(zevenaarPolicy, { criterion: "partner_cooperation", met: true, attestedOn: today, note: "Signalenoverleg ZVH regio Arnhem, casusoverleg RIEC, afspraken met Moviera." });
  await attest(zevenaarPolicy, { criterion: "local_rules", met: false, attestedOn: today, note: "De APV wordt in 2027 herzien; artikel over seksbedrijven nog niet aangepast." });
  await attest(arnhemPolicy, { criterion: "reporting_route", met: true, attestedOn: today, documentReference: "Meldroute mensenhandel gemeente Arnhem" });
  await attest(arnhemPolicy, { criterion: "prostitution_policy", met: true, attestedOn: "2025-09-01", documentReference: "Prostitutiebeleid Arnhem 2025", note: "Met voorlichting en uitstapprogramma via de GGD." });
}
