import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { itemVisibility, type MinutesAction, type MinutesItem, type MinutesMeeting, minutesFor } from "./minutes-model.ts";
import { redactionNotices, renderMinutesPdf } from "./minutes-pdf.ts";
import { dutchDateText, meetingTimeText, pdfSafe } from "./minutes-pdf-text.ts";

const org = {
  gemeente: { id: "org-gemeente", name: "Gemeente Enschede" },
  politie: { id: "org-politie", name: "Politie Oost-Nederland" },
  inspectie: { id: "org-inspectie", name: "Nederlandse Arbeidsinspectie" },
  zorg: { id: "org-zorg", name: "Zorgcoördinatie Mensenhandel Twente" },
  belasting: { id: "org-belasting", name: "Belastingdienst" },
  kmar: { id: "org-kmar", name: "Koninklijke Marechaussee" },
} as const;
type Org = (typeof org)[keyof typeof org];

function buildAction(owner: Org, overrides: Partial<MinutesAction> = {}): MinutesAction {
  return {
    description: "Actie uitvoeren", ownerOrganisationId: owner.id, ownerOrganisationName: owner.name, ownerName: null,
    deadline: "2026-12-18", status: "open", result: null, ...overrides,
  };
}

function buildItem(position: number, proposer: Org, overrides: Partial<MinutesItem> = {}): MinutesItem {
  return {
    position, subjectType: "signal", subjectReference: `SIG-2026-00${position}0`, municipalityName: "Gemeente Enschede",
    proposerOrganisationId: proposer.id, proposerOrganisationName: proposer.name, question: "Wat doen we?",
    sharedContent: [], notes: null, decisions: [], actions: [], ...overrides,
  };
}

/** A closed case conference of the municipality with three items; the Marechaussee was invited but did not come. */
function buildMeeting(overrides: Partial<MinutesMeeting> = {}): MinutesMeeting {
  return {
    reference: "CO-2026-012", kind: "case_conference", title: "Casusoverleg Twente, december",
    organisationId: org.gemeente.id, organisationName: org.gemeente.name, regionName: "Twente",
    startsAt: "2026-12-03T13:00:00.000Z", endsAt: "2026-12-03T15:00:00.000Z", location: "Stadhuis Enschede, kamer 2.14",
    chairName: "Marieke Bakker", secretaryName: "Sanne de Wit", status: "closed",
    participants: [
      { organisationId: org.gemeente.id, organisationName: org.gemeente.name, delegates: ["Marieke Bakker", "Sanne de Wit"] },
      { organisationId: org.politie.id, organisationName: org.politie.name, delegates: ["Rob Jansen"] },
      { organisationId: org.inspectie.id, organisationName: org.inspectie.name, delegates: ["Petra Visser"] },
      { organisationId: org.zorg.id, organisationName: org.zorg.name, delegates: ["Eline Hoekstra"] },
      { organisationId: org.belasting.id, organisationName: org.belasting.name, delegates: ["Kemal Öztürk"] },
      { organisationId: org.kmar.id, organisationName: org.kmar.name, delegates: [] },
    ],
    items: [
      buildItem(1, org.politie, {
        subjectReference: "SIG-2026-0042",
        question: "Is er genoeg grond voor een gezamenlijke controle, en wie zorgt voor opvang van de vrouwen als die nodig is?",
        sharedContent: [
          { part: "description", label: "Omschrijving", lines: [
            "Buurtbewoners melden dat 's nachts busjes met vrouwen af en aan rijden bij een massagesalon met afgeplakte ramen. Eén van de vrouwen vroeg een buurvrouw om hulp ‘omdat ze haar paspoort niet terugkreeg’.",
            "Waargenomen op 14-11-2026",
          ] },
          { part: "location", label: "Locatie", lines: ["Hengelosestraat 412, 7521 AM Enschede"] },
          { part: "victims", label: "Vermoedelijke slachtoffers", lines: ["Daria Melnyk (geboren 02-05-1992), vrouw, nationaliteit Oekraïens", "Naam onbekend, vrouw, spreekt vermoedelijk Roemeens"] },
          { part: "perpetrators", label: "Vermoedelijke daders", lines: ["Łukasz Wójcik, man, nationaliteit Pools, exploitant"] },
        ],
        notes:
          "De politie kent het adres uit twee eerdere meldingen (2025). De exploitant vraagt volgens de melder € 2.500 per maand “voor kost en inwoning” van elke vrouw.\n\n" +
          "De Arbeidsinspectie ziet aanwijzingen voor arbeidsuitbuiting naast seksuele uitbuiting. Afgesproken is eerst gezamenlijk te controleren en pas daarna met de vrouwen te spreken, met een tolk en met zorgcoördinatie in de buurt.",
        decisions: [
          { kind: "inspection", description: "Gezamenlijke controle van het pand door gemeente, politie en Arbeidsinspectie in week 51.", recordedAt: "2026-12-03T13:40:00.000Z" },
          { kind: "criminal_investigation", description: "De politie onderzoekt of de exploitant de vrouwen uitbuit; de officier van justitie wordt ingelicht.", recordedAt: "2026-12-03T13:45:00.000Z" },
        ],
        actions: [
          buildAction(org.inspectie, { description: "Gezamenlijke controle voorbereiden en uitvoeren", ownerName: "Petra Visser", deadline: "2026-12-18" }),
          buildAction(org.gemeente, { description: "Bibob-toets op de exploitatievergunning starten", ownerName: "Sanne de Wit", deadline: "2026-12-11", status: "done", result: "Toets gestart; advies van het Landelijk Bureau Bibob gevraagd." }),
          buildAction(org.belasting, { description: "Fiscale gegevens van de exploitant opvragen", ownerName: "Kemal Öztürk", status: "cancelled", result: "Valt onder het strafrechtelijk onderzoek." }),
        ],
      }),
      buildItem(2, org.zorg, {
        subjectType: "victim_file", subjectReference: "VF-2026-0007", municipalityName: "Gemeente Hengelo",
        question: "Hoe bereiden we de overgang voor van de COSM-opvang naar zelfstandige woonruimte?",
        sharedContent: [
          { part: "person", label: "Persoon", lines: ["Ioana Popescu, geboren 17-03-2005, vrouw, nationaliteit Roemeens", "Talen: Roemeens, Engels"] },
          { part: "shelter", label: "Opvang", lines: ["Verblijft sinds 12-11-2026 in Opvang De Kapstok (COSM-plaats)"] },
        ],
        notes: "Cliënte wil in Twente blijven; school (inburgering) loopt goed.",
        decisions: [{ kind: "care", description: "Zorgcoördinatie blijft regiehouder; de gemeente zoekt passende woonruimte.", recordedAt: "2026-12-03T14:20:00.000Z" }],
        actions: [
          buildAction(org.zorg, { description: "Aanvraag verblijfsvergunning (B8) begeleiden", ownerName: "Eline Hoekstra", deadline: "2027-01-15" }),
          buildAction(org.gemeente, { description: "Woonruimte met voorrang zoeken", deadline: "2027-02-01" }),
        ],
      }),
      buildItem(3, org.gemeente, {
        subjectReference: "SIG-2026-0118", municipalityName: "Gemeente Almelo",
        question: "Is dit een zaak voor de politie of eerst voor een controle?",
        sharedContent: [
          { part: "description", label: "Omschrijving", lines: ["Een uitzendbureau huisvest veertien arbeidsmigranten in één woning en houdt loon in voor ‘huur en vervoer’."] },
          { part: "perpetrators", label: "Vermoedelijke daders", lines: ["Viktor Petrov, man, nationaliteit Bulgaars"] },
        ],
        decisions: [{ kind: "criminal_investigation", description: "Opsporingsonderzoek naar het uitzendbureau.", recordedAt: "2026-12-03T14:50:00.000Z" }],
        actions: [buildAction(org.politie, { description: "Proces-verbaal opmaken en aan het OM voorleggen", ownerName: "Rob Jansen", deadline: "2027-01-08" })],
      }),
    ],
    ...overrides,
  };
}

const generatedAt = new Date("2026-12-04T08:30:00.000Z");

describe("who reads what of the minutes", () => {
  const meeting = buildMeeting();
  const [item1, item2, item3] = meeting.items as [MinutesItem, MinutesItem, MinutesItem];

  it("the organiser and the proposer read an item in full", () => {
    for (const item of meeting.items) assert.equal(itemVisibility(meeting, item, org.gemeente.id), "full");
    assert.equal(itemVisibility(meeting, item2, org.zorg.id), "full");
    // Even a proposer that sent nobody.
    const absentProposer = buildMeeting({ participants: meeting.participants.filter((p) => p.organisationId !== org.zorg.id) });
    assert.equal(itemVisibility(absentProposer, item2, org.zorg.id), "full");
  });

  it("an organisation with an open or done action reads the item in full; a cancelled action does not count", () => {
    assert.equal(itemVisibility(meeting, item1, org.inspectie.id), "full");
    assert.equal(itemVisibility(meeting, item3, org.politie.id), "full");
    assert.equal(itemVisibility(meeting, item1, org.belasting.id), "decisions");
  });

  it("another organisation that took part reads decisions; one that sent nobody reads the heading", () => {
    assert.equal(itemVisibility(meeting, item2, org.inspectie.id), "decisions");
    assert.equal(itemVisibility(meeting, item2, org.belasting.id), "decisions");
    for (const item of meeting.items) assert.equal(itemVisibility(meeting, item, org.kmar.id), "heading");
    assert.equal(itemVisibility(meeting, item1, "org-not-invited"), "heading");
  });

  it("withheld parts are null, and a heading reader keeps only its own actions", () => {
    const decisions = minutesFor(meeting, org.belasting.id, generatedAt).items[0]!;
    assert.deepEqual([decisions.question, decisions.sharedContent, decisions.notes], [null, null, null]);
    assert.equal(decisions.decisions?.length, 2);
    assert.equal(decisions.actions.length, 3);

    const own = buildMeeting({ participants: meeting.participants.filter((p) => p.organisationId !== org.belasting.id) });
    const heading = minutesFor(own, org.belasting.id, generatedAt).items[0]!;
    assert.equal(heading.visibility, "heading");
    assert.equal(heading.decisions, null);
    assert.deepEqual(heading.actions.map((a) => a.description), ["Fiscale gegevens van de exploitant opvragen"]);

    const full = minutesFor(meeting, org.gemeente.id, generatedAt);
    assert.equal(full.recipientOrganisationName, "Gemeente Enschede");
    assert.equal(full.generatedAt, "2026-12-04T08:30:00.000Z");
    assert.equal("organisationId" in full.meeting, false);
  });
});

describe("text for the standard PDF font", () => {
  it("keeps Dutch characters, euro sign, quotes and dashes", () => {
    const text = "Zorgcoördinatie, reëel, één, € 2.500, “zo” en ‘zo’ — 14:00–16:00…";
    assert.equal(pdfSafe(text), text);
  });

  it("spells what Helvetica cannot show with the nearest letters, or a question mark", () => {
    assert.equal(pdfSafe("Łukasz Wójcik"), "Lukasz Wójcik");
    assert.equal(pdfSafe("Дарія Мельник"), "Dariia Melnik");
    assert.equal(pdfSafe("Ștefan Țurcanu, ĳs, ﬁets"), "Stefan Turcanu, ijs, fiets");
    assert.equal(pdfSafe("ok 👍 → klaar\u0007"), "ok ? -> klaar");
  });

  it("writes dates and times in Dutch, Amsterdam time", () => {
    assert.equal(meetingTimeText("2026-12-03T13:00:00Z", "2026-12-03T15:00:00Z"), "donderdag 3 december 2026, 14:00–16:00");
    assert.equal(meetingTimeText("2026-07-01T07:30:00Z", "2026-07-01T09:00:00Z"), "woensdag 1 juli 2026, 09:30–11:00");
    assert.equal(meetingTimeText("2026-12-03T21:00:00Z", "2026-12-03T23:30:00Z"), "donderdag 3 december 2026, 22:00 tot vrijdag 4 december 2026, 00:30");
    assert.equal(dutchDateText("2027-01-15"), "15 januari 2027");
    assert.equal(dutchDateText("2026-03-31T22:30:00Z"), "1 april 2026");
  });
});

const poppler = !spawnSync("pdftotext", ["-v"]).error;

describe("the minutes PDF", { skip: poppler ? false : "pdftotext not found: install poppler-utils to test the minutes PDF" }, () => {
  const meeting = buildMeeting();
  const recipients = { organiser: org.gemeente, actionOwner: org.inspectie, participant: org.belasting, invited: org.kmar };
  type Recipient = keyof typeof recipients;
  const pdfs = {} as Record<Recipient, Buffer>;
  const texts = {} as Record<Recipient, string>;
  const pages = {} as Record<Recipient, string[]>;
  let dir = "";

  /** The text in drawing order (-raw keeps table cells together), per page, whitespace collapsed. */
  function extract(pdf: Buffer, name: string): string[] {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    const out = spawnSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    assert.equal(out.status, 0, out.stderr);
    return out.stdout.split("\f").filter((page) => page.trim() !== "").map((page) => page.replace(/\s+/g, " ").trim());
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "kz-minutes-"));
    for (const [name, recipient] of Object.entries(recipients) as [Recipient, Org][]) {
      pdfs[name] = await renderMinutesPdf(minutesFor(meeting, recipient.id, generatedAt));
      pages[name] = extract(pdfs[name], name);
      texts[name] = pages[name].join(" ");
    }
    // MINUTES_PDF_SHOTS=/tmp/kz-shots npm test -- minutes-pdf writes the PDFs and first pages as PNG to look at.
    const shots = process.env.MINUTES_PDF_SHOTS;
    if (shots) {
      mkdirSync(shots, { recursive: true });
      for (const name of Object.keys(recipients) as Recipient[]) {
        writeFileSync(join(shots, `minutes-${name}.pdf`), pdfs[name]);
        spawnSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", join(shots, `minutes-${name}.pdf`), join(shots, `minutes-${name}`)]);
      }
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const all = (): Recipient[] => ["organiser", "actionOwner", "participant", "invited"];
  const count = (text: string, part: string) => text.split(part).length - 1;

  it("every copy opens with the title, the meeting's details and the participants", () => {
    for (const name of all()) {
      const text = texts[name];
      assert.match(text, /^Verslag casusoverleg mensenhandel — Casusoverleg Twente, december/);
      for (const part of [
        "Kenmerk CO-2026-012", "donderdag 3 december 2026, 14:00–16:00", "Stadhuis Enschede, kamer 2.14", "Organisator Gemeente Enschede",
        "Regio Twente", "Voorzitter Marieke Bakker", "Notulist Sanne de Wit", "Deelnemers",
        "Gemeente Enschede: Marieke Bakker, Sanne de Wit", "Belastingdienst: Kemal Öztürk", "Koninklijke Marechaussee (uitgenodigd, niet aanwezig)",
        "1. Signaal SIG-2026-0042", "Gemeente Enschede · ingebracht door Politie Oost-Nederland",
        "2. Dossier VF-2026-0007", "Gemeente Hengelo · ingebracht door Zorgcoördinatie Mensenhandel Twente", "3. Signaal SIG-2026-0118",
      ]) assert.ok(text.includes(part), `${name}: missing "${part}"`);
      assert.ok(!text.includes("Concept"), `${name}: a closed meeting is no draft`);
    }
    assert.ok(texts.participant.includes(`Verslag voor ${org.belasting.name}`));
  });

  it("every page has its footer: recipient, confidentiality, generation date and 'Pagina X van Y'", () => {
    for (const name of all()) {
      const total = pages[name].length;
      pages[name].forEach((page, i) => {
        assert.ok(page.includes(`Pagina ${i + 1} van ${total}`), `${name}: page ${i + 1} has no page number`);
        const recipient = recipients[name].name;
        assert.ok(page.includes(`Verslag voor ${recipient}. Vertrouwelijk: niet verder verspreiden.`), `${name}: page ${i + 1} has no footer`);
        assert.ok(page.includes("CO-2026-012 · gegenereerd op 4 december 2026, 09:30"), `${name}: page ${i + 1} has no generation date`);
      });
    }
    assert.ok(pages.organiser.length >= 2, "the organiser's copy runs over more than one page");
  });

  it("the organiser reads everything, including what was shared and notes, with decisions and actions", () => {
    const text = texts.organiser;
    for (const part of [
      "Vraag Is er genoeg grond voor een gezamenlijke controle", "Daria Melnyk", "Hengelosestraat 412, 7521 AM Enschede", "Ioana Popescu", "Viktor Petrov",
      "Lukasz Wójcik", "‘omdat ze haar paspoort niet terugkreeg’", "€ 2.500 per maand “voor kost en inwoning”", "Cliënte wil in Twente blijven",
      "Controle: Gezamenlijke controle van het pand", "Strafrechtelijk onderzoek: De politie onderzoekt", "Zorg: Zorgcoördinatie blijft regiehouder",
      "Actie Eigenaar Termijn Status", "Gezamenlijke controle voorbereiden en uitvoeren", "Nederlandse Arbeidsinspectie", "Petra Visser", "18 december 2026", "open",
      "Bibob-toets op de exploitatievergunning starten", "afgerond", "Resultaat: Toets gestart; advies van het Landelijk Bureau Bibob gevraagd.",
      "vervallen", "15 januari 2027", "Proces-verbaal opmaken en aan het OM voorleggen",
    ]) assert.ok(text.includes(part), `organiser: missing "${part}"`);
    assert.ok(!text.includes("Afgeschermd"));
    assert.ok(!text.includes(redactionNotices.decisions));
  });

  it("personal details appear only in the copies of those who read the item in full", () => {
    for (const name of all()) {
      const text = texts[name];
      const item1 = name === "organiser" || name === "actionOwner";
      assert.equal(text.includes("Daria Melnyk"), item1, `${name}: victim's name`);
      assert.equal(text.includes("Hengelosestraat 412"), item1, `${name}: address`);
      assert.equal(text.includes("paspoort"), item1, `${name}: description`);
      assert.equal(text.includes("Ioana Popescu"), name === "organiser", `${name}: victim file`);
      assert.equal(text.includes("Viktor Petrov"), name === "organiser", `${name}: suspect`);
      assert.equal(text.includes("Is er genoeg grond voor een gezamenlijke controle"), item1, `${name}: question`);
      assert.equal(text.includes("Hoe bereiden we de overgang voor"), name === "organiser", `${name}: question of the victim file`);
    }
  });

  it("an organisation with an action reads that item in full and the others' decisions behind a notice", () => {
    const text = texts.actionOwner;
    assert.equal(count(text, redactionNotices.decisions), 2);
    assert.ok(!text.includes(redactionNotices.heading));
    for (const part of ["Zorg: Zorgcoördinatie blijft regiehouder", "Aanvraag verblijfsvergunning (B8) begeleiden", "Proces-verbaal opmaken en aan het OM voorleggen"]) {
      assert.ok(text.includes(part), `actionOwner: missing "${part}"`);
    }
    assert.ok(!text.includes("Cliënte wil in Twente blijven"));
  });

  it("a participant without actions reads decisions and actions of every item, nothing about the people", () => {
    const text = texts.participant;
    assert.equal(count(text, redactionNotices.decisions), 3);
    for (const part of [
      "Controle: Gezamenlijke controle van het pand", "Gezamenlijke controle voorbereiden en uitvoeren", "Fiscale gegevens van de exploitant opvragen",
      "Zorg: Zorgcoördinatie blijft regiehouder", "Strafrechtelijk onderzoek: Opsporingsonderzoek naar het uitzendbureau.",
    ]) assert.ok(text.includes(part), `participant: missing "${part}"`);
    for (const part of ["Omschrijving", "Aantekeningen", "Vermoedelijke", "€ 2.500"]) assert.ok(!text.includes(part), `participant: should not read "${part}"`);
  });

  it("an invited organisation that sent nobody reads the headings only", () => {
    const text = texts.invited;
    assert.equal(count(text, redactionNotices.heading), 3);
    assert.equal(count(text, "Voor uw organisatie zijn bij dit punt geen acties afgesproken."), 3);
    for (const part of ["Besluiten", "Gezamenlijke controle", "Opsporingsonderzoek", "Proces-verbaal", "regiehouder"]) {
      assert.ok(!text.includes(part), `invited: should not read "${part}"`);
    }
  });

  it("a heading never ends a page", () => {
    const headings = ["Deelnemers", "Agenda", "Vraag", "Omschrijving", "Locatie", "Aantekeningen", "Besluiten", "Acties", "Actie Eigenaar Termijn Status"];
    for (const name of all()) {
      for (const page of pages[name].slice(0, -1)) {
        const body = page.slice(0, page.lastIndexOf("Verslag voor ")).trim();
        for (const h of headings) assert.ok(!body.endsWith(` ${h}`), `${name}: a page ends with the heading "${h}"`);
      }
    }
  });

  it("marks a meeting that is not closed as a draft, and is the same for the same input", async () => {
    const draft = await renderMinutesPdf(minutesFor(buildMeeting({ status: "in_progress" }), org.gemeente.id, generatedAt));
    assert.ok(extract(draft, "draft").join(" ").includes("Concept: het overleg is nog niet gesloten"));
    const again = await renderMinutesPdf(minutesFor(meeting, org.gemeente.id, generatedAt));
    assert.ok(again.equals(pdfs.organiser), "rendering twice gives the same bytes");
  });
});
