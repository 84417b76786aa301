import { Alert, ButtonGroup, Heading, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import type { OidcProvider, Session } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { AppLink } from "../../components/links.tsx";
import { TextField } from "../../components/fields.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { isBlank, useFormErrors, type FieldErrors } from "../../components/useFormErrors.ts";
import { useSession } from "../../session/SessionContext.tsx";
import { nextPath, wantedPath } from "../../session/stages.ts";

const FIELDS = ["email", "password"] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const { session, setSession, notice } = useSession();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const wanted = wantedPath(location.state);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const providers = useLoad(() => api.get<{ items: OidcProvider[] }>("/session/oidc-providers"), "oidc");

  if (session && session.stage !== "anonymous") {
    return <Navigate to={nextPath(session, wanted)} replace state={{ from: wanted }} />;
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // No disabled button while busy: that would drop the keyboard focus. A second submit is ignored instead.
    if (busy) return;
    const invalid: FieldErrors = {};
    if (isBlank(email)) invalid.email = t("errors.required", { field: t("auth.login.emailField") });
    if (password.length === 0) invalid.password = t("errors.required", { field: t("auth.login.passwordField") });
    if (Object.keys(invalid).length > 0) return errors.fail(invalid);
    setBusy(true);
    try {
      const next = await api.post<Session>("/session", { email: email.trim(), password });
      errors.clear();
      setSession(next);
    } catch (error) {
      setPassword("");
      errors.failWithProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const oidcFailed = searchParams.has("fout") || searchParams.has("error");
  const oidcProviders = providers.data?.items ?? [];

  return (
    <div className="kz-narrow">
      <PageHeading>{t("auth.login.title")}</PageHeading>
      {notice === "expired" ? <Alert type="warning">{t("auth.login.expired")}</Alert> : null}
      {notice === "logged_out" ? <Alert type="ok" role="status">{t("auth.login.loggedOut")}</Alert> : null}
      {oidcFailed ? <Alert type="error">{t("auth.login.oidcFailed")}</Alert> : null}
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <Paragraph>{t("auth.login.intro")}</Paragraph>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="kz-form">
        <TextField
          name="email"
          type="email"
          label={t("auth.login.email")}
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
          autoComplete="username"
          spellCheck={false}
        />
        <TextField
          name="password"
          type="password"
          label={t("auth.login.password")}
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
          autoComplete="current-password"
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy}>
            {busy ? t("auth.login.busy") : t("auth.login.submit")}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
      <Paragraph className="kz-help">{t("auth.login.help")}</Paragraph>
      <Paragraph>
        <AppLink to="/melden">{t("public.loginLink")}</AppLink>
      </Paragraph>
      {oidcProviders.length > 0 ? (
        <section aria-labelledby="oidc-heading" className="kz-section">
          <Heading level={2} id="oidc-heading">
            {t("auth.login.oidcHeading")}
          </Heading>
          <Paragraph>{t("auth.login.oidcIntro")}</Paragraph>
          <ul className="kz-plain-list">
            {oidcProviders.map((provider) => (
              <li key={provider.organisationId}>
                {/* A full page load: the server redirects to the organisation's identity provider. */}
                <a
                  className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                  href={`/api/v1/session/oidc/${encodeURIComponent(provider.organisationId)}`}
                >
                  {t("auth.login.oidcButton", { name: provider.displayName })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
