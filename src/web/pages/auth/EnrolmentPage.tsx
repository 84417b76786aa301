import {
  ButtonGroup,
  Code,
  Heading,
  Image,
  Paragraph,
  PrimaryActionButton,
} from "@utrecht/component-library-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router-dom";
import { api, problemMessage } from "../../api/client.ts";
import type { Enrolment, EnrolmentConfirmation } from "../../api/types.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { TextField } from "../../components/fields.tsx";
import { WithSession } from "../../components/guards.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { useFormErrors } from "../../components/useFormErrors.ts";
import { useSession } from "../../session/SessionContext.tsx";
import { stagePaths } from "../../session/stages.ts";
import { RecoveryCodes } from "./RecoveryCodes.tsx";

/**
 * Setting up the authenticator app: at the first login (stage "enrolment") it starts at once; a logged-in
 * user who re-enrols starts it with a button. After confirmation the recovery codes are shown, once.
 */
export function EnrolmentPage() {
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  return (
    <WithSession>
      {(session) => {
        if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} />;
        if (session.stage === "enrolment" || session.stage === "authenticated") {
          return <EnrolmentSteps firstTime={session.stage === "enrolment"} onConfirmed={setRecoveryCodes} />;
        }
        return <Navigate to={stagePaths[session.stage]} replace />;
      }}
    </WithSession>
  );
}

const FIELDS = ["code"] as const;

function groupSecret(secret: string) {
  return (secret.match(/.{1,4}/g) ?? [secret]).join(" ");
}

function EnrolmentSteps({ firstTime, onConfirmed }: { firstTime: boolean; onConfirmed: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const { setSession } = useSession();
  const [started, setStarted] = useState(firstTime);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const requested = useRef(false);

  useEffect(() => {
    // One secret per visit: React's development double-run of effects must not ask for two.
    if (!started || requested.current) return;
    requested.current = true;
    api
      .post<Enrolment>("/session/enrolment", {})
      .then(setEnrolment)
      .catch((error: unknown) => setStartError(problemMessage(error)));
  }, [started]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // No disabled button while busy: that would drop the keyboard focus. A second submit is ignored instead.
    if (busy) return;
    const normalised = code.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(normalised)) return errors.fail({ code: t("auth.enrolment.codeInvalid") });
    setBusy(true);
    try {
      const result = await api.post<EnrolmentConfirmation>("/session/enrolment/confirmation", { code: normalised });
      setSession(result.session);
      onConfirmed(result.recoveryCodes);
    } catch (error) {
      setCode("");
      errors.failWithProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="kz-narrow">
      <PageHeading>{t("auth.enrolment.title")}</PageHeading>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <Paragraph>{firstTime ? t("auth.enrolment.intro") : t("auth.enrolment.reenrolIntro")}</Paragraph>
      {!started ? (
        <ButtonGroup>
          <PrimaryActionButton onClick={() => setStarted(true)}>{t("auth.enrolment.start")}</PrimaryActionButton>
        </ButtonGroup>
      ) : null}
      {startError ? <LoadError message={startError} /> : null}
      {started && !enrolment && !startError ? <Loading /> : null}
      {enrolment ? (
        <>
          <section aria-labelledby="step1" className="kz-section">
            <Heading level={2} id="step1">{t("auth.enrolment.step1Heading")}</Heading>
            <Paragraph>{t("auth.enrolment.step1Text")}</Paragraph>
          </section>
          <section aria-labelledby="step2" className="kz-section">
            <Heading level={2} id="step2">{t("auth.enrolment.step2Heading")}</Heading>
            <Paragraph>{t("auth.enrolment.step2Text")}</Paragraph>
            <Image
              src={enrolment.qrCodeDataUrl}
              alt={t("auth.enrolment.qrAlt")}
              width={200}
              height={200}
              className="kz-qr"
            />
            <Paragraph>{t("auth.enrolment.manualText")}</Paragraph>
            <Paragraph className="kz-secret">
              <span className="kz-secret__label">{t("auth.enrolment.secretLabel")}: </span>
              <Code translate="no">{groupSecret(enrolment.secret)}</Code>
            </Paragraph>
            <Paragraph>
              <a className="utrecht-link utrecht-link--html-a" href={enrolment.otpauthUri}>
                {t("auth.enrolment.openInApp")}
              </a>
            </Paragraph>
          </section>
          <section aria-labelledby="step3" className="kz-section">
            <Heading level={2} id="step3">{t("auth.enrolment.step3Heading")}</Heading>
            <form noValidate onSubmit={(event) => void onSubmit(event)} className="kz-form">
              <TextField
                name="code"
                label={t("auth.enrolment.code")}
                description={t("auth.enrolment.codeDescription")}
                value={code}
                onChange={setCode}
                error={errors.fields.code}
                autoComplete="one-time-code"
                inputMode="numeric"
                spellCheck={false}
                maxLength={7}
                size="small"
              />
              <ButtonGroup>
                <PrimaryActionButton type="submit" busy={busy}>
                  {t("auth.enrolment.confirm")}
                </PrimaryActionButton>
              </ButtonGroup>
            </form>
          </section>
        </>
      ) : null}
    </div>
  );
}
