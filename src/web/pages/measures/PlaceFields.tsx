import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { RadioGroup, TextField } from "../../components/fields.tsx";
import type { FieldErrors } from "../../components/useFormErrors.ts";

/**
 * An address (postcode and house number, as the signal intake takes it) or a business (KvK number): the
 * place a measure is taken against, and the place whose history is searched. Field ids carry a prefix, so
 * two forms on one page keep their own ("measurePostcode", "historyPostcode").
 */
export interface PlaceDraft {
  kind: "address" | "business";
  postcode: string;
  houseNumber: string;
  houseLetter: string;
  addition: string;
  street: string;
  city: string;
  kvkNumber: string;
  name: string;
}

export const emptyPlace: PlaceDraft = { kind: "address", postcode: "", houseNumber: "", houseLetter: "", addition: "", street: "", city: "", kvkNumber: "", name: "" };

const PLACE_PARTS = ["Place", "Postcode", "HouseNumber", "HouseLetter", "Addition", "Street", "City", "KvkNumber", "Name"] as const;

/** The form's field ids for a prefix, in the order of the form (for the error summary). */
export const placeFields = (prefix: string) => PLACE_PARTS.map((part) => `${prefix}${part}`);

/** The API's names (location.postcode, or postcode in a query) mapped onto the form's ids. */
export function placeRename(prefix: string): Record<string, string> {
  const api = { kind: "Place", postcode: "Postcode", houseNumber: "HouseNumber", houseLetter: "HouseLetter", addition: "Addition", street: "Street", city: "City", kvkNumber: "KvkNumber", name: "Name" };
  return Object.fromEntries(Object.entries(api).flatMap(([key, part]) => [[`location.${key}`, `${prefix}${part}`], [key, `${prefix}${part}`]]));
}

const POSTCODE = /^[1-9][0-9]{3}\s?[A-Za-z]{2}$/;

/** The checks the server makes too, so the common mistakes are said before sending. */
export function checkPlace(t: TFunction, prefix: string, place: PlaceDraft): FieldErrors {
  if (place.kind === "business") {
    const kvk = place.kvkNumber.trim();
    return { [`${prefix}KvkNumber`]: !kvk ? t("errors.required", { field: t("measures.form.kvkNumber") }) : /^\d{8}$/.test(kvk) ? undefined : t("measures.form.kvkInvalid") };
  }
  const postcode = place.postcode.trim();
  const number = place.houseNumber.trim();
  return {
    [`${prefix}Postcode`]: !postcode ? t("errors.required", { field: t("measures.form.postcode").toLowerCase() }) : POSTCODE.test(postcode) ? undefined : t("measures.form.postcodeInvalid"),
    [`${prefix}HouseNumber`]: /^[1-9]\d{0,4}$/.test(number) ? undefined : t("measures.form.houseNumberInvalid"),
    [`${prefix}HouseLetter`]: !place.houseLetter.trim() || /^[A-Za-z]$/.test(place.houseLetter.trim()) ? undefined : t("measures.form.houseLetterInvalid"),
    [`${prefix}Addition`]: !place.addition.trim() || /^[A-Za-z0-9]{1,4}$/.test(place.addition.trim()) ? undefined : t("measures.form.additionInvalid"),
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** The location as the API takes it; empty optional parts are left out. */
export function placeBody(place: PlaceDraft): Record<string, unknown> {
  if (place.kind === "business") return { kind: "business", kvkNumber: place.kvkNumber.trim(), name: optional(place.name) };
  return {
    kind: "address",
    postcode: place.postcode.replace(/\s+/g, "").toUpperCase(),
    houseNumber: Number(place.houseNumber.trim()),
    houseLetter: optional(place.houseLetter)?.toUpperCase(),
    addition: optional(place.addition),
    street: optional(place.street),
    city: optional(place.city),
  };
}

export function PlaceFields(props: {
  prefix: string;
  place: PlaceDraft;
  onChange: (patch: Partial<PlaceDraft>) => void;
  errors: Partial<Record<string, string>>;
  /** Street, city and the business's name: for the register, not needed to search. */
  details?: boolean;
  legend: string;
}) {
  const { t } = useTranslation();
  const { prefix, place, onChange, errors, details = false } = props;
  const id = (part: (typeof PLACE_PARTS)[number]) => `${prefix}${part}`;
  return (
    <>
      <RadioGroup
        name={id("Place")}
        legend={props.legend}
        value={place.kind}
        onChange={(kind) => onChange({ kind })}
        options={[
          { value: "address", label: t("measures.form.address") },
          { value: "business", label: t("measures.form.business") },
        ]}
        error={errors[id("Place")]}
      />
      {place.kind === "address" ? (
        <div className="kz-address kz-measures-address">
          <TextField
            name={id("Postcode")}
            label={t("measures.form.postcode")}
            description={t("measures.form.postcodeDescription")}
            value={place.postcode}
            onChange={(postcode) => onChange({ postcode })}
            error={errors[id("Postcode")]}
            autoComplete="off"
            spellCheck={false}
            maxLength={7}
            size="small"
          />
          <TextField
            name={id("HouseNumber")}
            label={t("measures.form.houseNumber")}
            value={place.houseNumber}
            onChange={(houseNumber) => onChange({ houseNumber })}
            error={errors[id("HouseNumber")]}
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            size="small"
          />
          <TextField
            name={id("HouseLetter")}
            label={t("measures.form.houseLetter")}
            value={place.houseLetter}
            onChange={(houseLetter) => onChange({ houseLetter })}
            error={errors[id("HouseLetter")]}
            optional
            autoComplete="off"
            maxLength={1}
            size="small"
          />
          <TextField
            name={id("Addition")}
            label={t("measures.form.addition")}
            value={place.addition}
            onChange={(addition) => onChange({ addition })}
            error={errors[id("Addition")]}
            optional
            autoComplete="off"
            maxLength={4}
            size="small"
          />
          {details ? (
            <>
              <TextField name={id("Street")} label={t("measures.form.street")} value={place.street} onChange={(street) => onChange({ street })} error={errors[id("Street")]} optional autoComplete="off" maxLength={200} />
              <TextField name={id("City")} label={t("measures.form.city")} value={place.city} onChange={(city) => onChange({ city })} error={errors[id("City")]} optional autoComplete="off" maxLength={100} />
            </>
          ) : null}
        </div>
      ) : (
        <>
          <TextField
            name={id("KvkNumber")}
            label={t("measures.form.kvkNumber")}
            description={t("measures.form.kvkDescription")}
            value={place.kvkNumber}
            onChange={(kvkNumber) => onChange({ kvkNumber })}
            error={errors[id("KvkNumber")]}
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            size="medium"
          />
          {details ? (
            <TextField name={id("Name")} label={t("measures.form.businessName")} value={place.name} onChange={(name) => onChange({ name })} error={errors[id("Name")]} optional autoComplete="off" maxLength={200} />
          ) : null}
        </>
      )}
    </>
  );
}
