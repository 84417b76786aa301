import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Tx } from "../../kernel/db.ts";
import { dutchDate, type CalendarDate } from "../../kernel/dutch-time.ts";
import { AppError, conflict, invalidInput, notFound } from "../../kernel/errors.ts";
import { accessFilter, actingRole, authorize, type Actor } from "../../kernel/policy/policy.ts";
import { findReferral } from "../signals/referrals.repository.ts";
import { tokenOf, wordsOf, searchTokens } from "../signals/search-tokens.ts";
import { findSignal, personsOf } from "../signals/signals.repository.ts";
import { ageGroupOf, ageOn } from "./calendar.ts";
import { exploitationForms, type AgeGroup, type ExploitationForm } from "./codes.ts";
import { auditActor, careRefusal, fileCommand, loadFileFor } from "./file-command.ts";
import { fileRefs, isMinor, presentFile } from "./files.presenter.ts";
import { appendFileEvent, findFile, insertFile, insertTeamMember, listFiles, nextFileReference, updateFile, type FileChange } from "./files.repository.ts";
import type { fileListQuery, openFileBody, updateFileBody } from "./files.schema.ts";
import { regionOrganisation } from "./network.ts";
import { visibleParts } from "./purposes.ts";

/** Opening, reading, listing and correcting victim files. Every read and change is audited in its transaction. */
type OpenBody = z.infer<typeof openFileBody>;

const REFERENCE = /^ZT-\d{4}-\d{5}$/;

function identityHash(kernel: Kernel, name: string | null | undefined, birthDate: string | null | undefined): string | null {
  return name && birthDate ? kernel.crypto.blindIndex("name", `${name}|${birthDate}`) : null;
}

function checkBirthDate(birthDate: string | null | undefined, today: CalendarDate, field = "person.birthDate") {
  if (birthDate && birthDate > today) {
    throw invalidInput("De geboortedatum ligt in de toekomst.", [{ name: field, code: "future_date", reason: "ligt in de toekomst" }]);
  }
}

function ageGroupAt(birthDate: string | null | undefined, given: AgeGroup | undefined, on: CalendarDate): AgeGroup {
  return birthDate ? ageGroupOf(ageOn(birthDate, on)) : (given ?? "unknown");
}

/** What the referral shared about the person and the signal, to carry into the new file. */
async function fromReferral(kernel: Kernel, tx: Tx, actor: Actor, body: OpenBody) {
  if (!body.referralId) {
    throw invalidInput("Kies de doorverwijzing waaruit u het dossier opent.", [{ name: "referralId", code: "required", reason: "verplicht bij bron 'referral'" }]);
  }
  const referral = await findReferral(tx, body.referralId);
  if (!referral) throw notFound();
  // A referral to another organisation is, for this actor, a referral that does not exist (404).
  authorize(actor, "read", "referral", { organisationId: referral.organisation_id, signalMunicipalityId: referral.signal_municipality_id }, { objectId: referral.id });
  if (referral.status !== "accepted" && referral.status !== "answered") {
    throw careRefusal("referral_not_accepted", referral.status === "open" ? "Accepteer eerst de doorverwijzing; daarna opent u het dossier." : "Deze doorverwijzing is afgewezen of ingetrokken.", "referralId");
  }
  const signal = (await findSignal(tx, referral.signal_id))!;
  const shared = new Set(referral.shared_parts);
  let person: { id: string; name: string | null; birthDate: string | null; gender: string | null; nationality: string | null; phone: string | null } | null = null;
  if (shared.has("victims")) {
    const victims = (await personsOf(tx, signal.id)).filter((p) => p.role === "victim");
    const chosen = body.signalPersonId ? victims.find((p) => p.id === body.signalPersonId) : victims.length === 1 ? victims[0] : undefined;
    if (body.signalPersonId && !chosen) {
      throw invalidInput("Deze persoon hoort niet bij het doorverwezen signaal.", [{ name: "signalPersonId", code: "unknown", reason: "geen slachtoffer van dit signaal" }]);
    }
    if (chosen) {
      const c = kernel.crypto;
      person = {
        id: chosen.id,
        name: c.decryptOptional("signal_persons.name", chosen.name_enc),
        birthDate: c.decryptOptional("signal_persons.birth_date", chosen.birth_date_enc),
        gender: chosen.gender,
        nationality: chosen.nationality,
        phone: c.decryptOptional("signal_persons.phone", chosen.phone_enc),
      };
    }
  } else if (body.signalPersonId) {
    throw invalidInput("De doorverwijzing deelt geen slachtoffers.", [{ name: "signalPersonId", code: "not_shared", reason: "niet gedeeld" }]);
  }
  const purpose = kernel.crypto.decrypt("referrals.purpose", referral.purpose_enc);
  const description = shared.has("description") ? kernel.crypto.decrypt("signals.description", signal.description_enc) : null;
  const cameIntoView = [`Doorverwijzing van ${signal.municipality_name} (signaal ${signal.reference}): ${purpose}`, description].filter(Boolean).join("\n\n");
  const forms = signal.exploitation_forms.filter((f): f is ExploitationForm => (exploitationForms as readonly string[]).includes(f));
  // One file per person per referral: a second one would split the person's trajectory in two.
  const existing = await tx.query<{ reference: string }>(
    "select reference from victim_files where referral_id = $1 and signal_person_id is not distinct from $2::uuid",
    [referral.id, person?.id ?? null],
  );
  if (existing[0]) {
    throw conflict(`Uit deze doorverwijzing is voor deze persoon al dossier ${existing[0].reference} geopend.`);
  }
  return { referral, signal, person, cameIntoView, forms };
}

export function openFileFor(kernel: Kernel, actor: Actor, body: OpenBody, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const now = kernel.now();
    const today = dutchDate(now);
    const role = authorize(actor, "create", "victim_file", { organisationId: actor.organisationId, activeTeam: [] });
    const org = await tx.query<{ type: string }>("select type from organisations where id = $1", [actor.organisationId]);
    if (org[0]?.type !== "care_coordination") {
      throw new AppError(403, "forbidden", "Geen toestemming", "Alleen een organisatie voor zorgcoördinatie opent slachtofferdossiers.");
    }
    if (body.source !== "referral" && (body.referralId || body.signalPersonId)) {
      throw invalidInput("Een doorverwijzing hoort bij bron 'referral'.", [{ name: "referralId", code: "not_allowed", reason: "alleen bij bron 'referral'" }]);
    }
    const carried = body.source === "referral" ? await fromReferral(kernel, tx, actor, body) : null;

    // The region: named, or the one the referring municipality shares with the organisation, or the only one.
    const candidates = carried ? carried.signal.municipality_region_ids.filter((r) => actor.regionIds.includes(r)) : [...actor.regionIds];
    const regionId = body.regionId ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!regionId || !actor.regionIds.includes(regionId)) {
      throw invalidInput("Kies de regio waarvoor u dit dossier opent.", [{ name: "regionId", code: "required", reason: "kies een regio van uw organisatie" }]);
    }

    const p = body.person;
    const name = p?.name ?? carried?.person?.name ?? null;
    const birthDate = p?.birthDate ?? carried?.person?.birthDate ?? null;
    checkBirthDate(birthDate, today);
    const c = kernel.crypto;
    const reference = await nextFileReference(tx, Number(today.slice(0, 4)));
    const id = await insertFile(tx, {
      reference,
      organisationId: actor.organisationId,
      regionId,
      source: body.source,
      signalId: carried?.signal.id ?? null,
      referralId: carried?.referral.id ?? null,
      signalPersonId: carried?.person?.id ?? null,
      transferredFromId: null,
      nameEnc: c.encryptOptional("victim_files.name", name),
      birthDateEnc: c.encryptOptional("victim_files.birth_date", birthDate),
      phoneEnc: c.encryptOptional("victim_files.phone", p?.phone ?? carried?.person?.phone ?? null),
      contactEnc: c.encryptOptional("victim_files.contact", p?.contact ?? null),
      identityHash: identityHash(kernel, name, birthDate),
      gender: p?.gender ?? carried?.person?.gender ?? "unknown",
      ageGroup: ageGroupAt(birthDate, body.ageGroup, today),
      nationality: body.nationality ?? carried?.person?.nationality ?? null,
      languages: [...new Set(body.languages)],
      exploitationForms: [...new Set(body.exploitationForms.length ? body.exploitationForms : (carried?.forms ?? []))],
      cameIntoViewEnc: c.encryptOptional("victim_files.came_into_view", body.cameIntoView ?? carried?.cameIntoView ?? null),
      searchTokens: searchTokens(c, [name]),
      openedAt: now,
      openedBy: actor.userId,
    });
    await insertTeamMember(tx, {
      fileId: id, userId: actor.userId, organisationId: actor.organisationId, memberRole: "coordinator", purpose: null, purposeNoteEnc: null,
      validFrom: today, validUntil: null, basis: "coordinator", legalBasisNoteEnc: null, addedBy: actor.userId, addedAt: now,
    });
    await appendFileEvent(tx, {
      fileId: id, occurredAt: now, actorUserId: actor.userId, actorOrganisationId: actor.organisationId, kind: "opened",
      toStatus: "intake", details: { source: body.source, signalReference: carried?.signal.reference ?? null },
    });
    const row = (await findFile(tx, id))!;
    kernel.audit.record(tx, {
      actor: auditActor(actor, role),
      action: "create",
      objectType: "victim_file",
      ...fileRefs(row),
      purpose: "zorgcoördinatie",
      result: "success",
      clientAddress,
      details: { reference, source: body.source, referralId: carried?.referral.id ?? null, signalReference: carried?.signal.reference ?? null },
    });
    return presentFile(kernel, tx, actor, row);
  });
}

export function getFileFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const { row, role, activeTeam } = await loadFileFor(kernel, tx, actor, id, "read");
    const file = await presentFile(kernel, tx, actor, row);
    const mine = activeTeam.find((m) => m.user_id === actor.userId);
    kernel.audit.record(tx, {
      actor: auditActor(actor, role),
      action: "read",
      objectType: "victim_file",
      ...fileRefs(row),
      purpose: mine?.purpose ?? "zorgcoördinatie",
      result: "success",
      clientAddress,
      details: { reference: row.reference, parts: file.visibleParts },
    });
    return file;
  });
}

export function listFilesFor(kernel: Kernel, actor: Actor, query: z.infer<typeof fileListQuery>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const now = kernel.now();
    const today = dutchDate(now);
    const q = query.q?.trim();
    const reference = q && REFERENCE.test(q.toUpperCase()) ? q.toUpperCase() : undefined;
    const { rows, total } = await listFiles(tx, {
      access: accessFilter(actor, "list", "victim_file", "f", now),
      userId: actor.userId,
      statuses: query.status && query.status !== "open" ? [query.status] : undefined,
      excludeClosed: query.status === "open",
      reference,
      tokens: q && !reference ? wordsOf(q).map((w) => tokenOf(kernel.crypto, w)) : undefined,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    const items = rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      organisationName: r.organisation_name,
      status: r.status,
      ageGroup: r.age_group,
      minor: isMinor(null, r.age_group, today),
      // The forms belong to the file's "exploitation" part: only for members whose purpose opens it.
      exploitationForms: visibleParts(r.member_role ? { memberRole: r.member_role, purpose: r.purpose } : null).includes("exploitation")
        ? (r.exploitation_forms as never)
        : null,
      openedAt: r.opened_at.toISOString(),
      closedAt: r.closed_at?.toISOString() ?? null,
      memberRole: r.member_role,
      purpose: r.purpose,
      // A list is a coordinator's working tool; a partner finds the name on the file itself, where it is audited as a read.
      name: r.member_role === "coordinator" ? kernel.crypto.decryptOptional("victim_files.name", r.name_enc) : null,
    }));
    kernel.audit.record(tx, {
      actor: auditActor(actor, actingRole(actor, "list", "victim_file")),
      action: q ? "search" : "list",
      objectType: "victim_file",
      result: "success",
      clientAddress,
      details: { count: items.length, total, page: query.page, status: query.status ?? null, searched: Boolean(q), references: items.map((i) => i.reference) },
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  });
}

export function updateFileFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof updateFileBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "update", clientAddress, async ({ tx, row, today, event }) => {
    const c = kernel.crypto;
    const change: FileChange = {};
    const changed = Object.keys(body).filter((k) => (body as Record<string, unknown>)[k] !== undefined);
    if (changed.length === 0) throw invalidInput("Er is niets om te wijzigen.");
    if (body.name !== undefined) change.nameEnc = c.encryptOptional("victim_files.name", body.name);
    if (body.birthDate !== undefined) {
      checkBirthDate(body.birthDate, today, "birthDate");
      change.birthDateEnc = c.encryptOptional("victim_files.birth_date", body.birthDate);
    }
    if (body.phone !== undefined) change.phoneEnc = c.encryptOptional("victim_files.phone", body.phone);
    if (body.contact !== undefined) change.contactEnc = c.encryptOptional("victim_files.contact", body.contact);
    if (body.gender !== undefined) change.gender = body.gender;
    if (body.nationality !== undefined) change.nationality = body.nationality;
    if (body.languages !== undefined) change.languages = [...new Set(body.languages)];
    if (body.exploitationForms !== undefined) change.exploitationForms = [...new Set(body.exploitationForms)];
    if (body.cameIntoView !== undefined) change.cameIntoViewEnc = c.encryptOptional("victim_files.came_into_view", body.cameIntoView);
    if (body.guardian !== undefined) change.guardianEnc = c.encryptOptional("victim_files.guardian", body.guardian);
    if (body.veiligThuisNotifiedOn !== undefined) {
      if (body.veiligThuisNotifiedOn && body.veiligThuisNotifiedOn > today) {
        throw invalidInput("Die datum ligt in de toekomst.", [{ name: "veiligThuisNotifiedOn", code: "future_date", reason: "ligt in de toekomst" }]);
      }
      change.veiligThuisNotifiedOn = body.veiligThuisNotifiedOn;
    }
    if (body.youthCareProviderId !== undefined) {
      if (body.youthCareProviderId && !(await regionOrganisation(tx, row.region_id, body.youthCareProviderId))) {
        throw invalidInput("Kies een organisatie uit het netwerk van de regio.", [{ name: "youthCareProviderId", code: "unknown_organisation", reason: "niet in de regio" }]);
      }
      change.youthCareProviderId = body.youthCareProviderId;
    }
    // Name and date of birth drive the hit/no-hit hash, the search words and the age group at opening.
    const birthDate = body.birthDate !== undefined ? body.birthDate : c.decryptOptional("victim_files.birth_date", row.birth_date_enc);
    if (body.name !== undefined || body.birthDate !== undefined) {
      const name = body.name !== undefined ? body.name : c.decryptOptional("victim_files.name", row.name_enc);
      change.identityHash = identityHash(kernel, name, birthDate);
      change.searchTokens = searchTokens(c, [name]);
    }
    // As at opening, a known date of birth decides the age group; a given age group counts only without one.
    if (birthDate && (body.birthDate !== undefined || body.ageGroup !== undefined)) change.ageGroup = ageGroupAt(birthDate, undefined, dutchDate(row.opened_at));
    else if (body.ageGroup !== undefined) change.ageGroup = body.ageGroup;
    await updateFile(tx, row.id, change, kernel.now());
    await event("updated", { fields: changed });
    return { details: { fields: changed } };
  });
}
