import { Paragraph } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { RadioGroup, SelectField, TextareaField, TextField } from "../../../components/fields.tsx";
import { destinations, leaveKinds, placeTypes, type Destination, type LeaveKind, type Placement, type PlaceType, type VictimFile } from "../types.ts";
import { filePath, useFile } from "./context.ts";
import { FileTable } from "./FileTable.tsx";
import { formatDay, todayIso, useLabels } from "./labels.ts";
import { withOffers } from "../../network/offers.ts";
import { Disclosure, FileSection, SubmitRow } from "./parts.tsx";
import { useChecks, useFileAction } from "./useFileAction.ts";

/** Placements in shelters (COSM included): in-, through- and outflow; one open placement at a time. */
export function ShelterSection({ placements }: { placements: Placement[] }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const edit = file.abilities.update === true;
  const open = placements.find((p) => p.leftOn === null);
  return (
    <FileSection id="shelter" heading={t("careFile.sections.shelter")}>
      <FileTable
        caption={t("careFile.shelter.caption")}
        empty={t("careFile.shelter.none")}
        items={placements}
        itemKey={(p) => p.id}
        columns={[
          {
            key: "shelter",
            header: t("careFile.shelter.shelter"),
            cell: (p) => (
              <>
                {p.shelterName}
                {p.current ? <strong className="kz-file-cell-note kz-file-cell-note--strong">{t("careFile.shelter.current")}</strong> : null}
                {p.note ? <span className="kz-file-cell-note">{p.note}</span> : null}
              </>
            ),
          },
          { key: "placeType", header: t("careFile.shelter.placeType"), cell: (p) => labels.placeType(p.placeType) },
          { key: "admitted", header: t("careFile.shelter.admittedOn"), cell: (p) => formatDay(p.admittedOn) },
          { key: "left", header: t("careFile.shelter.leftOn"), cell: (p) => (p.leftOn ? formatDay(p.leftOn) : t("careFile.shelter.stillThere")) },
          {
            key: "where",
            header: t("careFile.shelter.leaveKindAndDestination"),
            cell: (p) => (p.leaveKind ? `${labels.leaveKind(p.leaveKind)}${p.destination ? `: ${labels.destination(p.destination)}` : ""}` : ""),
          },
        ]}
      />
      {edit && open ? (
        <Disclosure id="placement-leave" label={t("careFile.shelter.leave", { shelter: open.shelterName })}>
          {(close) => <LeaveForm placement={open} onCancel={close} />}
        </Disclosure>
      ) : null}
      {edit && !open && file.status !== "closed" ? (
        <Disclosure id="placement-add" label={t("careFile.shelter.add")}>
          {(close) => <PlacementForm onCancel={close} />}
        </Disclosure>
      ) : null}
      {edit && open ? <Paragraph className="kz-file-hint">{t("careFile.shelter.oneAtATime")}</Paragraph> : null}
    </FileSection>
  );
}

const ADD_FIELDS = ["placementShelter", "placementPlaceType", "placementAdmittedOn", "placementNote"] as const;
const ADD_RENAME = { shelterOrganisationId: "placementShelter", placeType: "placementPlaceType", admittedOn: "placementAdmittedOn", note: "placementNote" };

function PlacementForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { file, network } = useFile();
  const labels = useLabels();
  const checks = useChecks();
  const [shelter, setShelter] = useState("");
  const [placeType, setPlaceType] = useState<PlaceType | "">("");
  const [admittedOn, setAdmittedOn] = useState(todayIso());
  const [note, setNote] = useState("");
  const l = {
    placementShelter: t("careFile.shelter.shelter"), placementPlaceType: t("careFile.shelter.placeType"),
    placementAdmittedOn: t("careFile.shelter.admittedOn"), placementNote: t("careFile.shelter.note"),
  };
  const { errors, busy, run } = useFileAction("shelter", ADD_FIELDS, l, ADD_RENAME);
  // Shelters, and organisations that offer shelter or COSM according to the region's social map.
  const shelters = (network?.organisations ?? []).filter(
    (o) => o.regionId === file.regionId && (o.type === "shelter" || o.offers.includes("shelter") || o.offers.includes("cosm")),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const name = shelters.find((s) => s.id === shelter)?.name ?? "";
    run(
      {
        placementShelter: checks.choice(shelter, l.placementShelter),
        placementPlaceType: checks.choice(placeType, l.placementPlaceType),
        placementAdmittedOn: checks.date(admittedOn, l.placementAdmittedOn),
      },
      () => api.post<VictimFile>(filePath(file, "shelter-placements"), { shelterOrganisationId: shelter, placeType, admittedOn, ...(note.trim() ? { note: note.trim() } : {}) }),
      t("careFile.shelter.added", { shelter: name }),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="placement-add-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField name="placementShelter" label={l.placementShelter} value={shelter} onChange={setShelter} placeholder={t("careFile.common.chooseOrganisation")}
        description={shelters.length === 0 ? t("careFile.shelter.noShelters") : undefined}
        options={shelters.map((o) => ({ value: o.id, label: withOffers(t, o.name, o.offers.filter((x) => x === "shelter" || x === "cosm")) }))} error={errors.fields.placementShelter} />
      <RadioGroup name="placementPlaceType" legend={l.placementPlaceType} value={placeType} onChange={setPlaceType}
        options={placeTypes.map((p) => ({ value: p, label: labels.placeType(p), description: t(`careFile.shelter.placeTypeDescriptions.${p}`) }))}
        error={errors.fields.placementPlaceType} />
      <TextField name="placementAdmittedOn" label={l.placementAdmittedOn} type="date" value={admittedOn} onChange={setAdmittedOn} error={errors.fields.placementAdmittedOn} size="small" />
      <TextareaField name="placementNote" label={l.placementNote} value={note} onChange={setNote} error={errors.fields.placementNote} optional maxLength={2000} rows={2} />
      <SubmitRow busy={busy} label={t("careFile.shelter.addSubmit")} onCancel={onCancel} />
    </form>
  );
}

const LEAVE_FIELDS = ["leaveOn", "leaveKind", "leaveDestination", "leaveNote"] as const;
const LEAVE_RENAME = { leftOn: "leaveOn", leaveKind: "leaveKind", destination: "leaveDestination", note: "leaveNote" };
/** Throughflow goes on to a next place; outflow may end anywhere. */
const throughflowDestinations: readonly Destination[] = ["other_shelter", "own_housing", "family"];

function LeaveForm({ placement, onCancel }: { placement: Placement; onCancel: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const checks = useChecks();
  const [leftOn, setLeftOn] = useState(todayIso());
  const [kind, setKind] = useState<LeaveKind | "">("");
  const [destination, setDestination] = useState("");
  const [note, setNote] = useState("");
  const l = { leaveOn: t("careFile.shelter.leftOn"), leaveKind: t("careFile.shelter.leaveKind"), leaveDestination: t("careFile.shelter.destination"), leaveNote: t("careFile.shelter.note") };
  const { errors, busy, run } = useFileAction("shelter", LEAVE_FIELDS, l, LEAVE_RENAME);
  const options = kind === "throughflow" ? destinations.filter((d) => throughflowDestinations.includes(d)) : destinations;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      { leaveOn: checks.date(leftOn, l.leaveOn), leaveKind: checks.choice(kind, l.leaveKind), leaveDestination: checks.choice(destination, l.leaveDestination) },
      () => api.post<VictimFile>(filePath(file, "shelter-placements", placement.id, "leave"), { leftOn, leaveKind: kind, destination, ...(note.trim() ? { note: note.trim() } : {}) }),
      t("careFile.shelter.left", { shelter: placement.shelterName }),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="placement-leave-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField name="leaveOn" label={l.leaveOn} type="date" value={leftOn} onChange={setLeftOn} error={errors.fields.leaveOn} size="small" />
      <RadioGroup name="leaveKind" legend={l.leaveKind} value={kind} onChange={(v) => { setKind(v); setDestination(""); }}
        options={leaveKinds.map((k) => ({ value: k, label: labels.leaveKind(k), description: t(`careFile.shelter.leaveKindDescriptions.${k}`) }))}
        error={errors.fields.leaveKind} />
      <SelectField name="leaveDestination" label={l.leaveDestination} value={destination} onChange={setDestination} placeholder={t("careFile.common.choose")}
        options={options.map((d) => ({ value: d, label: labels.destination(d) }))} error={errors.fields.leaveDestination} />
      <TextareaField name="leaveNote" label={l.leaveNote} value={note} onChange={setNote} error={errors.fields.leaveNote} optional maxLength={2000} rows={2} />
      <SubmitRow busy={busy} label={t("careFile.shelter.leaveSubmit")} onCancel={onCancel} />
    </form>
  );
}
