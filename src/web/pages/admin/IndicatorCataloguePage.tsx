import {
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api, problemMessage } from "../../api/client.ts";
import type { Ability, Region } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { CheckboxGroup, SelectField, TextField } from "../../components/fields.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Confirmation, LoadError, Loading } from "../../components/Status.tsx";
import { isBlank, useFormErrors, type FieldErrors } from "../../components/useFormErrors.ts";
import { formatDateTime, formatList } from "../../i18n/format.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { useSession } from "../../session/SessionContext.tsx";

/** Administrators get the menu entry; whether they may change this region's catalogue comes with it. */
export const INDICATOR_CATALOGUE_UPDATE = "indicator_catalogue.update" satisfies Ability;

/** Mirrors catalogueSchema and versionListSchema in src/server/modules/indicators/indicators.schema.ts. */
interface Indicator {
  code: string;
  position: number;
  textNl: string;
  textEn: string;
  iloCodes: string[];
}

interface IndicatorGroup {
  group: string;
  titleNl: string;
  titleEn: string;
  leadNl: string;
  leadEn: string;
  indicators: Indicator[];
}

interface Catalogue {
  id: string;
  regionId: string;
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  changeNote: string;
  groups: IndicatorGroup[];
  ilo: { code: string; nameNl: string; nameEn: string }[];
  abilities: Record<string, boolean>;
}

interface Version {
  id: string;
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  changeNote: string;
  indicatorCount: number;
}

type Change =
  | { kind: "add"; group: string; textNl: string; textEn: string; iloCodes: string[] }
  | { kind: "reword"; code: string; textNl: string; textEn: string; iloCodes: string[] }
  | { kind: "retire"; code: string };

/** The region's indicator catalogue: everyone in the region reads it, its administrator changes it. */
export function IndicatorCataloguePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const regions = useLoad(() => api.get<{ items: Region[] }>("/regions"), "regions");
  const administered = session?.user?.regionAdministratorOf ?? [];
  const regionItems = regions.data?.items ?? [];
  const fallback = regionItems.find((r) => administered.includes(r.id)) ?? regionItems[0];
  const chosen = params.get("regio");
  const regionId = chosen && regionItems.some((r) => r.id === chosen) ? chosen : (fallback?.id ?? "");

  const catalogue = useLoad(
    () => api.get<Catalogue>(`/regions/${encodeURIComponent(regionId)}/indicator-catalogue`),
    `catalogue|${regionId}`,
    Boolean(regionId),
  );
  const versions = useLoad(
    () => api.get<{ items: Version[] }>(`/regions/${encodeURIComponent(regionId)}/indicator-catalogue/versions`),
    `versions|${regionId}`,
    Boolean(regionId),
  );
  const [published, setPublished] = useState<Catalogue | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // After rewording or retiring, the panel with the pressed button is gone: the focus goes to the new version.
  const versionRef = useRef<HTMLParagraphElement>(null);
  const [focusVersion, setFocusVersion] = useState(0);
  useEffect(() => {
    if (focusVersion > 0) versionRef.current?.focus();
  }, [focusVersion]);
  useEffect(() => {
    setPublished(null);
    setMessage(null);
  }, [regionId]);
  const current = published ?? catalogue.data;
  const english = currentLanguage() === "en";
  const iloName = new Map((current?.ilo ?? []).map((i) => [i.code, english ? i.nameEn : i.nameNl]));
  const canEdit = current?.abilities.update === true;

  /** Publishes one change; throws the API's problem for the form to show. */
  const publish = async (change: Change) => {
    const next = await api.post<Catalogue>(`/regions/${encodeURIComponent(regionId)}/indicator-catalogue/changes`, change);
    setPublished(next);
    setMessage(t("adminRoute.indicators.published", { version: next.version }));
    versions.reload();
    if (change.kind !== "add") setFocusVersion((n) => n + 1);
    return next;
  };

  return (
    <>
      <PageHeading>{t("adminRoute.indicators.title")}</PageHeading>
      <Paragraph>{t("adminRoute.indicators.intro")}</Paragraph>
      {regions.error ? <LoadError message={regions.error} /> : null}
      {regionItems.length > 1 ? (
        <SelectField
          name="regio"
          label={t("adminRoute.indicators.region")}
          value={regionId}
          onChange={(value) => setParams(value ? { regio: value } : {})}
          options={regionItems.map((r) => ({ value: r.id, label: r.name }))}
        />
      ) : null}
      {catalogue.error ? <LoadError message={catalogue.error} /> : null}
      {(regions.loading || catalogue.loading) && !current ? <Loading /> : null}
      <Confirmation message={message} />
      {current ? (
        <>
          <p className="utrecht-paragraph" tabIndex={-1} ref={versionRef}>
            <strong>{t("adminRoute.indicators.version", { version: current.version, date: formatDateTime(current.publishedAt) })}</strong>
          </p>
          <Paragraph>{t("adminRoute.indicators.changeNote", { note: current.changeNote })}</Paragraph>
          {!canEdit ? <Paragraph>{t("adminRoute.indicators.readOnly")}</Paragraph> : null}
          {current.groups.map((group) => (
            <GroupSection
              key={`${current.version}-${group.group}`}
              group={group}
              iloName={iloName}
              ilo={current.ilo}
              canEdit={canEdit}
              publish={publish}
            />
          ))}
          {canEdit ? <AddIndicatorForm catalogue={current} publish={publish} /> : null}
        </>
      ) : null}
      <section aria-labelledby="history-heading" className="kz-section">
        <Heading level={2} id="history-heading">{t("adminRoute.indicators.historyHeading")}</Heading>
        {versions.error ? <LoadError message={versions.error} /> : null}
        {versions.data ? (
          <div className="kz-table-scroll">
            <Table className="kz-table">
              <TableCaption>{t("adminRoute.indicators.historyCaption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("adminRoute.indicators.historyVersion")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("adminRoute.indicators.historyPublishedAt")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("adminRoute.indicators.historyNote")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("adminRoute.indicators.historyCount")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {versions.data.items.map((version) => (
                  <TableRow key={version.id}>
                    <TableHeaderCell scope="row">{version.version}</TableHeaderCell>
                    <TableCell className="kz-nowrap">{formatDateTime(version.publishedAt)}</TableCell>
                    <TableCell>{version.changeNote}</TableCell>
                    <TableCell>{version.indicatorCount}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : null}
      </section>
    </>
  );
}

interface GroupSectionProps {
  group: IndicatorGroup;
  iloName: Map<string, string>;
  ilo: Catalogue["ilo"];
  canEdit: boolean;
  publish: (change: Change) => Promise<Catalogue>;
}

/** One group's indicators as a table; rewording and retiring happen in a panel below it. */
function GroupSection({ group, iloName, ilo, canEdit, publish }: GroupSectionProps) {
  const { t } = useTranslation();
  const english = currentLanguage() === "en";
  const title = english ? group.titleEn : group.titleNl;
  const [action, setAction] = useState<{ kind: "reword" | "retire"; code: string } | null>(null);
  const headingId = `group-${group.group}`;
  const selected = action ? group.indicators.find((i) => i.code === action.code) : undefined;
  const returnFocus = useRef<string | null>(null);

  // Closing the panel returns the focus to the button that opened it.
  useEffect(() => {
    if (action || !returnFocus.current) return;
    document.getElementById(returnFocus.current)?.focus();
    returnFocus.current = null;
  }, [action]);

  const close = () => {
    returnFocus.current = action ? `${action.kind}-${action.code}` : null;
    setAction(null);
  };

  return (
    <section aria-labelledby={headingId} className="kz-section">
      <Heading level={2} id={headingId}>{title}</Heading>
      <Paragraph>{english ? group.leadEn : group.leadNl}</Paragraph>
      <div className="kz-table-scroll">
        <Table className="kz-table">
          <TableCaption>{t("adminRoute.indicators.tableCaption", { group: title })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("adminRoute.indicators.code")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("adminRoute.indicators.textNl")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("adminRoute.indicators.textEn")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("adminRoute.indicators.ilo")}</TableHeaderCell>
              {canEdit ? <TableHeaderCell scope="col">{t("adminRoute.indicators.actions")}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {group.indicators.map((indicator) => (
              <TableRow key={indicator.code}>
                <TableHeaderCell scope="row" className="kz-nowrap">{indicator.code}</TableHeaderCell>
                <TableCell lang="nl">{indicator.textNl}</TableCell>
                <TableCell lang="en">{indicator.textEn}</TableCell>
                <TableCell>
                  {indicator.iloCodes.length > 0
                    ? formatList(indicator.iloCodes.map((code) => iloName.get(code) ?? code))
                    : t("adminRoute.indicators.none")}
                </TableCell>
                {canEdit ? (
                  <TableCell>
                    <ButtonGroup>
                      <Button
                        id={`reword-${indicator.code}`}
                        appearance="secondary-action-button"
                        aria-label={t("adminRoute.indicators.rewordLabel", { code: indicator.code })}
                        onClick={() => setAction({ kind: "reword", code: indicator.code })}
                      >
                        {t("adminRoute.indicators.reword")}
                      </Button>
                      <Button
                        id={`retire-${indicator.code}`}
                        appearance="secondary-action-button"
                        hint="danger"
                        aria-label={t("adminRoute.indicators.retireLabel", { code: indicator.code })}
                        onClick={() => setAction({ kind: "retire", code: indicator.code })}
                      >
                        {t("adminRoute.indicators.retire")}
                      </Button>
                    </ButtonGroup>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {action?.kind === "reword" && selected ? (
        <RewordForm key={selected.code} indicator={selected} ilo={ilo} publish={publish} onCancel={close} />
      ) : null}
      {action?.kind === "retire" && selected ? (
        <RetireConfirm key={selected.code} indicator={selected} publish={publish} onCancel={close} />
      ) : null}
    </section>
  );
}

const iloOptions = (ilo: Catalogue["ilo"]) => {
  const english = currentLanguage() === "en";
  return ilo.map((i) => ({ value: i.code, label: english ? i.nameEn : i.nameNl }));
};

/** New texts (and ILO mapping) for one indicator; publishing it makes a new version. */
function RewordForm({ indicator, ilo, publish, onCancel }: { indicator: Indicator; ilo: Catalogue["ilo"]; publish: GroupSectionProps["publish"]; onCancel: () => void }) {
  const { t } = useTranslation();
  const prefix = `reword-${indicator.code}`;
  const fields = [`${prefix}-textNl`, `${prefix}-textEn`, `${prefix}-ilo`] as const;
  const [textNl, setTextNl] = useState(indicator.textNl);
  const [textEn, setTextEn] = useState(indicator.textEn);
  const [iloCodes, setIloCodes] = useState(indicator.iloCodes);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(fields);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const invalid: FieldErrors = {};
    if (isBlank(textNl)) invalid[fields[0]] = t("errors.required", { field: t("adminRoute.indicators.textNlField") });
    if (isBlank(textEn)) invalid[fields[1]] = t("errors.required", { field: t("adminRoute.indicators.textEnField") });
    if (Object.keys(invalid).length > 0) return errors.fail(invalid);
    setBusy(true);
    try {
      await publish({ kind: "reword", code: indicator.code, textNl: textNl.trim(), textEn: textEn.trim(), iloCodes });
    } catch (error) {
      errors.failWithProblem(error);
      setBusy(false);
    }
  };

  return (
    <div className="kz-confirm kz-narrow" role="group" aria-labelledby={`${prefix}-heading`}>
      <Heading level={3} id={`${prefix}-heading`} tabIndex={-1} ref={headingRef}>
        {t("adminRoute.indicators.rewordHeading", { code: indicator.code })}
      </Heading>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="kz-form">
        <TextField name={fields[0]} label={t("adminRoute.indicators.textNl")} value={textNl} onChange={setTextNl} error={errors.fields[fields[0]]} maxLength={500} />
        <TextField name={fields[1]} label={t("adminRoute.indicators.textEn")} value={textEn} onChange={setTextEn} error={errors.fields[fields[1]]} maxLength={500} />
        <CheckboxGroup
          name={fields[2]}
          legend={t("adminRoute.indicators.iloLegend")}
          description={t("adminRoute.indicators.iloDescription")}
          options={iloOptions(ilo)}
          values={iloCodes}
          onChange={setIloCodes}
          error={errors.fields[fields[2]]}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy}>{t("adminRoute.indicators.rewordSave")}</PrimaryActionButton>
          <Button appearance="secondary-action-button" onClick={onCancel}>{t("common.cancel")}</Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

/** Retiring asks first: the indicator disappears from new reports. */
function RetireConfirm({ indicator, publish, onCancel }: { indicator: Indicator; publish: GroupSectionProps["publish"]; onCancel: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textId = `retire-${indicator.code}-text`;

  const retire = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await publish({ kind: "retire", code: indicator.code });
    } catch (reason) {
      setError(problemMessage(reason));
      setBusy(false);
    }
  };

  return (
    <div className="kz-confirm" role="group" aria-labelledby={textId}>
      {error ? <LoadError message={error} /> : null}
      <Paragraph id={textId}>{t("adminRoute.indicators.retireConfirm", { code: indicator.code })}</Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action-button" hint="danger" busy={busy} onClick={() => void retire()} autoFocus>
          {t("adminRoute.indicators.retireYes")}
        </Button>
        <Button appearance="secondary-action-button" onClick={onCancel}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </div>
  );
}

const ADD_FIELDS = ["group", "textNl", "textEn", "iloCodes"] as const;

/** Adding an indicator to a group; it gets the next free code of that group. */
function AddIndicatorForm({ catalogue, publish }: { catalogue: Catalogue; publish: GroupSectionProps["publish"] }) {
  const { t } = useTranslation();
  const english = currentLanguage() === "en";
  const [group, setGroup] = useState("");
  const [textNl, setTextNl] = useState("");
  const [textEn, setTextEn] = useState("");
  const [iloCodes, setIloCodes] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(ADD_FIELDS, {
    group: t("adminRoute.indicators.group"),
    textNl: t("adminRoute.indicators.textNl"),
    textEn: t("adminRoute.indicators.textEn"),
    iloCodes: t("adminRoute.indicators.ilo"),
  });
  const chosen = catalogue.groups.find((g) => g.group === group);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const invalid: FieldErrors = {};
    if (!group) invalid.group = t("errors.required", { field: t("adminRoute.indicators.groupField") });
    if (isBlank(textNl)) invalid.textNl = t("errors.required", { field: t("adminRoute.indicators.textNlField") });
    if (isBlank(textEn)) invalid.textEn = t("errors.required", { field: t("adminRoute.indicators.textEnField") });
    if (Object.keys(invalid).length > 0) return errors.fail(invalid);
    setBusy(true);
    try {
      await publish({ kind: "add", group, textNl: textNl.trim(), textEn: textEn.trim(), iloCodes });
      errors.clear();
      setGroup("");
      setTextNl("");
      setTextEn("");
      setIloCodes([]);
    } catch (error) {
      errors.failWithProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="add-indicator" className="kz-section kz-narrow">
      <Heading level={2} id="add-indicator">{t("adminRoute.indicators.addHeading")}</Heading>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="kz-form">
        <SelectField
          name="group"
          label={t("adminRoute.indicators.group")}
          value={group}
          onChange={setGroup}
          placeholder={t("adminRoute.indicators.chooseGroup")}
          options={catalogue.groups.map((g) => ({ value: g.group, label: english ? g.titleEn : g.titleNl }))}
          error={errors.fields.group}
        />
        <TextField
          name="textNl"
          label={t("adminRoute.indicators.textNl")}
          value={textNl}
          onChange={setTextNl}
          error={errors.fields.textNl}
          description={chosen ? t("adminRoute.indicators.textDescription", { lead: english ? chosen.leadEn : chosen.leadNl }) : undefined}
          maxLength={500}
        />
        <TextField name="textEn" label={t("adminRoute.indicators.textEn")} value={textEn} onChange={setTextEn} error={errors.fields.textEn} maxLength={500} />
        <CheckboxGroup
          name="iloCodes"
          legend={t("adminRoute.indicators.iloLegend")}
          description={t("adminRoute.indicators.iloDescription")}
          options={iloOptions(catalogue.ilo)}
          values={iloCodes}
          onChange={setIloCodes}
          error={errors.fields.iloCodes}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy}>{t("adminRoute.indicators.add")}</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </section>
  );
}
