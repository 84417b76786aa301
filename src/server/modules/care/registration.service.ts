import sql from "sql-template-tag";
import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { run, type Tx } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { invalidInput } from "../../kernel/errors.ts";
import type { Actor } from "../../kernel/policy/policy.ts";
import { findReferral } from "../signals/referrals.repository.ts";
import type { ExploitationForm, PoliceUnit, ServiceType } from "./codes.ts";
import { COMENSHA } from "./consent.service.ts";
import { decideSharing, type Override } from "./consent.ts";
import { comenshaCsv, comenshaRegistration } from "./exports/comensha.ts";
import { htcdsCsv, htcdsJson, htcdsRecord } from "./exports/htcds.ts";
import { auditActor, careRefusal, fileCommand, loadFileFor } from "./file-command.ts";
import { fileRefs, isMinor } from "./files.presenter.ts";
import { appendFileEvent, updateFile, type FileRow } from "./files.repository.ts";
import { consentsOf, insertComenshaExport, lastComenshaExport, servicesOf } from "./plan.repository.ts";
import type { comenshaExportBody, comenshaRegistrationBody, htcdsExportBody } from "./plan.schema.ts";

/**
 * The registrations that leave Ketenzicht: the CoMensha registration and the HTCDS file for international
 * partners. Each needs the person's consent for that purpose and party, or a stated legal basis; each
 * export is an audited "export" with its basis, and an entry in the file's history.
 */
export interface ExportFile {
  fileName: string;
  mediaType: "text/csv" | "application/json";
  content: string;
}

function checkOverride(body: Override) {
  if (body.legalBasis && !body.legalBasisNote) {
    throw invalidInput("Licht de wettelijke grondslag toe.", [{ name: "legalBasisNote", code: "required", reason: "verplicht bij een wettelijke grondslag" }]);
  }
}

async function exportCommand(
  kernel: Kernel,
  actor: Actor,
  id: string,
  clientAddress: string,
  purpose: string,
  work: (ctx: { row: FileRow; today: string; now: Date; tx: Tx }) => Promise<{ file: ExportFile; kind: string; details: Record<string, unknown>; reason?: string | null }>,
): Promise<ExportFile> {
  return kernel.db.transaction(async (tx) => {
    const { row, now, today, role } = await loadFileFor(kernel, tx, actor, id, "export", { forUpdate: true });
    const { file, kind, details, reason } = await work({ row, today, now, tx });
    await appendFileEvent(tx, {
      fileId: row.id, occurredAt: now, actorUserId: actor.userId, actorOrganisationId: actor.organisationId, kind, details,
      // The explanation of a legal basis is kept with the export it allowed.
      reasonEnc: kernel.crypto.encryptOptional("victim_file_events.reason", reason ?? null),
    });
    kernel.audit.record(tx, {
      actor: auditActor(actor, role),
      action: "export",
      objectType: "victim_file",
      ...fileRefs(row),
      purpose,
      result: "success",
      clientAddress,
      details: { reference: row.reference, fileName: file.fileName, ...details },
    });
    return file;
  });
}

export function exportComenshaFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof comenshaExportBody>, clientAddress: string) {
  checkOverride(body);
  return exportCommand(kernel, actor, id, clientAddress, "registratie CoMensha", async ({ row, today, now, tx }) => {
    if (!row.police_unit) {
      throw careRefusal("police_unit_missing", "De politie-eenheid van de regio is niet ingesteld; vraag de regiobeheerder die in te stellen.");
    }
    if (row.exploitation_forms.length === 0) {
      throw careRefusal("registration_incomplete", "Leg eerst de vorm(en) van uitbuiting vast; CoMensha registreert per vorm.", "exploitationForms");
    }
    const decision = decideSharing(await consentsOf(tx, row.id), "comensha_registration", { name: COMENSHA }, today, body);
    if (!decision.allowed) {
      throw careRefusal("consent_required", "Er is geen geldige toestemming voor registratie bij CoMensha. Leg die vast, of geef de wettelijke grondslag.", "legalBasis");
    }
    const registration = comenshaRegistration({
      reference: row.reference,
      openedOn: dutchDate(row.opened_at),
      forms: row.exploitation_forms as ExploitationForm[],
      birthDate: kernel.crypto.decryptOptional("victim_files.birth_date", row.birth_date_enc),
      ageGroup: row.age_group,
      gender: row.gender,
      nationality: row.nationality,
      policeUnit: row.police_unit as PoliceUnit,
      source: row.source,
      careCoordination: row.organisation_name,
      basis: decision.basis,
      exportedOn: today,
    });
    await insertComenshaExport(tx, {
      fileId: row.id,
      basis: decision.basis,
      legalBasisNoteEnc: decision.basis === "consent" ? null : kernel.crypto.encryptOptional("comensha_exports.legal_basis_note", body.legalBasisNote),
      by: actor.userId,
      at: now,
    });
    const file: ExportFile = body.format === "json"
      ? { fileName: `comensha-${row.reference}.json`, mediaType: "application/json", content: JSON.stringify(registration, null, 2) }
      : { fileName: `comensha-${row.reference}.csv`, mediaType: "text/csv", content: comenshaCsv(registration) };
    return { file, kind: "comensha_exported", details: { basis: decision.basis, format: body.format }, reason: decision.basis === "consent" ? null : body.legalBasisNote };
  });
}

export function registerComenshaFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof comenshaRegistrationBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "export", clientAddress, async ({ tx, row, today, now, event }) => {
    if (row.comensha_registered_on) throw careRefusal("already_registered", `Dit dossier is al op ${row.comensha_registered_on} bij CoMensha geregistreerd.`);
    const last = await lastComenshaExport(tx, row.id);
    if (!last) throw careRefusal("export_required", "Maak eerst het registratiebestand voor CoMensha aan en verstuur het.");
    const exportedOn = dutchDate(new Date(last.exported_at));
    if (body.registeredOn > today || body.registeredOn < exportedOn) {
      throw invalidInput(`De registratiedatum ligt tussen de export (${exportedOn}) en vandaag.`, [{ name: "registeredOn", code: "out_of_range", reason: "tussen export en vandaag" }]);
    }
    await updateFile(tx, row.id, {
      comenshaRegisteredOn: body.registeredOn,
      comenshaRegisteredBy: actor.userId,
      comenshaBasis: last.basis,
      comenshaNumberEnc: kernel.crypto.encryptOptional("victim_files.comensha_number", body.comenshaNumber),
    }, now);
    const details = { registeredOn: body.registeredOn, basis: last.basis };
    await event("comensha_registered", details);
    return { details, purpose: "registratie CoMensha" };
  });
}

export function exportHtcdsFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof htcdsExportBody>, clientAddress: string) {
  checkOverride(body);
  return exportCommand(kernel, actor, id, clientAddress, "internationale uitwisseling", async ({ row, today, tx }) => {
    const decision = decideSharing(await consentsOf(tx, row.id), "international_exchange", { name: body.recipient }, today, body);
    if (!decision.allowed) {
      throw careRefusal(
        "consent_required",
        `Er is geen geldige toestemming om gegevens uit te wisselen met ${body.recipient}. Leg die vast, of geef de wettelijke grondslag.`,
        "legalBasis",
      );
    }
    const services = await servicesOf(tx, row.id);
    const transferredOut = row.closure_reason === "moved_region"
      ? (await run<{ name: string; proposed_at: Date }>(tx, sql`
          select o.name, t.proposed_at from victim_file_transfers t join organisations o on o.id = t.to_organisation_id
           where t.file_id = ${row.id} and t.status = 'accepted' order by t.responded_at desc limit 1`))[0]
      : undefined;
    // HTCDS dates an incoming referral by the day it was accepted: a route referral by the care coordination's
    // answer to it, a transfer by the day its acceptance opened this file. An outgoing one by the day it was made.
    const referral = !row.transferred_from_id && row.referral_id ? await findReferral(tx, row.referral_id) : undefined;
    const record = htcdsRecord({
      organisationName: row.organisation_name,
      status: row.status,
      closureReason: row.closure_reason,
      gender: row.gender,
      nationality: row.nationality,
      languages: row.languages,
      forms: row.exploitation_forms as ExploitationForm[],
      minor: isMinor(kernel.crypto.decryptOptional("victim_files.birth_date", row.birth_date_enc), row.age_group, today),
      consent: decision.basis === "consent",
      incoming: row.transferred_from_organisation_name
        ? { organisation: row.transferred_from_organisation_name, transferred: true, acceptedOn: dutchDate(row.opened_at) }
        : row.signal_municipality_name
          ? { organisation: row.signal_municipality_name, transferred: false, acceptedOn: dutchDate(referral?.responded_at ?? row.opened_at) }
          : null,
      outgoing: transferredOut ? { organisation: transferredOut.name, date: dutchDate(new Date(transferredOut.proposed_at)) } : null,
      services: services.map((s) => ({ serviceType: s.service_type as ServiceType, status: s.status, endDate: s.end_date })),
    });
    const file: ExportFile = body.format === "csv"
      ? { fileName: `htcds-${row.reference}.csv`, mediaType: "text/csv", content: htcdsCsv(record) }
      : { fileName: `htcds-${row.reference}.json`, mediaType: "application/json", content: htcdsJson(row.reference, record, today) };
    return { file, kind: "htcds_exported", details: { recipient: body.recipient, basis: decision.basis, format: body.format }, reason: decision.basis === "consent" ? null : body.legalBasisNote };
  });
}
