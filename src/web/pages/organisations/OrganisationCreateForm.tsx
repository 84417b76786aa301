import { ButtonGroup, Heading, PrimaryActionButton } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { organisationTypes, type Organisation, type Region } from "../../api/types.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { CheckboxField, SelectField, TextField, fieldId } from "../../components/fields.tsx";
import { isBlank, useFormErrors, type FieldErrors } from "../../components/useFormErrors.ts";

const FIELDS = ["name", "type", "isCentralMunicipality", "regionId"] as const;

/** Adding an organisation to a region the actor administers. */
export function OrganisationCreateForm({ regions, onCreated }: { regions: Region[]; onCreated: (o: Organisation) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [type, setType] = useState("");
  const [isCentral, setIsCentral] = useState(false);
  const [regionId, setRegionId] = useState(regions.length === 1 ? (regions[0]?.id ?? "") : "");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS, {
    name: t("admin.organisations.name"),
    type: t("admin.organisations.type"),
    isCentralMunicipality: t("admin.organisations.isCentral"),
    regionId: t("admin.organisations.region"),
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // No disabled button while busy: that would drop the keyboard focus. A second submit is ignored instead.
    if (busy) return;
    const invalid: FieldErrors = {};
    if (isBlank(name)) invalid.name = t("errors.required", { field: t("admin.organisations.nameField") });
    if (!type) invalid.type = t("errors.required", { field: t("admin.organisations.typeField") });
    if (!regionId) invalid.regionId = t("errors.required", { field: t("admin.organisations.regionField") });
    if (Object.keys(invalid).length > 0) return errors.fail(invalid);
    setBusy(true);
    try {
      const created = await api.post<Organisation>("/organisations", {
        name: name.trim(),
        type,
        isCentralMunicipality: type === "municipality" && isCentral,
        regionId,
      });
      errors.clear();
      setName("");
      setType("");
      setIsCentral(false);
      onCreated(created);
    } catch (error) {
      errors.failWithProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="create-organisation" className="kz-section kz-narrow">
      <Heading level={2} id="create-organisation">{t("admin.organisations.createHeading")}</Heading>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="kz-form">
        <TextField name="name" label={t("admin.organisations.name")} value={name} onChange={setName} error={errors.fields.name} autoComplete="organization" />
        <SelectField
          name="type"
          label={t("admin.organisations.type")}
          value={type}
          onChange={setType}
          placeholder={t("admin.organisations.chooseType")}
          options={organisationTypes.map((value) => ({ value, label: t(`organisationTypes.${value}`) }))}
          error={errors.fields.type}
        />
        {type === "municipality" ? (
          <CheckboxField
            id={fieldId("isCentralMunicipality")}
            name="isCentralMunicipality"
            label={t("admin.organisations.isCentral")}
            checked={isCentral}
            onChange={setIsCentral}
            error={errors.fields.isCentralMunicipality}
          />
        ) : null}
        <SelectField
          name="regionId"
          label={t("admin.organisations.region")}
          value={regionId}
          onChange={setRegionId}
          placeholder={regions.length > 1 ? t("admin.organisations.chooseRegion") : undefined}
          options={regions.map((region) => ({ value: region.id, label: region.name }))}
          error={errors.fields.regionId}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy}>
            {t("admin.organisations.create")}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </section>
  );
}
