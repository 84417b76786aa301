import { Alert, ButtonGroup, Paragraph, PrimaryActionButton, SecondaryActionButton } from "@utrecht/component-library-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { CheckboxField, fieldId } from "../../components/fields.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { useFormErrors } from "../../components/useFormErrors.ts";

const FIELDS = ["saved"] as const;

/** The recovery codes, shown once; the user confirms they saved them before going on. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [saved, setSaved] = useState(false);
  const [status, setStatus] = useState("");
  const errors = useFormErrors(FIELDS);

  // The page changed without a route change: bring the focus to its new heading.
  useEffect(() => {
    document.querySelector<HTMLElement>("main h1")?.focus();
  }, []);

  const text = codes.join("\n");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t("auth.enrolment.copied"));
    } catch {
      setStatus("");
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([`Ketenzicht\n\n${text}\n`], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = t("auth.enrolment.downloadFile");
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!saved) return errors.fail({ saved: t("auth.enrolment.savedRequired") });
    navigate("/", { replace: true });
  };

  return (
    <div className="kz-narrow">
      <PageHeading>{t("auth.enrolment.recoveryTitle")}</PageHeading>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <Alert type="warning">{t("auth.enrolment.recoveryWarning")}</Alert>
      <Paragraph>{t("auth.enrolment.recoveryExplain")}</Paragraph>
      <ol className="kz-recovery-codes" aria-label={t("auth.enrolment.recoveryListLabel")} translate="no">
        {codes.map((code) => (
          <li key={code}>
            <code className="utrecht-code">{code}</code>
          </li>
        ))}
      </ol>
      <ButtonGroup className="kz-no-print">
        <SecondaryActionButton type="button" onClick={() => void copy()}>
          {t("auth.enrolment.copy")}
        </SecondaryActionButton>
        <SecondaryActionButton type="button" onClick={download}>
          {t("auth.enrolment.download")}
        </SecondaryActionButton>
        <SecondaryActionButton type="button" onClick={() => window.print()}>
          {t("auth.enrolment.print")}
        </SecondaryActionButton>
      </ButtonGroup>
      <p role="status" className="kz-status">
        {status}
      </p>
      <form noValidate onSubmit={onSubmit} className="kz-form kz-no-print">
        <CheckboxField
          id={fieldId("saved")}
          name="saved"
          label={t("auth.enrolment.saved")}
          checked={saved}
          onChange={setSaved}
          error={errors.fields.saved}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit">{t("auth.enrolment.continue")}</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </div>
  );
}
