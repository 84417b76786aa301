import type { Kernel } from "../http/kernel.ts";
import { hashPassword } from "../modules/accounts/authentication.ts";
import { insertUser, replaceRoles, saveTotp } from "../modules/accounts/users.repository.ts";
import { DEMO_PASSWORD, demoAccounts, demoOrganisations, demoOtherRegion, demoRegion } from "./demo-region.ts";

export class DemoModeError extends Error {}

/** Is this database marked as holding demo data? */
export async function isDemoDatabase(kernel: Kernel): Promise<boolean> {
  const rows = await kernel.db.query<{ value: string }>("select value from system_settings where key = 'demo'");
  return rows[0]?.value === "true";
}

/**
 * Loads the demo region once. Refuses a database that already holds real (non-demo) accounts, so demo
 * accounts can never end up in a deployment.
 */
export async function seedDemo(kernel: Kernel): Promise<"seeded" | "present"> {
  if (await isDemoDatabase(kernel)) return "present";
  const users = await kernel.db.query<{ n: number }>("select count(*)::int as n from users");
  if ((users[0]?.n ?? 0) > 0) {
    throw new DemoModeError("Deze database bevat al echte gegevens; de demoregio wordt daar niet in geladen.");
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await kernel.db.transaction(async (tx) => {
    await tx.query("insert into system_settings (key, value) values ('demo', 'true')");
    const region = await tx.query<{ id: string }>("insert into regions (name, police_unit) values ($1, $2) returning id", [demoRegion.name, demoRegion.policeUnit]);
    const regionId = region[0]!.id;
    const other = await tx.query<{ id: string }>("insert into regions (name, police_unit) values ($1, $2) returning id", [demoOtherRegion.name, demoOtherRegion.policeUnit]);
    const otherRegionId = other[0]!.id;
    const orgIds = new Map<string, string>();
    for (const org of demoOrganisations) {
      const row = await tx.query<{ id: string }>(
        "insert into organisations (name, type, is_central_municipality) values ($1,$2,$3) returning id",
        [org.name, org.type, org.isCentralMunicipality],
      );
      orgIds.set(org.key, row[0]!.id);
      await tx.query("insert into region_members (region_id, organisation_id) values ($1,$2)", [org.otherRegion ? otherRegionId : regionId, row[0]!.id]);
    }
    for (const account of demoAccounts) {
      const id = await insertUser(tx, {
        organisationId: orgIds.get(account.organisation)!,
        emailHash: kernel.crypto.blindIndex("email", account.email),
        emailEnc: kernel.crypto.encrypt("users.email", account.email),
        displayNameEnc: kernel.crypto.encrypt("users.display_name", account.displayName),
        passwordHash,
      });
      await replaceRoles(tx, id, [
        ...account.roles.map((role) => ({ role, regionId: null })),
        ...(account.regionAdministrator ? [{ role: "administrator" as const, regionId }] : []),
      ]);
      if (account.totpSecret) await saveTotp(tx, id, kernel.crypto.encrypt("users.totp_secret", account.totpSecret), kernel.now(), 0);
    }
    kernel.audit.record(tx, { actor: null, actorLabel: "system", action: "create", objectType: "region", objectId: regionId, result: "success", details: { demo: true } });
  });
  return "seeded";
}
