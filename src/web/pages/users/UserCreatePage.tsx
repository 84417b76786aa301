import { ButtonGroup, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../api/client.ts";
import type { Role, SessionUser, User } from "../../api/types.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { isBlank, useFormErrors, type FieldErrors } from "../../components/useFormErrors.ts";
import { useSession } from "../../session/SessionContext.tsx";
import { RoleFields, roleErrors } from "./RoleFields.tsx";
import { regionsFor, useAdminScope } from "./scope.ts";

const FIELDS = ["email", "displayName", "organisationId", "roles", "regionAdministratorOf", "password"] as const;

export function UserCreatePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const actor = session?.user as SessionUser;
  const scope = useAdminScope(actor);
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [organisationId, setOrganisationId] = useState(actor.organisation.id);
  const [roleValues, setRoleValues] = useState<Role[]>([]);
  const [regionValues, setRegionValues] = useState<string[]>([]);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS, {
    email: t("admin.userForm.email"),
    displayName: t("admin.userForm.displayName"),
    organisationId: t("admin.userForm.organisation"),
    roles: t("admin.userForm.roles"),
    regionAdministratorOf: t("admin.userForm.regionAdmin"),
    password: t("admin.userForm.password"),
  });
  const regions = regionsFor(organisationId, scope.administeredRegions);
  // A region can only be administered by someone in one of its organisations: choices for regions of
  // another organisation (picked before the organisation changed) do not count.
  const regionAdministratorOf = regionValues.filter((id) => regions.some((region) => region.id === id));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // No disabled button while busy: that would drop the keyboard focus. A second submit is ignored instead.
    if (busy) return;
    const invalid: FieldErrors = { ...roleErrors(t, roleValues, regionAdministratorOf) };
    if (isBlank(email)) invalid.email = t("errors.required", { field: t("admin.userForm.emailField") });
    if (isBlank(displayName)) invalid.displayName = t("errors.required", { field: t("admin.userForm.displayNameField") });
    if (!organisationId) invalid.organisationId = t("errors.required", { field: t("admin.userForm.organisationField") });
    if (password.length === 0) invalid.password = t("errors.required", { field: t("admin.userForm.passwordField") });
    if (Object.keys(invalid).length > 0) return errors.fail(invalid);
    setBusy(true);
    try {
      const created = await api.post<User>("/users", {
        email: email.trim(),
        displayName: displayName.trim(),
        organisationId,
        roles: roleValues,
        ...(regions.length > 0 ? { regionAdministratorOf } : {}),
        password,
      });
      navigate(`/beheer/gebruikers/${created.id}`, {
        state: { flash: t("admin.userForm.created", { name: created.displayName }) },
      });
    } catch (error) {
      errors.failWithProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="kz-narrow">
      <PageHeading>{t("admin.userForm.createTitle")}</PageHeading>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <Paragraph>{t("admin.userForm.createIntro")}</Paragraph>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="kz-form">
        <TextField name="email" type="email" label={t("admin.userForm.email")} value={email} onChange={setEmail} error={errors.fields.email} autoComplete="off" spellCheck={false} />
        <TextField
          name="displayName"
          label={t("admin.userForm.displayName")}
          description={t("admin.userForm.displayNameDescription")}
          value={displayName}
          onChange={setDisplayName}
          error={errors.fields.displayName}
          autoComplete="off"
        />
        {scope.managedOrganisations.length > 1 ? (
          <SelectField
            name="organisationId"
            label={t("admin.userForm.organisation")}
            value={organisationId}
            onChange={setOrganisationId}
            options={scope.managedOrganisations.map((o) => ({ value: o.id, label: o.name }))}
            error={errors.fields.organisationId}
          />
        ) : (
          <Paragraph>
            <strong>{t("admin.userForm.organisation")}:</strong> {actor.organisation.name}
          </Paragraph>
        )}
        <RoleFields
          roleValues={roleValues}
          onRolesChange={setRoleValues}
          rolesError={errors.fields.roles}
          regions={regions}
          regionValues={regionAdministratorOf}
          onRegionsChange={setRegionValues}
          regionsError={errors.fields.regionAdministratorOf}
        />
        <TextField
          name="password"
          type="password"
          label={t("admin.userForm.password")}
          description={t("admin.userForm.passwordDescription")}
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
          autoComplete="new-password"
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy}>
            {t("admin.userForm.create")}
          </PrimaryActionButton>
          <AppLink to="/beheer/gebruikers">{t("common.cancel")}</AppLink>
        </ButtonGroup>
      </form>
    </div>
  );
}
