import { ButtonGroup, Paragraph, PrimaryActionButton, SecondaryActionButton } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { api } from "../../api/client.ts";
import type { Session } from "../../api/types.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { TextField } from "../../components/fields.tsx";
import { WithSession } from "../../components/guards.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { useFormErrors } from "../../components/useFormErrors.ts";
import { useSession } from "../../session/SessionContext.tsx";
import { nextPath, wantedPath } from "../../session/stages.ts";

const FIELDS = ["code"] as const;
const TOTP = /^\d{6}$/;
const RECOVERY = /^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/;

export function SecondFactorPage() {
  return <WithSession>{(session) => (session.stage === "second_factor" ? <SecondFactorForm /> : <Onward session={session} />)}</WithSession>;
}

function Onward({ session }: { session: Session }) {
  const location = useLocation();
  const wanted = wantedPath(location.state);
  return <Navigate to={nextPath(session, wanted)} replace state={{ from: wanted }} />;
}

function SecondFactorForm() {
  const { t } = useTranslation();
  const { setSession, logout } = useSession();
  const navigate = useNavigate();
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // No disabled button while busy: that would drop the keyboard focus. A second submit is ignored instead.
    if (busy) return;
    const normalised = code.replace(/\s+/g, "");
    if (!TOTP.test(normalised) && !RECOVERY.test(normalised)) {
      return errors.fail({ code: t("auth.secondFactor.codeInvalid") });
    }
    setBusy(true);
    try {
      const next = await api.post<Session>("/session/second-factor", { code: normalised });
      errors.clear();
      setSession(next);
    } catch (error) {
      setCode("");
      errors.failWithProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const onCancel = async () => {
    await logout().catch(() => undefined);
    navigate("/inloggen", { replace: true });
  };

  return (
    <div className="kz-narrow">
      <PageHeading>{t("auth.secondFactor.title")}</PageHeading>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <Paragraph>{t("auth.secondFactor.intro")}</Paragraph>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="kz-form">
        <TextField
          name="code"
          label={t("auth.secondFactor.code")}
          description={t("auth.secondFactor.codeDescription")}
          value={code}
          onChange={setCode}
          error={errors.fields.code}
          autoComplete="one-time-code"
          spellCheck={false}
          maxLength={20}
          size="small"
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy}>
            {t("auth.secondFactor.submit")}
          </PrimaryActionButton>
          <SecondaryActionButton type="button" onClick={() => void onCancel()}>
            {t("auth.secondFactor.cancel")}
          </SecondaryActionButton>
        </ButtonGroup>
      </form>
      <Paragraph className="kz-help">{t("auth.secondFactor.lostPhone")}</Paragraph>
    </div>
  );
}
