import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Tx } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { invalidInput, notFound } from "../../kernel/errors.ts";
import type { Role } from "../../kernel/policy/matrix.ts";
import { AccessDenied, accessFilter, actingRole, authorize, recordAbilities, type Actor, type MunicipalityFacts } from "../../kernel/policy/policy.ts";
import { findMunicipality, visibleMunicipalities, type MunicipalityRow } from "../focal-officers/focal-officers.repository.ts";
import { trainingCoverage, type MunicipalityCoverage } from "../training/coverage.ts";
import { attestationHistory, derivedFigures, insertAttestation, latestAttestations, type AttestationRow, type DerivedRow } from "./baseline.repository.ts";
import type { attestationBody, criterionSchema, municipalityBaselineSchema, overviewQuery } from "./baseline.schema.ts";
import { attestedCriteria, criteria, type CriterionState } from "./criteria.ts";

/**
 * The baseline checklist per municipality: derived criteria computed from the data as of today (signals in the
 * last twelve months, a focal officer named, training coverage), attested criteria from the latest statement of
 * the municipality's policy officer. Policy officers and administrators get counts only, never a signal.
 */
const PURPOSE = "basisniveau bestuurlijke aanpak";
const auditActor = (actor: Actor, role: Role | null) => ({ userId: actor.userId, organisationId: actor.organisationId, role });
const facts = (m: { id: string; region_ids: string[] }): MunicipalityFacts => ({ municipalityId: m.id, municipalityRegionIds: m.region_ids });

type CriterionView = z.infer<typeof criterionSchema>;
type MunicipalityBaseline = z.infer<typeof municipalityBaselineSchema>;

/**
 * Training counts as met when the municipality has set targets, at least one is reached, and none whose date
 * has passed is missed: a target for next year not reached yet does not fail the baseline.
 */
export function trainingState(coverage: MunicipalityCoverage | undefined, asOf: string): { state: CriterionState; detail: CriterionView["detail"] } {
  const targets = coverage?.targets ?? [];
  const met = targets.filter((t) => t.met).length;
  const overdue = targets.filter((t) => !t.met && t.dueOn <= asOf).length;
  return { state: met > 0 && overdue === 0 ? "met" : "not_met", detail: { targets: targets.length, targetsMet: met, targetsOverdue: overdue } };
}

interface Inputs {
  asOf: string;
  derived: Map<string, DerivedRow>;
  coverage: Map<string, MunicipalityCoverage>;
  latest: Map<string, AttestationRow>;
}

async function gather(tx: Tx, municipalityIds: readonly string[], asOf: string): Promise<Inputs> {
  // One after the other: a transaction runs one statement at a time.
  const derived = await derivedFigures(tx, municipalityIds, asOf);
  const coverage = await trainingCoverage(tx, municipalityIds, asOf);
  const latest = await latestAttestations(tx, municipalityIds);
  return {
    asOf,
    derived: new Map(derived.map((d) => [d.municipality_id, d])),
    coverage: new Map(coverage.map((c) => [c.municipalityId, c])),
    latest: new Map(latest.map((a) => [`${a.municipality_id}|${a.criterion}`, a])),
  };
}

function checklist(actor: Actor, m: { id: string; name: string; region_ids: string[] }, inputs: Inputs): MunicipalityBaseline {
  const figures = inputs.derived.get(m.id) ?? { signals: 0, officers: 0 };
  const training = trainingState(inputs.coverage.get(m.id), inputs.asOf);
  const derived = (criterion: CriterionView["criterion"], met: boolean, detail: CriterionView["detail"]): CriterionView => ({
    criterion, kind: "derived", state: met ? "met" : "not_met", date: inputs.asOf, detail,
  });
  const views: CriterionView[] = [
    derived("active_signalling", figures.signals > 0, { signals: figures.signals }),
    derived("focal_officer_named", figures.officers > 0, { officers: figures.officers }),
    { criterion: "training_coverage", kind: "derived", state: training.state, date: inputs.asOf, detail: training.detail },
    ...attestedCriteria.map((criterion): CriterionView => {
      const a = inputs.latest.get(`${m.id}|${criterion}`);
      return a
        ? { criterion, kind: "attested", state: a.met ? "met" : "not_met", date: a.attested_on, detail: {}, documentReference: a.document_reference, note: a.note }
        : { criterion, kind: "attested", state: "not_attested", date: null, detail: {}, documentReference: null, note: null };
    }),
  ];
  const metCount = views.filter((v) => v.state === "met").length;
  return {
    municipalityId: m.id,
    municipalityName: m.name,
    asOf: inputs.asOf,
    meetsBaseline: metCount === criteria.length,
    metCount,
    criteria: views,
    abilities: { attest: Boolean(recordAbilities(actor, "baseline", facts(m)).attest) },
  };
}

function refused(actor: Actor, attempted: string) {
  return new AccessDenied(403, {
    actor: auditActor(actor, actor.roles[0] ?? null), action: "access_denied", objectType: "baseline", result: "denied", details: { attempted },
  });
}

/** The region's overview: every municipality the actor may see, by region, with each criterion's state. */
export function overviewFor(kernel: Kernel, actor: Actor, query: z.infer<typeof overviewQuery>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const regions = [...new Set([...actor.regionIds, ...actor.adminRegionIds])];
    if (query.regionId && !regions.includes(query.regionId)) throw notFound();
    const role = actingRole(actor, "list", "baseline");
    if (!role) throw refused(actor, "list");
    const asOf = dutchDate(kernel.now());
    const rows = await visibleMunicipalities(tx, query.regionId ? [query.regionId] : regions, accessFilter(actor, "list", "baseline", "m", kernel.now()));
    const inputs = await gather(tx, [...new Set(rows.map((r) => r.municipality_id))], asOf);
    const byRegion = new Map<string, { regionId: string; regionName: string; municipalities: MunicipalityBaseline[] }>();
    for (const row of rows) {
      const region = byRegion.get(row.region_id) ?? { regionId: row.region_id, regionName: row.region_name, municipalities: [] };
      region.municipalities.push(checklist(actor, { id: row.municipality_id, name: row.municipality_name, region_ids: row.region_ids }, inputs));
      byRegion.set(row.region_id, region);
    }
    // No personal data in it; logged as a list all the same, so the privacy officer sees who looked.
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "list", objectType: "baseline", purpose: PURPOSE, result: "success", clientAddress,
      details: { municipalities: new Set(rows.map((r) => r.municipality_id)).size, regionId: query.regionId ?? null },
    });
    return { asOf, criteria: [...criteria], regions: [...byRegion.values()] };
  });
}

async function municipalityFor(tx: Tx, id: string): Promise<MunicipalityRow> {
  const m = await findMunicipality(tx, id);
  if (!m) throw notFound();
  return m;
}

const presentAttestation = (kernel: Kernel, a: AttestationRow) => ({
  id: a.id,
  criterion: a.criterion,
  met: a.met,
  attestedOn: a.attested_on,
  documentReference: a.document_reference,
  note: a.note,
  recordedBy: kernel.crypto.decryptOptional("users.display_name", a.recorded_by_name_enc),
  recordedAt: new Date(a.recorded_at).toISOString(),
});

async function checklistWithHistory(kernel: Kernel, tx: Tx, actor: Actor, m: MunicipalityRow) {
  const inputs = await gather(tx, [m.id], dutchDate(kernel.now()));
  const history = (await attestationHistory(tx, m.id)).map((a) => presentAttestation(kernel, a));
  return { ...checklist(actor, m, inputs), history };
}

/** One municipality's checklist with the history of its attestations (who recorded them: staff names, audited). */
export function checklistFor(kernel: Kernel, actor: Actor, municipalityId: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const m = await municipalityFor(tx, municipalityId);
    const role = authorize(actor, "read", "baseline", facts(m), { objectId: m.id, ownerOrganisationId: m.id });
    const result = await checklistWithHistory(kernel, tx, actor, m);
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "read", objectType: "baseline", objectId: m.id, ownerOrganisationId: m.id, purpose: PURPOSE, result: "success", clientAddress,
      details: { attestations: result.history.length },
    });
    return result;
  });
}

/** The policy officer states that a criterion is (not) met, with a document reference or a note. Append-only. */
export function attestFor(kernel: Kernel, actor: Actor, municipalityId: string, body: z.infer<typeof attestationBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const m = await municipalityFor(tx, municipalityId);
    const role = authorize(actor, "attest", "baseline", facts(m), { objectId: m.id, ownerOrganisationId: m.id });
    const now = kernel.now();
    if (body.attestedOn > dutchDate(now)) {
      throw invalidInput("De datum van de verklaring ligt in de toekomst.", [{ name: "attestedOn", code: "future_date", reason: "vandaag of eerder" }]);
    }
    if (!body.documentReference && !body.note) {
      throw invalidInput("Geef een verwijzing naar een document of een toelichting.", [
        { name: "documentReference", code: "required", reason: "een documentverwijzing of een toelichting" },
        { name: "note", code: "required", reason: "een documentverwijzing of een toelichting" },
      ]);
    }
    const id = await insertAttestation(tx, {
      municipalityId: m.id, criterion: body.criterion, met: body.met, attestedOn: body.attestedOn,
      documentReference: body.documentReference ?? null, note: body.note ?? null, by: actor.userId, at: now,
    });
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "create", objectType: "baseline_attestation", objectId: id, ownerOrganisationId: m.id, purpose: PURPOSE,
      result: "success", clientAddress, details: { criterion: body.criterion, met: body.met, attestedOn: body.attestedOn },
    });
    return checklistWithHistory(kernel, tx, actor, m);
  });
}
