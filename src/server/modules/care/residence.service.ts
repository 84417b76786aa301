import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { invalidInput } from "../../kernel/errors.ts";
import type { Actor } from "../../kernel/policy/policy.ts";
import { reflectionEndDate } from "./calendar.ts";
import { careRefusal, fileCommand, type FileContext } from "./file-command.ts";
import { decidePermit, insertPermit, permitsOf, residenceOf, saveResidence, type ResidenceRow } from "./plan.repository.ts";
import type { permitBody, permitDecisionBody, policeReportBody, reflectionBody } from "./plan.schema.ts";

/**
 * The residence scheme for victims of human trafficking (B8/3 Vreemdelingencirculaire): the reflection
 * period of at most three months from the day it is offered, the police report (made, declined, or unable
 * to cooperate and on what basis), and the applications, decisions, end dates and renewals of permits.
 */
const field = (name: string, code: string, reason: string) => [{ name, code, reason }];

function open(ctx: FileContext) {
  if (ctx.row.status === "closed") throw careRefusal("transition_not_allowed", "Dit traject is afgesloten; heropen het om de verblijfsregeling bij te werken.");
}

function current(scheme: ResidenceRow | undefined) {
  return {
    reflectionOfferedOn: scheme?.reflection_offered_on ?? null,
    reflectionEndsOn: scheme?.reflection_ends_on ?? null,
    reflectionEndedEarlyOn: scheme?.reflection_ended_early_on ?? null,
    reflectionEndReason: scheme?.reflection_end_reason ?? null,
    policeReport: scheme?.police_report ?? "undecided",
    policeReportOn: scheme?.police_report_on ?? null,
    unableBasis: scheme?.unable_basis ?? null,
    unableStatementEnc: scheme?.unable_statement_enc ?? null,
  };
}

export function setReflectionFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof reflectionBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "update", clientAddress, async (ctx) => {
    open(ctx);
    if (ctx.row.nationality === "NLD") throw careRefusal("not_eligible", "De bedenktijd van de verblijfsregeling is er voor slachtoffers zonder Nederlandse nationaliteit.", "offeredOn");
    if (body.offeredOn > ctx.today) throw invalidInput("De bedenktijd is nog niet aangeboden: de datum ligt in de toekomst.", field("offeredOn", "future_date", "vandaag of eerder"));
    const endsOn = reflectionEndDate(body.offeredOn);
    if (Boolean(body.endedEarlyOn) !== Boolean(body.endReason)) {
      throw invalidInput("Geef bij een eerder einde zowel de datum als de reden.", field(body.endedEarlyOn ? "endReason" : "endedEarlyOn", "required", "datum en reden horen bij elkaar"));
    }
    if (body.endedEarlyOn && (body.endedEarlyOn < body.offeredOn || body.endedEarlyOn > endsOn || body.endedEarlyOn > ctx.today)) {
      throw invalidInput(`Een eerder einde ligt tussen ${body.offeredOn} en ${endsOn}, en niet in de toekomst.`, field("endedEarlyOn", "out_of_range", "binnen de bedenktijd"));
    }
    const scheme = current(await residenceOf(ctx.tx, ctx.row.id));
    await saveResidence(ctx.tx, ctx.row.id, {
      ...scheme,
      reflectionOfferedOn: body.offeredOn,
      reflectionEndsOn: endsOn,
      reflectionEndedEarlyOn: body.endedEarlyOn ?? null,
      reflectionEndReason: body.endReason ?? null,
      by: actor.userId,
      at: ctx.now,
    });
    const details = { offeredOn: body.offeredOn, endsOn, endedEarlyOn: body.endedEarlyOn ?? null, endReason: body.endReason ?? null, previousOfferedOn: scheme.reflectionOfferedOn };
    await ctx.event(body.endedEarlyOn ? "reflection_ended_early" : scheme.reflectionOfferedOn ? "reflection_changed" : "reflection_started", details);
    return { details };
  });
}

export function setPoliceReportFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof policeReportBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "update", clientAddress, async (ctx) => {
    open(ctx);
    if (body.date && body.date > ctx.today) throw invalidInput("De datum ligt in de toekomst.", field("date", "future_date", "vandaag of eerder"));
    if (body.status === "made" && !body.date) throw invalidInput("Geef de datum van de aangifte.", field("date", "required", "verplicht bij een aangifte"));
    if (body.status === "undecided" && body.date) throw invalidInput("Zonder beslissing is er geen datum.", field("date", "not_allowed", "alleen bij een beslissing"));
    if (body.status === "unable") {
      if (!body.unableBasis) throw invalidInput("Kies waarom meewerken niet kan.", field("unableBasis", "required", "verplicht als meewerken niet kan"));
      if (!body.unableStatement) throw invalidInput("Geef aan waarop de verklaring berust.", field("unableStatement", "required", "verplicht als meewerken niet kan"));
    } else if (body.unableBasis || body.unableStatement) {
      throw invalidInput("Een grond en verklaring horen bij 'kan niet meewerken'.", field("unableBasis", "not_allowed", "alleen bij 'unable'"));
    }
    const scheme = current(await residenceOf(ctx.tx, ctx.row.id));
    await saveResidence(ctx.tx, ctx.row.id, {
      ...scheme,
      policeReport: body.status,
      policeReportOn: body.date ?? null,
      unableBasis: body.unableBasis ?? null,
      unableStatementEnc: kernel.crypto.encryptOptional("residence_schemes.unable_statement", body.unableStatement),
      by: actor.userId,
      at: ctx.now,
    });
    const details = { status: body.status, date: body.date ?? null, unableBasis: body.unableBasis ?? null, previous: scheme.policeReport };
    await ctx.event("police_report_updated", details);
    return { details };
  });
}

export function addPermitFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof permitBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "update", clientAddress, async (ctx) => {
    open(ctx);
    if (body.appliedOn > ctx.today) throw invalidInput("De aanvraag ligt in de toekomst.", field("appliedOn", "future_date", "vandaag of eerder"));
    const permits = await permitsOf(ctx.tx, ctx.row.id);
    if (permits.some((p) => p.decision === null)) throw careRefusal("transition_not_allowed", "Er loopt al een aanvraag; leg eerst de beslissing daarop vast.", "kind");
    if (body.kind !== "b8_temporary" && !permits.some((p) => p.decision === "granted")) {
      throw careRefusal("transition_not_allowed", "Verlenging of voortgezet verblijf volgt op een verleende vergunning.", "kind");
    }
    const permitId = await insertPermit(ctx.tx, { fileId: ctx.row.id, kind: body.kind, appliedOn: body.appliedOn, by: actor.userId, at: ctx.now });
    const details = { permitId, kind: body.kind, appliedOn: body.appliedOn };
    await ctx.event("permit_applied", details);
    return { details };
  });
}

export function decidePermitFor(kernel: Kernel, actor: Actor, id: string, permitId: string, body: z.infer<typeof permitDecisionBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "update", clientAddress, async (ctx) => {
    open(ctx);
    const permit = (await permitsOf(ctx.tx, ctx.row.id)).find((p) => p.id === permitId);
    if (!permit) throw invalidInput("Deze aanvraag hoort niet bij dit dossier.", field("permitId", "unknown", "onbekende aanvraag"));
    if (permit.decision) throw careRefusal("transition_not_allowed", "Op deze aanvraag is al beslist.");
    if (body.decidedOn < permit.applied_on || body.decidedOn > ctx.today) {
      throw invalidInput(`De beslisdatum ligt tussen de aanvraag (${permit.applied_on}) en vandaag.`, field("decidedOn", "out_of_range", "na de aanvraag, niet in de toekomst"));
    }
    if (body.decision === "granted" && (!body.validUntil || body.validUntil <= body.decidedOn)) {
      throw invalidInput("Een verleende vergunning heeft een einddatum na de beslissing.", field("validUntil", "required", "na de beslisdatum"));
    }
    if (body.decision !== "granted" && body.validUntil) throw invalidInput("Alleen een verleende vergunning heeft een einddatum.", field("validUntil", "not_allowed", "alleen bij 'granted'"));
    await decidePermit(ctx.tx, permit.id, { decidedOn: body.decidedOn, decision: body.decision, validUntil: body.validUntil ?? null, at: ctx.now });
    const details = { permitId, kind: permit.kind, decision: body.decision, decidedOn: body.decidedOn, validUntil: body.validUntil ?? null };
    await ctx.event("permit_decided", details);
    return { details };
  });
}
