import type { Kernel } from "../http/kernel.ts";
import type { Actor } from "../kernel/policy/policy.ts";
import { currentCatalogue } from "../modules/indicators/indicators.repository.ts";
import { submitCitizenSignal, submitSignal } from "../modules/signals/intake.ts";
import { citizenIntakeBody, intakeBody } from "../modules/signals/signals.schema.ts";

/**
 * A few fictional signals in Zevenaar's queue, so that the demo does not open on an empty work queue.
 * Loaded once, by `npm start`, when the demo region is first created (tests start from an empty route).
 */
export async function seedDemoSignals(kernel: Kernel): Promise<void> {
  const rows = await kernel.db.query<{ user_id: string; organisation_id: string; region_id: string; municipality_id: string }>(
    `select u.id as user_id, u.organisation_id, rm.region_id, u.organisation_id as municipality_id
       from users u join region_members rm on rm.organisation_id = u.organisation_id
      where u.email_hash = $1`,
    [kernel.crypto.blindIndex("email", "melder@zevenaar.demo")],
  );
  const row = rows[0];
  if (!row) return;
  const reporter: Actor = { userId: row.user_id, organisationId: row.organisation_id, roles: ["reporter"], regionIds: [row.region_id], adminRegionIds: [] };
  const catalogue = await currentCatalogue(kernel.db, row.region_id);
  const first = (group: string, n: number) => catalogue.indicators.filter((i) => i.group === group).slice(0, n).map((i) => i.code);

  await submitSignal(kernel, reporter, intakeBody.parse({
    municipalityId: row.municipality_id,
    indicatorCodes: [...first("general", 1), ...first("labour", 3)],
    description: "Bij de balie vroeg een man om een uitkering voor veertien mensen op één adres. Hij sprak namens hen en hield hun paspoorten vast.",
    observedOn: "2026-11-19",
    location: { kind: "address", postcode: "6901AB", houseNumber: 12 },
    victims: [{ name: "Andrzej Nowak", birthDate: "1991-03-02", nationality: "POL" }],
    perpetrators: [{ description: "Man van ongeveer 40, sprak Duits, reed in een wit busje" }],
    reporterTeam: "Team Publiekszaken",
    reporterAnonymous: true,
    immediateDanger: false,
  }), undefined, "demo");

  await submitSignal(kernel, reporter, intakeBody.parse({
    municipalityId: row.municipality_id,
    indicatorCodes: [...first("sexual", 2)],
    description: "Jonge vrouw bij de huisarts met blauwe plekken; een oudere man betaalde en beantwoordde alle vragen voor haar.",
    observedOn: "2026-11-21",
    victims: [{ gender: "female", description: "Ongeveer 19 jaar, spreekt weinig Nederlands" }],
    perpetrators: [],
    reporterAnonymous: false,
    immediateDanger: true,
  }), undefined, "demo");

  await submitCitizenSignal(kernel, citizenIntakeBody.parse({
    municipalityId: row.municipality_id,
    description: "In de loods achter de bakkerij slapen 's nachts mensen. Overdag werken ze in de kassen.",
    location: { kind: "other", description: "Loods achter de bakkerij aan de Kerkstraat" },
  }));
}
