import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, problemMessage } from "../../api/client.ts";
import type { Region } from "../../api/types.ts";
import { SelectField, TextField } from "../../components/fields.tsx";
import { Confirmation, LoadError } from "../../components/Status.tsx";
import { policeUnits } from "../care/types.ts";

/**
 * The regions the user sees, with the police unit each lies in and the monitor's threshold for small numbers.
 * A region administrator sets both here: the CoMensha registration of a victim file names the unit, and
 * published monitor figures hide counts under the threshold.
 */
export function RegionsSection({ regions, onSaved }: { regions: Region[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editable = regions.filter((region) => region.abilities.update);

  return (
    <section aria-labelledby="regions-heading" className="kz-section">
      <Heading level={2} id="regions-heading">{t("admin.regions.heading")}</Heading>
      <Paragraph>{t("admin.regions.intro")}</Paragraph>
      <div className="kz-table-scroll">
        <Table className="kz-table">
          <TableCaption>{t("admin.regions.tableCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("admin.regions.name")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("admin.regions.policeUnit")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("admin.regions.threshold")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("admin.regions.organisations")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {regions.map((region) => (
              <TableRow key={region.id}>
                <TableHeaderCell scope="row">{region.name}</TableHeaderCell>
                <TableCell>{region.policeUnit ? t(`admin.regions.policeUnits.${region.policeUnit as (typeof policeUnits)[number]}`) : t("admin.regions.notSet")}</TableCell>
                <TableCell>{region.suppressionThreshold}</TableCell>
                <TableCell>{region.organisationIds.length}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Confirmation message={message} />
      {error ? <LoadError message={error} /> : null}
      {editable.map((region) => {
        const saved = (text: string) => {
          setError(null);
          setMessage(text);
          onSaved();
        };
        const failed = (text: string) => {
          setMessage(null);
          setError(text);
        };
        return (
          <div key={region.id}>
            <PoliceUnitForm region={region} onSaved={saved} onError={failed} />
            <ThresholdForm region={region} onSaved={saved} onError={failed} />
          </div>
        );
      })}
    </section>
  );
}

function PoliceUnitForm({ region, onSaved, onError }: { region: Region; onSaved: (message: string) => void; onError: (message: string) => void }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState(region.policeUnit ?? "");
  const [busy, setBusy] = useState(false);
  const name = `policeUnit-${region.id}`;

  const save = async () => {
    setBusy(true);
    try {
      await api.patch<Region>(`/regions/${encodeURIComponent(region.id)}`, { policeUnit: unit || null });
      onSaved(t("admin.regions.saved", { region: region.name }));
    } catch (problem) {
      onError(problemMessage(problem));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="kz-form kz-narrow"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <SelectField
        name={name}
        label={t("admin.regions.policeUnitOf", { region: region.name })}
        value={unit}
        onChange={setUnit}
        placeholder={t("admin.regions.choose")}
        options={policeUnits.map((u) => ({ value: u, label: t(`admin.regions.policeUnits.${u}`) }))}
        optional
      />
      <Button type="submit" appearance="secondary-action-button" busy={busy}>
        {t("admin.regions.save")}
      </Button>
    </form>
  );
}

/** The region's threshold for small numbers in the monitor's published figures (2–50). */
function ThresholdForm({ region, onSaved, onError }: { region: Region; onSaved: (message: string) => void; onError: (message: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(region.suppressionThreshold));
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const threshold = /^\d{1,2}$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!(threshold >= 2 && threshold <= 50)) {
      setFieldError(t("admin.regions.thresholdInvalid"));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      const updated = await api.patch<Region>(`/regions/${encodeURIComponent(region.id)}`, { suppressionThreshold: threshold });
      onSaved(t("admin.regions.thresholdSaved", { region: region.name, threshold: updated.suppressionThreshold }));
    } catch (problem) {
      onError(problemMessage(problem));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="kz-form kz-narrow"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <TextField
        name={`threshold-${region.id}`}
        label={t("admin.regions.thresholdOf", { region: region.name })}
        description={t("admin.regions.thresholdHelp")}
        value={value}
        onChange={setValue}
        error={fieldError}
        inputMode="numeric"
        size="small"
      />
      <Button type="submit" appearance="secondary-action-button" busy={busy}>
        {t("admin.regions.thresholdSave")}
      </Button>
    </form>
  );
}
