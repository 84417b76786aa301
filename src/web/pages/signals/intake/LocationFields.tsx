import { useTranslation } from "react-i18next";
import { RadioGroup, TextField } from "../../../components/fields.tsx";
import { type IntakeDraft, locationKinds } from "./draft.ts";

type LocationDraft = Pick<
  IntakeDraft,
  "locationKind" | "postcode" | "houseNumber" | "houseLetter" | "addition" | "kvkNumber" | "businessName" | "locationDescription"
>;

interface LocationFieldsProps {
  draft: LocationDraft;
  onChange: (patch: Partial<LocationDraft>) => void;
  errors: Partial<Record<string, string>>;
}

/** Where it happened: an address (postcode + number), a business (KvK number), a description, or nothing. */
export function LocationFields({ draft, onChange, errors }: LocationFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <RadioGroup
        name="location-kind"
        legend={t("signalsIntake.location.legend")}
        options={locationKinds.map((kind) => ({ value: kind, label: t(`signalsIntake.location.kinds.${kind}`) }))}
        value={draft.locationKind}
        onChange={(locationKind) => onChange({ locationKind })}
        error={errors["location-kind"]}
      />
      {draft.locationKind === "address" ? (
        <div className="kz-address">
          <TextField
            name="location-postcode"
            label={t("signalsIntake.location.postcode")}
            description={t("signalsIntake.location.postcodeDescription")}
            value={draft.postcode}
            onChange={(postcode) => onChange({ postcode })}
            error={errors["location-postcode"]}
            autoComplete="postal-code"
            maxLength={7}
            spellCheck={false}
            size="small"
          />
          <TextField
            name="location-houseNumber"
            label={t("signalsIntake.location.houseNumber")}
            value={draft.houseNumber}
            onChange={(houseNumber) => onChange({ houseNumber })}
            error={errors["location-houseNumber"]}
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            size="small"
          />
          <TextField
            name="location-houseLetter"
            label={t("signalsIntake.location.houseLetter")}
            value={draft.houseLetter}
            onChange={(houseLetter) => onChange({ houseLetter })}
            error={errors["location-houseLetter"]}
            optional
            autoComplete="off"
            maxLength={1}
            size="small"
          />
          <TextField
            name="location-addition"
            label={t("signalsIntake.location.addition")}
            value={draft.addition}
            onChange={(addition) => onChange({ addition })}
            error={errors["location-addition"]}
            optional
            autoComplete="off"
            maxLength={4}
            size="small"
          />
        </div>
      ) : null}
      {draft.locationKind === "business" ? (
        <>
          <TextField
            name="location-kvkNumber"
            label={t("signalsIntake.location.kvkNumber")}
            description={t("signalsIntake.location.kvkDescription")}
            value={draft.kvkNumber}
            onChange={(kvkNumber) => onChange({ kvkNumber })}
            error={errors["location-kvkNumber"]}
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            size="medium"
          />
          <TextField
            name="location-businessName"
            label={t("signalsIntake.location.businessName")}
            value={draft.businessName}
            onChange={(businessName) => onChange({ businessName })}
            error={errors["location-businessName"]}
            optional
            autoComplete="off"
          />
        </>
      ) : null}
      {draft.locationKind === "other" ? (
        <TextField
          name="location-description"
          label={t("signalsIntake.location.description")}
          description={t("signalsIntake.location.descriptionHelp")}
          value={draft.locationDescription}
          onChange={(locationDescription) => onChange({ locationDescription })}
          error={errors["location-description"]}
          autoComplete="off"
          maxLength={500}
        />
      ) : null}
    </>
  );
}
