import type { ActionStatus, DecisionKind, MeetingKind, MeetingStatus } from "./codes.ts";
import type { MinutesAction, MinutesDocument, MinutesDocumentItem } from "./minutes-model.ts";
import { banner, bullets, type Cell, type Doc, facts, footers, heading, itemHeading, notice, openDocument, paragraph, table, title } from "./minutes-pdf-layout.ts";
import { dutchDateText, dutchDateTimeText, meetingTimeText } from "./minutes-pdf-text.ts";

/**
 * The minutes of a meeting as a PDF for one recipient organisation (see minutes-model.ts for what each
 * recipient may read). Only what the MinutesDocument holds is printed: withheld parts are null there, and
 * here they become a notice, never an empty heading. Dutch throughout, times in Amsterdam.
 */
export const meetingKindLabels: Record<MeetingKind, string> = {
  case_conference: "casusoverleg mensenhandel",
  signal_meeting: "signalenoverleg",
  undermining_meeting: "ondermijningsoverleg",
  regie_group: "regiegroep",
};

export const decisionKindLabels: Record<DecisionKind, string> = {
  criminal_investigation: "strafrechtelijk onderzoek",
  inspection: "controle",
  bibob_review: "Bibob-toets",
  closure: "sluiting",
  permit_refusal: "weigering vergunning",
  permit_withdrawal: "intrekking vergunning",
  fine_or_order: "boete of last onder dwangsom/bestuursdwang",
  fiscal: "fiscale interventie",
  care: "zorg",
  no_action: "geen interventie",
};

export const actionStatusLabels: Record<ActionStatus, string> = { open: "open", done: "afgerond", cancelled: "vervallen" };

const statusNotices: Partial<Record<MeetingStatus, string>> = {
  planned: "Concept: het overleg is nog niet gesloten",
  in_progress: "Concept: het overleg is nog niet gesloten",
  cancelled: "Geannuleerd: dit overleg heeft niet plaatsgevonden",
};

export const redactionNotices = {
  decisions: "Wat over de personen en de casus is gedeeld, is afgeschermd: uw organisatie heeft hier geen actie op.",
  heading: "Afgeschermd: uw organisatie nam niet deel aan de bespreking van dit punt.",
} as const;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Renders the minutes; the same document (including generatedAt) gives the same bytes. */
export async function renderMinutesPdf(doc: MinutesDocument): Promise<Buffer> {
  const generatedAt = new Date(doc.generatedAt);
  const recipient = doc.recipientOrganisationName || "uw organisatie";
  const documentTitle = `Verslag ${meetingKindLabels[doc.meeting.kind]} — ${doc.meeting.title}`;
  const { doc: pdf, bytes } = openDocument({ title: documentTitle, subject: `Verslag voor ${recipient}, ${doc.meeting.reference}`, createdAt: generatedAt });
  writeHeader(pdf, doc, documentTitle, recipient);
  writeParticipants(pdf, doc);
  writeAgenda(pdf, doc);
  footers(
    pdf,
    `Verslag voor ${recipient}. Vertrouwelijk: niet verder verspreiden.`,
    `${doc.meeting.reference} · gegenereerd op ${dutchDateTimeText(doc.generatedAt)}`,
  );
  pdf.end();
  return bytes;
}

function writeHeader(pdf: Doc, doc: MinutesDocument, documentTitle: string, recipient: string): void {
  const m = doc.meeting;
  title(pdf, documentTitle);
  const entries: [string, string | null][] = [
    ["Kenmerk", m.reference],
    ["Datum en tijd", meetingTimeText(m.startsAt, m.endsAt)],
    ["Plaats", m.location],
    ["Organisator", m.organisationName],
    ["Regio", m.regionName],
    ["Voorzitter", m.chairName],
    ["Notulist", m.secretaryName],
    ["Verslag voor", recipient],
  ];
  facts(pdf, entries.filter((entry): entry is [string, string] => Boolean(entry[1])));
  const status = statusNotices[m.status];
  if (status) {
    pdf.moveDown(0.6);
    banner(pdf, status);
  }
}

function writeParticipants(pdf: Doc, doc: MinutesDocument): void {
  heading(pdf, "Deelnemers", 1);
  if (doc.meeting.participants.length === 0) return paragraph(pdf, "Er zijn geen deelnemers vastgelegd.", { muted: true });
  bullets(
    pdf,
    doc.meeting.participants.map((p) =>
      p.delegates.length > 0 ? { lead: `${p.organisationName}: `, text: p.delegates.join(", ") } : { lead: `${p.organisationName} `, text: "(uitgenodigd, niet aanwezig)" },
    ),
  );
}

function writeAgenda(pdf: Doc, doc: MinutesDocument): void {
  heading(pdf, "Agenda", 1, 80);
  if (doc.items.length === 0) return paragraph(pdf, "Er stonden geen punten op de agenda.", { muted: true });
  for (const item of doc.items) writeItem(pdf, item);
}

function writeItem(pdf: Doc, item: MinutesDocumentItem): void {
  const subject = item.subjectType === "signal" ? "Signaal" : "Dossier";
  const details = [item.municipalityName, `ingebracht door ${item.proposerOrganisationName}`];
  itemHeading(pdf, `${item.position}. ${subject} ${item.subjectReference}`, details.filter(Boolean).join(" · "), 40);

  if (item.visibility === "heading") {
    notice(pdf, redactionNotices.heading);
    if (item.actions.length > 0) writeActions(pdf, item.actions, "Acties van uw organisatie");
    else paragraph(pdf, "Voor uw organisatie zijn bij dit punt geen acties afgesproken.", { muted: true, size: 9.5 });
    return;
  }
  if (item.visibility === "decisions") notice(pdf, redactionNotices.decisions);
  if (item.question) {
    heading(pdf, "Vraag", 3);
    paragraph(pdf, item.question);
  }
  for (const section of item.sharedContent ?? []) {
    if (section.lines.length === 0) continue;
    heading(pdf, section.label, 3);
    if (section.lines.length === 1) paragraph(pdf, section.lines[0] ?? "");
    else bullets(pdf, section.lines.map((text) => ({ text })));
  }
  if (item.notes?.trim()) {
    heading(pdf, "Aantekeningen", 3);
    paragraph(pdf, item.notes);
  }
  heading(pdf, "Besluiten", 3);
  const decisions = item.decisions ?? [];
  if (decisions.length === 0) paragraph(pdf, "Er zijn geen besluiten vastgelegd.", { muted: true, size: 9.5 });
  else bullets(pdf, decisions.map((d) => ({ lead: `${capitalise(decisionKindLabels[d.kind])}: `, text: d.description })));
  if (item.actions.length > 0) writeActions(pdf, item.actions, "Acties");
  else {
    heading(pdf, "Acties", 3);
    paragraph(pdf, "Er zijn geen acties afgesproken.", { muted: true, size: 9.5 });
  }
}

function writeActions(pdf: Doc, actions: MinutesAction[], caption: string): void {
  const rows: Cell[][] = actions.map((a) => [
    { text: a.description, note: a.result ? `Resultaat: ${a.result}` : null },
    { text: a.ownerOrganisationName, note: a.ownerName },
    { text: dutchDateText(a.deadline) },
    { text: actionStatusLabels[a.status] },
  ]);
  const columns = [
    { header: "Actie", share: 42 },
    { header: "Eigenaar", share: 26 },
    { header: "Termijn", share: 19 },
    { header: "Status", share: 13 },
  ];
  table(pdf, caption, columns, rows);
}
