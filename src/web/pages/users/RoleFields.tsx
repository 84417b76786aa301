import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { roles, type Region, type Role } from "../../api/types.ts";
import { CheckboxGroup } from "../../components/fields.tsx";

interface RoleFieldsProps {
  roleValues: Role[];
  onRolesChange: (roles: Role[]) => void;
  rolesError?: string | undefined;
  /** Regions the actor administers and this user could administer; no fieldset when empty. */
  regions: Region[];
  regionValues: string[];
  onRegionsChange: (regionIds: string[]) => void;
  regionsError?: string | undefined;
}

/** Roles as checkboxes, and "region administrator" per region the actor administers. */
export function RoleFields(props: RoleFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <CheckboxGroup
        name="roles"
        legend={t("admin.userForm.roles")}
        description={t("admin.userForm.rolesDescription")}
        options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        values={props.roleValues}
        onChange={(values) => props.onRolesChange(values as Role[])}
        error={props.rolesError}
      />
      {props.regions.length > 0 ? (
        <CheckboxGroup
          name="regionAdministratorOf"
          legend={t("admin.userForm.regionAdmin")}
          description={t("admin.userForm.regionAdminDescription")}
          options={props.regions.map((region) => ({
            value: region.id,
            label: t("admin.userForm.regionAdminOption", { region: region.name }),
          }))}
          values={props.regionValues}
          onChange={props.onRegionsChange}
          error={props.regionsError}
        />
      ) : null}
    </>
  );
}

/** The checks both the create and the edit form make before asking the server. */
export function roleErrors(
  t: TFunction,
  roleValues: Role[],
  regionValues: string[],
) {
  const errors: { roles?: string; regionAdministratorOf?: string } = {};
  if (roleValues.length === 0) errors.roles = t("errors.chooseOne", { field: t("admin.userForm.rolesField") });
  if (regionValues.length > 0 && !roleValues.includes("administrator")) {
    errors.regionAdministratorOf = t("admin.userForm.regionAdminNeedsAdministrator");
  }
  return errors;
}
