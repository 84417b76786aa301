import type { Kernel } from "../http/kernel.ts";
import { actionLineBody, activityBody, activityUpdateBody, planBody, progressNoteBody } from "../modules/plan/implementation-plan.schema.ts";
import { addLineFor, createPlanFor } from "../modules/plan/implementation-plan.service.ts";
import { addActivityFor, addProgressFor, updateActivityFor } from "../modules/plan/plan-activities.service.ts";
import { actorFor } from "./demo-care.ts";

/**
 * A regional implementation plan for the demo, modelled on the Zuid-Limburg plan ("Naar een regio zonder
 * uitbuiting"): Arnhem, the central municipality, keeps three action lines — earlier and better in view,
 * stronger cooperation, shelter and care — with the four budget lines of the paper's table (care coordinator,
 * project leader, training, the campaign), covered by the decentralisation grant (DU VO), over three years
 * from last year on; some progress, and one activity in progress.
 */
export async function seedDemoPlan(kernel: Kernel): Promise<void> {
  const policy = await actorFor(kernel, "beleid@arnhem.demo");
  const orgs = new Map((await kernel.db.query<{ id: string; name: string }>("select id, name from organisations")).map((o) => [o.name, o.id]));
  const org = (name: string) => orgs.get(name)!;
  const first = kernel.now().getUTCFullYear() - 1;
  const years = [first, first + 1, first + 2];
  let plan = await createPlanFor(kernel, policy, planBody.parse({
    scope: "region", title: `Uitvoeringsplan mensenhandel Arnhem-Achterhoek ${first}–${first + 2}`, periodStart: first, periodEnd: first + 2,
    description: "Naar een regio zonder uitbuiting: mensenhandel voorkomen, slachtoffers eerder in beeld en daders frustreren, samen met de ketenpartners.",
  }), "demo");
  const lines = [
    { title: "Eerder en beter in beeld", goal: "Aandacht voor en bewustwording van mensenhandel, en een beter signalerend vermogen van de gemeenten." },
    { title: "Versterken van de samenwerking", goal: "De samenwerking met ketenpartners in de regio, waaronder handhaving, organiseren." },
    { title: "Opvang en hulpverlening", goal: "De opvang van en hulpverlening aan slachtoffers regelen." },
  ];
  for (const line of lines) plan = await addLineFor(kernel, policy, plan.id, actionLineBody.parse(line), "demo");
  const lineId = (n: number) => plan.actionLines.find((l) => l.number === n)!.id;
  const du = (amounts: number[]) => years.map((year, i) => ({ year, costs: amounts[i]!, cover: amounts[i]!, coverSource: "decentralisation_grant" as const, coverNote: "DU Vrouwenopvang" }));
  const activities: [number, Record<string, unknown>][] = [
    [1, {
      title: "Training aandachtsfunctionarissen, e-learning en training signaleringsvaardigheden",
      intendedResult: "Aandachtsfunctionarissen van alle gemeenten getraind; 90% van frontoffice, VTH en wijkteams heeft de e-learning gevolgd.",
      responsibleOrganisationId: org("Gemeente Arnhem"), partnerOrganisationIds: [org("Gemeente Zevenaar"), org("Gemeente Duiven")],
      startsOn: `${first}-Q1`, endsOn: `${first + 2}-Q4`, budget: du([25_000, 12_500, 12_500]),
    }],
    [1, {
      title: "Campagne 'Open je ogen voor mensenhandel'", intendedResult: "Inwoners en ondernemers herkennen signalen en weten waar zij die kwijt kunnen.",
      responsibleOrganisationId: org("Gemeente Arnhem"), partnerOrganisationIds: [org("Veilig Thuis Gelderland-Midden")],
      startsOn: `${first}-Q2`, endsOn: `${first}-Q4`, budget: du([4_000, 4_000, 4_000]),
    }],
    [2, {
      title: "Projectleider aanpak mensenhandel", intendedResult: "Eén regionaal aanspreekpunt dat de uitvoering van het plan aanjaagt en bewaakt.",
      responsibleOrganisationId: org("Gemeente Arnhem"), partnerOrganisationIds: [org("RIEC Oost-Nederland"), org("Zorg- en Veiligheidshuis Gelderland-Midden")],
      startsOn: `${first}-Q1`, endsOn: `${first + 2}-Q4`, budget: du([20_000, 20_000, 20_000]),
    }],
    [2, {
      title: "Gezamenlijke controles met politie (AVIM) en Arbeidsinspectie", intendedResult: "Afspraken over rol en samenspel bij controles op mensenhandel vastgelegd.",
      responsibleOrganisationId: org("Gemeente Zevenaar"), partnerOrganisationIds: [org("Politie Oost-Nederland (AVIM)"), org("Nederlandse Arbeidsinspectie")],
      startsOn: `${first + 1}-Q1`, endsOn: `${first + 1}-Q4`,
    }],
    [3, {
      title: "Zorgcoördinator mensenhandel", intendedResult: "Elk slachtoffer in de regio heeft binnen twee werkdagen een zorgcoördinator.",
      responsibleOrganisationId: org("Zorgcoördinatie Mensenhandel Gelderland"), partnerOrganisationIds: [org("Opvang De Linde (COSM)")],
      startsOn: `${first}-Q1`, endsOn: `${first + 2}-Q4`, budget: du([45_000, 45_000, 45_000]),
    }],
  ];
  for (const [n, body] of activities) plan = await addActivityFor(kernel, policy, lineId(n), activityBody.parse(body), "demo");
  const activity = (title: string) => plan.actionLines.flatMap((l) => l.activities).find((a) => a.title.startsWith(title))!.id;
  plan = await updateActivityFor(kernel, policy, activity("Training"), activityUpdateBody.parse({ status: "in_progress" }), "demo");
  await addProgressFor(kernel, policy, activity("Training"), progressNoteBody.parse({ note: "E-learning CCV uitgezet bij frontoffice en wijkteams; 64% heeft haar afgerond." }), "demo");
  await updateActivityFor(kernel, policy, activity("Campagne"), activityUpdateBody.parse({ status: "done" }), "demo");
  await addProgressFor(kernel, policy, activity("Zorgcoördinator"), progressNoteBody.parse({ note: "Vacature zorgcoördinator is uitgezet bij de Zorgcoördinatie Gelderland." }), "demo");
}
