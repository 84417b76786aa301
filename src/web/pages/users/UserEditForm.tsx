import { ButtonGroup, Heading, PrimaryActionButton } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import type { Role, User } from "../../api/types.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { Confirmation } from "../../components/Status.tsx";
import { TextField } from "../../components/fields.tsx";
import { isBlank, useFormErrors, type FieldErrors } from "../../components/useFormErrors.ts";
import { RoleFields, roleErrors } from "./RoleFields.tsx";
import { regionsFor, type useAdminScope } from "./scope.ts";

const FIELDS = ["displayName", "roles", "regionAdministratorOf"] as const;

interface Props {
  user: User;
  scope: ReturnType<typeof useAdminScope>;
  onSaved: (user: User) => void;
}

export function UserEditForm({ user, scope, onSaved }: Props) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roleValues, setRoleValues] = useState<Role[]>(user.roles);
  const [regionValues, setRegionValues] = useState<string[]>(user.regionAdministratorOf);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors(FIELDS, {
    displayName: t("admin.userForm.displayName"),
    roles: t("admin.userForm.roles"),
    regionAdministratorOf: t("admin.userForm.regionAdmin"),
  });
  const regions = regionsFor(user.organisationId, scope.administeredRegions);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // No disabled button while busy: that would drop the keyboard focus. A second submit is ignored instead.
    if (busy) return;
    const invalid: FieldErrors = { ...roleErrors(t, roleValues, regionValues) };
    if (isBlank(displayName)) invalid.displayName = t("errors.required", { field: t("admin.userForm.displayNameField") });
    setSaved(false);
    if (Object.keys(invalid).length > 0) return errors.fail(invalid);
    setBusy(true);
    try {
      // Only regions the actor administers are theirs to change; the others stay as they are.
      const untouchable = user.regionAdministratorOf.filter((id) => !regions.some((region) => region.id === id));
      const result = await api.patch<User>(`/users/${encodeURIComponent(user.id)}`, {
        displayName: displayName.trim(),
        roles: roleValues,
        ...(regions.length > 0 ? { regionAdministratorOf: [...untouchable, ...regionValues.filter((id) => !untouchable.includes(id))] } : {}),
      });
      errors.clear();
      setSaved(true);
      onSaved(result);
    } catch (error) {
      errors.failWithProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="edit-heading" className="kz-section kz-narrow">
      <Heading level={2} id="edit-heading">{t("admin.userDetail.editHeading")}</Heading>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="kz-form">
        <TextField name="displayName" label={t("admin.userForm.displayName")} value={displayName} onChange={setDisplayName} error={errors.fields.displayName} autoComplete="off" />
        <RoleFields
          roleValues={roleValues}
          onRolesChange={setRoleValues}
          rolesError={errors.fields.roles}
          regions={regions}
          regionValues={regionValues.filter((id) => regions.some((region) => region.id === id))}
          onRegionsChange={setRegionValues}
          regionsError={errors.fields.regionAdministratorOf}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy}>
            {t("common.save")}
          </PrimaryActionButton>
        </ButtonGroup>
        <Confirmation message={saved ? t("admin.userDetail.saved") : null} />
      </form>
    </section>
  );
}
