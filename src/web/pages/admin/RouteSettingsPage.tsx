import {
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
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
  Textbox,
} from "@utrecht/component-library-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { API_BASE, ApiProblem, api, type InvalidParam } from "../../api/client.ts";
import type { Ability, Organisation } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { CheckboxField, SelectField, TextField, fieldId } from "../../components/fields.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Confirmation, LoadError, Loading } from "../../components/Status.tsx";
import { useFormErrors, type FieldErrors } from "../../components/useFormErrors.ts";
import { i18n } from "../../i18n/i18n.ts";
import { useSession } from "../../session/SessionContext.tsx";

/** The session abilities on route settings (not yet in the Ability type). */
export const ROUTE_SETTINGS_READ = "route_settings.read" satisfies Ability;
export const ROUTE_SETTINGS_UPDATE = "route_settings.update" satisfies Ability;

/** Mirrors routeSettingsSchema in src/server/modules/signals/signals.schema.ts. */
const urgencies = ["acute", "high", "normal"] as const;
type Urgency = (typeof urgencies)[number];
const deadlineKinds = ["assessDays", "feedbackDays", "informDays"] as const;
type DeadlineKind = (typeof deadlineKinds)[number];
const MAX_DAYS: Record<DeadlineKind, number> = { assessDays: 60, feedbackDays: 120, informDays: 60 };

type Deadline = { urgency: Urgency } & Record<DeadlineKind, number>;

interface RouteSettings {
  municipalityId: string;
  deadlines: Deadline[];
  brp: { baseUrl: string; hasApiKey: boolean } | null;
}

interface RouteSettingsUpdate {
  deadlines: Deadline[];
  brp?: { baseUrl: string; apiKey?: string } | null;
}

const cellField = (urgency: Urgency, kind: DeadlineKind) => `${urgency}-${kind}`;
const FIELDS = [...urgencies.flatMap((u) => deadlineKinds.map((k) => cellField(u, k))), "baseUrl", "apiKey"];

/**
 * PUT /municipalities/{id}/route-settings. The shared API client has no PUT yet, so this sends it the same
 * way: same-origin cookie, the session's CSRF token, problem details turned into an ApiProblem.
 */
async function putRouteSettings(id: string, body: RouteSettingsUpdate, csrfToken: string | null): Promise<RouteSettings> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": i18n.language, "Content-Type": "application/json" };
  if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/municipalities/${encodeURIComponent(id)}/route-settings`, {
      method: "PUT",
      headers,
      credentials: "same-origin",
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(0, "network_error", i18n.t("errors.networkTitle"), i18n.t("errors.network"));
  }
  if (response.ok) return (await response.json()) as RouteSettings;
  const problem = (await response.json().catch(() => ({}))) as Partial<ApiProblem> & { invalidParams?: InvalidParam[] };
  throw new ApiProblem(
    problem.status ?? response.status,
    problem.code ?? "unknown",
    problem.title ?? response.statusText,
    problem.detail ?? i18n.t("errors.unexpected"),
    Array.isArray(problem.invalidParams) ? problem.invalidParams : [],
  );
}

const isUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
};

/** The reporting route's settings of one municipality: deadlines per urgency and the BRP connection. */
export function RouteSettingsPage() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const [params, setParams] = useSearchParams();
  const organisations = useLoad(() => api.get<{ items: Organisation[] }>("/organisations"), "organisations");
  const municipalities = (organisations.data?.items ?? [])
    .filter((o) => o.type === "municipality" && o.active)
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  const own = municipalities.find((m) => m.id === session?.user?.organisation.id);
  const chosen = params.get("gemeente");
  const municipalityId = chosen && municipalities.some((m) => m.id === chosen) ? chosen : (own?.id ?? "");
  const municipality = municipalities.find((m) => m.id === municipalityId);

  const settings = useLoad(
    () => api.get<RouteSettings>(`/municipalities/${encodeURIComponent(municipalityId)}/route-settings`),
    `settings|${municipalityId}`,
    Boolean(municipalityId),
  );
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setMessage(null), [municipalityId]);

  return (
    <>
      <PageHeading>{t("adminRoute.routeSettings.title")}</PageHeading>
      <Paragraph>{t("adminRoute.routeSettings.intro")}</Paragraph>
      {organisations.error ? <LoadError message={organisations.error} /> : null}
      {organisations.loading && !organisations.data ? <Loading /> : null}
      {organisations.data && municipalities.length === 0 ? <Paragraph>{t("adminRoute.routeSettings.noMunicipalities")}</Paragraph> : null}
      {municipalities.length > 0 ? (
        <div className="kz-narrow">
          <SelectField
            name="gemeente"
            label={t("adminRoute.routeSettings.municipality")}
            value={municipalityId}
            onChange={(value) => setParams(value ? { gemeente: value } : {})}
            placeholder={municipalityId ? undefined : t("adminRoute.routeSettings.chooseMunicipality")}
            options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
          />
        </div>
      ) : null}
      <Confirmation message={message} />
      {settings.error ? <LoadError message={settings.error} /> : null}
      {municipalityId && settings.loading && !settings.data ? <Loading /> : null}
      {settings.data && municipality ? (
        <SettingsForm
          key={`${municipalityId}|${JSON.stringify(settings.data)}`}
          settings={settings.data}
          name={municipality.name}
          editable={can(ROUTE_SETTINGS_UPDATE)}
          csrfToken={session?.csrfToken ?? null}
          onSaved={() => {
            setMessage(t("adminRoute.routeSettings.saved", { name: municipality.name }));
            settings.reload();
          }}
        />
      ) : null}
    </>
  );
}

interface SettingsFormProps {
  settings: RouteSettings;
  name: string;
  editable: boolean;
  csrfToken: string | null;
  onSaved: () => void;
}

function SettingsForm({ settings, name, editable, csrfToken, onSaved }: SettingsFormProps) {
  const { t } = useTranslation();
  const initial = Object.fromEntries(
    settings.deadlines.flatMap((d) => deadlineKinds.map((k) => [cellField(d.urgency, k), String(d[k])])),
  ) as Record<string, string>;
  const [days, setDays] = useState(initial);
  const [baseUrl, setBaseUrl] = useState(settings.brp?.baseUrl ?? "");
  const [apiKey, setApiKey] = useState("");
  const [removeKey, setRemoveKey] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS, { baseUrl: t("adminRoute.routeSettings.baseUrl"), apiKey: t("adminRoute.routeSettings.apiKey") });
  const hasApiKey = settings.brp?.hasApiKey === true;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const invalid: FieldErrors = {};
    const deadlines: Deadline[] = urgencies.map((urgency) => {
      const row = { urgency } as Deadline;
      for (const kind of deadlineKinds) {
        const field = cellField(urgency, kind);
        const raw = (days[field] ?? "").trim();
        const value = Number(raw);
        if (!/^\d+$/.test(raw) || value > MAX_DAYS[kind]) {
          invalid[field] = t("adminRoute.routeSettings.daysInvalid", {
            urgency: t(`adminRoute.routeSettings.urgency.${urgency}`),
            kind: t(`adminRoute.routeSettings.kinds.${kind}`),
            max: MAX_DAYS[kind],
          });
        }
        row[kind] = value;
      }
      return row;
    });
    const url = baseUrl.trim();
    const key = apiKey.trim();
    let brp: RouteSettingsUpdate["brp"];
    if (!url) brp = settings.brp ? null : undefined;
    else if (!isUrl(url)) invalid.baseUrl = t("adminRoute.routeSettings.baseUrlInvalid");
    else if (key) brp = { baseUrl: url, apiKey: key };
    else if (hasApiKey && !removeKey) {
      // The key is write-only: leaving both unchanged keeps it; a new address needs the key again.
      if (url === settings.brp?.baseUrl) brp = undefined;
      else invalid.apiKey = t("adminRoute.routeSettings.apiKeyNeeded");
    } else if (url !== settings.brp?.baseUrl || removeKey) brp = { baseUrl: url };
    if (Object.keys(invalid).length > 0) return errors.fail(invalid);
    setBusy(true);
    try {
      await putRouteSettings(settings.municipalityId, brp === undefined ? { deadlines } : { deadlines, brp }, csrfToken);
      errors.clear();
      onSaved();
    } catch (error) {
      errors.failWithProblem(error);
      setBusy(false);
    }
  };

  const deadlinesTable = (
    <div className="kz-table-scroll">
      <Table className="kz-table">
        <TableCaption>{t("adminRoute.routeSettings.deadlinesCaption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("adminRoute.routeSettings.urgencyColumn")}</TableHeaderCell>
            {deadlineKinds.map((kind) => (
              <TableHeaderCell scope="col" key={kind} id={`col-${kind}`}>
                {t(`adminRoute.routeSettings.kinds.${kind}`)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {urgencies.map((urgency) => (
            <TableRow key={urgency}>
              <TableHeaderCell scope="row" id={`row-${urgency}`}>{t(`adminRoute.routeSettings.urgency.${urgency}`)}</TableHeaderCell>
              {deadlineKinds.map((kind) => {
                const field = cellField(urgency, kind);
                const error = errors.fields[field];
                return (
                  <TableCell key={kind}>
                    {editable ? (
                      <>
                        {error ? <FormFieldErrorMessage id={`${fieldId(field)}-error`}>{error}</FormFieldErrorMessage> : null}
                        <Textbox
                          id={fieldId(field)}
                          name={field}
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={MAX_DAYS[kind]}
                          step={1}
                          required
                          value={days[field] ?? ""}
                          onChange={(event) => setDays((previous) => ({ ...previous, [field]: event.target.value }))}
                          invalid={Boolean(error)}
                          aria-labelledby={`row-${urgency} col-${kind}`}
                          aria-describedby={error ? `${fieldId(field)}-error` : undefined}
                          className="kz-input--small"
                        />
                      </>
                    ) : (
                      days[field]
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );

  if (!editable) {
    return (
      <>
        <Paragraph>{t("adminRoute.routeSettings.readOnly")}</Paragraph>
        <section aria-labelledby="deadlines-heading" className="kz-section">
          <Heading level={2} id="deadlines-heading">{t("adminRoute.routeSettings.deadlinesLegend")}</Heading>
          <Paragraph>{t("adminRoute.routeSettings.deadlinesDescription")}</Paragraph>
          {deadlinesTable}
        </section>
        <section aria-labelledby="brp-heading" className="kz-section">
          <Heading level={2} id="brp-heading">{t("adminRoute.routeSettings.brpLegend")}</Heading>
          {settings.brp ? (
            <dl className="kz-data-list">
              <dt>{t("adminRoute.routeSettings.baseUrl")}</dt>
              <dd>{settings.brp.baseUrl}</dd>
              <dt>{t("adminRoute.routeSettings.apiKey")}</dt>
              <dd>{hasApiKey ? t("adminRoute.routeSettings.apiKeyIsSet") : t("adminRoute.routeSettings.apiKeyIsNotSet")}</dd>
            </dl>
          ) : (
            <Paragraph>{t("adminRoute.routeSettings.noBrp")}</Paragraph>
          )}
        </section>
      </>
    );
  }

  return (
    <div className="kz-section">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="kz-form" aria-label={t("adminRoute.routeSettings.saveLabel", { name })}>
        <Fieldset className="kz-fieldset" aria-describedby="deadlines-description">
          <FieldsetLegend>{t("adminRoute.routeSettings.deadlinesLegend")}</FieldsetLegend>
          <FormFieldDescription id="deadlines-description">{t("adminRoute.routeSettings.deadlinesDescription")}</FormFieldDescription>
          {deadlinesTable}
        </Fieldset>
        <Fieldset className="kz-fieldset kz-narrow" aria-describedby="brp-description">
          <FieldsetLegend>{t("adminRoute.routeSettings.brpLegend")}</FieldsetLegend>
          <FormFieldDescription id="brp-description">{t("adminRoute.routeSettings.brpDescription")}</FormFieldDescription>
          <TextField
            name="baseUrl"
            label={t("adminRoute.routeSettings.baseUrl")}
            description={t("adminRoute.routeSettings.baseUrlDescription")}
            value={baseUrl}
            onChange={setBaseUrl}
            error={errors.fields.baseUrl}
            optional
            spellCheck={false}
            autoComplete="off"
            maxLength={500}
          />
          <TextField
            name="apiKey"
            type="password"
            label={t("adminRoute.routeSettings.apiKey")}
            description={
              <>
                <strong>
                  {t("adminRoute.routeSettings.apiKey")}: {hasApiKey ? t("adminRoute.routeSettings.apiKeyIsSet") : t("adminRoute.routeSettings.apiKeyIsNotSet")}.
                </strong>{" "}
                {hasApiKey ? t("adminRoute.routeSettings.apiKeySet") : t("adminRoute.routeSettings.apiKeyNotSet")}
              </>
            }
            value={apiKey}
            onChange={setApiKey}
            error={errors.fields.apiKey}
            optional
            autoComplete="new-password"
            spellCheck={false}
            maxLength={500}
          />
          {hasApiKey ? (
            <CheckboxField id={fieldId("removeApiKey")} name="removeApiKey" label={t("adminRoute.routeSettings.removeApiKey")} checked={removeKey} onChange={setRemoveKey} />
          ) : null}
        </Fieldset>
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy}>{t("adminRoute.routeSettings.save")}</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </div>
  );
}
