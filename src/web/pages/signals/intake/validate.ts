import type { TFunction } from "i18next";
import { ApiProblem, problemMessage } from "../../../api/client.ts";
import type { SummaryError } from "../../../components/ErrorSummary.tsx";
import {
  isValidAddition,
  isValidCountryCode,
  isValidDate,
  isValidHouseLetter,
  isValidHouseNumber,
  isValidKvk,
  isValidPhone,
  isValidPostcode,
  OTHER_NATIONALITY,
  today,
  type IntakeDraft,
  type PersonRole,
} from "./draft.ts";

/**
 * Errors of the intake form in the order of the form. Field keys are the field names used for the ids
 * (field-<key>): "description", "location-postcode", "victims-0-birthDate"…
 */
export type IntakeError = SummaryError;

const personLabel = (t: TFunction, role: PersonRole, index: number) =>
  t(`signalsIntake.persons.${role}.legend`, { number: index + 1 });

/** The client-side rules, mirroring the server's schema, with Dutch (or English) messages. */
export function validateDraft(t: TFunction, d: IntakeDraft): IntakeError[] {
  const errors: IntakeError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  if (!d.municipalityId) add("municipalityId", t("signalsIntake.errors.municipality"));
  if (d.description.trim() === "") add("description", t("signalsIntake.errors.description"));
  if (d.observedOn && (!isValidDate(d.observedOn) || d.observedOn > today())) add("observedOn", t("signalsIntake.errors.observedOn"));
  if (d.locationKind === "address") {
    if (!isValidPostcode(d.postcode)) add("location-postcode", t("signalsIntake.errors.postcode"));
    if (!isValidHouseNumber(d.houseNumber)) add("location-houseNumber", t("signalsIntake.errors.houseNumber"));
    if (d.houseLetter.trim() && !isValidHouseLetter(d.houseLetter)) add("location-houseLetter", t("signalsIntake.errors.houseLetter"));
    if (d.addition.trim() && !isValidAddition(d.addition)) add("location-addition", t("signalsIntake.errors.addition"));
  }
  if (d.locationKind === "business" && !isValidKvk(d.kvkNumber)) add("location-kvkNumber", t("signalsIntake.errors.kvkNumber"));
  if (d.locationKind === "other" && d.locationDescription.trim() === "") {
    add("location-description", t("signalsIntake.errors.locationDescription"));
  }
  for (const role of ["victims", "perpetrators"] as const) {
    d[role].forEach((p, index) => {
      const person = personLabel(t, role, index);
      const prefix = `${role}-${index}`;
      if (p.birthDate && (!isValidDate(p.birthDate) || p.birthDate > today())) add(`${prefix}-birthDate`, t("signalsIntake.errors.birthDate", { person }));
      if (p.nationality === OTHER_NATIONALITY && p.nationalityOther.trim() && !isValidCountryCode(p.nationalityOther)) {
        add(`${prefix}-nationalityOther`, t("signalsIntake.errors.nationality", { person }));
      }
      if (p.phone.trim() && !isValidPhone(p.phone)) add(`${prefix}-phone`, t("signalsIntake.errors.phone", { person }));
    });
  }
  return errors;
}

const topFields = new Set(["municipalityId", "description", "observedOn", "reporterTeam"]);
const locationFields: Record<string, string> = {
  postcode: "location-postcode",
  houseNumber: "location-houseNumber",
  houseLetter: "location-houseLetter",
  addition: "location-addition",
  kvkNumber: "location-kvkNumber",
  name: "location-businessName",
  description: "location-description",
};
const personFields = new Set(["name", "birthDate", "gender", "nationality", "phone", "description"]);

/** The label a server reason gets in the summary ("Postcode: geen geldige…"). */
function labelFor(t: TFunction, field: string): string {
  const person = /^(victims|perpetrators)-(\d+)-(\w+)$/.exec(field);
  if (person) {
    const [, role, index, name] = person as unknown as [string, PersonRole, string, string];
    const fieldLabel = name === "nationalityOther" ? t("signalsIntake.persons.nationality") : t(`signalsIntake.persons.${name as "name"}`);
    return `${personLabel(t, role, Number(index))}, ${fieldLabel.toLowerCase()}`;
  }
  switch (field) {
    case "municipalityId":
      return t("signalsIntake.municipality.label");
    case "description":
      return t("signalsIntake.description.label");
    case "observedOn":
      return t("signalsIntake.observedOn.label");
    case "reporterTeam":
      return t("signalsIntake.reporter.team");
    case "location-kind":
      return t("signalsIntake.location.legend");
    case "location-description":
      return t("signalsIntake.location.description");
    default:
      return t(`signalsIntake.location.${field.replace("location-", "") as "postcode"}`);
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A problem from POST /signals as errors on the fields. invalidParams names follow the body
 * ("location.postcode", "victims.0.birthDate"); person indexes refer to the persons sent, which
 * `victimIndexes`/`perpetratorIndexes` map back to the groups on screen.
 */
export function problemErrors(
  t: TFunction,
  error: unknown,
  draft: IntakeDraft,
  indexes: Record<PersonRole, number[]>,
): { fields: Partial<Record<string, string>>; summary: IntakeError[] } {
  const fields: Partial<Record<string, string>> = {};
  const summary: IntakeError[] = [];
  const general: string[] = [];
  const params = error instanceof ApiProblem ? error.invalidParams : [];
  for (const param of params) {
    const [head = "", second = "", third = ""] = param.name.split(/[.[\]]+/).filter(Boolean);
    let field: string | null = null;
    if (topFields.has(head)) field = head;
    else if (head === "location") field = locationFields[second] ?? "location-kind";
    else if (head === "victims" || head === "perpetrators") {
      const index = indexes[head][Number(second)];
      if (index !== undefined && personFields.has(third)) {
        const other = third === "nationality" && draft[head][index]?.nationality === OTHER_NATIONALITY;
        field = `${head}-${index}-${other ? "nationalityOther" : third}`;
      }
    }
    if (field && !fields[field]) {
      fields[field] = capitalise(param.reason);
      summary.push({ field, message: t("signalsIntake.errors.fieldReason", { field: labelFor(t, field), reason: param.reason }) });
    } else if (!field) general.push(param.reason);
  }
  if (summary.length === 0 || general.length > 0) {
    const kept = error instanceof ApiProblem && error.status === 400 ? "" : ` ${t("signalsIntake.errors.kept")}`;
    summary.unshift({ message: `${[problemMessage(error), ...general].join(" ")}${kept}` });
  }
  return { fields, summary };
}
