import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  Alert,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import type { SessionUser, User } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Confirmation, LoadError, Loading } from "../../components/Status.tsx";
import { formatDateTime, formatList } from "../../i18n/format.ts";
import { useSession } from "../../session/SessionContext.tsx";
import { useAdminScope } from "./scope.ts";
import { UserEditForm } from "./UserEditForm.tsx";
import { UserStatusActions } from "./UserStatusActions.tsx";

function flashOf(state: unknown): string | null {
  return state && typeof state === "object" && "flash" in state && typeof state.flash === "string" ? state.flash : null;
}

/** One user: details, name and roles, (de)activation, each shown only if the record's abilities allow. */
export function UserDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const { session, can } = useSession();
  const scope = useAdminScope(session?.user as SessionUser);
  const loaded = useLoad(() => api.get<User>(`/users/${encodeURIComponent(id)}`), id);
  const [user, setUser] = useState<User | null>(null);
  const [flash] = useState<string | null>(flashOf(location.state));
  const current = user && user.id === id ? user : loaded.data;

  const regionNames = (ids: string[]) =>
    formatList(ids.map((regionId) => scope.regionsById.get(regionId)?.name ?? regionId));

  return (
    <>
      <PageHeading title={current?.displayName ?? t("admin.userDetail.titleFallback")}>
        {current?.displayName ?? t("admin.userDetail.titleFallback")}
      </PageHeading>
      <Paragraph>
        <AppLink to="/beheer/gebruikers">{t("admin.userDetail.backToList")}</AppLink>
      </Paragraph>
      <Confirmation message={flash} />
      {loaded.error ? <LoadError message={loaded.error} /> : null}
      {loaded.loading && !current ? <Loading /> : null}
      {current ? (
        <>
          {!current.active ? <Alert type="warning">{t("admin.userDetail.inactiveNotice")}</Alert> : null}
          <section aria-labelledby="details-heading" className="kz-section">
            <Heading level={2} id="details-heading">{t("admin.userDetail.detailsHeading")}</Heading>
            <DataList appearance="rows" className="kz-data-list">
              <Item label={t("admin.users.email")} value={current.email} />
              <Item label={t("admin.users.organisation")} value={current.organisationName} />
              <Item label={t("admin.users.roles")} value={formatList(current.roles.map((role) => t(`roles.${role}`)))} />
              {current.regionAdministratorOf.length > 0 ? (
                <Item label={t("admin.users.regionAdmin")} value={regionNames(current.regionAdministratorOf)} />
              ) : null}
              <Item label={t("admin.users.status")} value={current.active ? t("common.active") : t("common.inactive")} />
              <Item label={t("admin.users.secondFactor")} value={current.secondFactorEnrolled ? t("common.yes") : t("common.no")} />
              <Item label={t("admin.users.lastLogin")} value={current.lastLoginAt ? formatDateTime(current.lastLoginAt) : t("common.never")} />
              <Item label={t("admin.users.created")} value={formatDateTime(current.createdAt)} />
            </DataList>
            {can("audit_event.list") ? (
              <Paragraph>
                <AppLink to={`/audit/persoon/${current.id}`}>{t("admin.userDetail.auditLink")}</AppLink>
              </Paragraph>
            ) : null}
          </section>
          {current.abilities.update ? (
            <UserEditForm key={current.id} user={current} scope={scope} onSaved={setUser} />
          ) : null}
          {current.abilities.deactivate ? <UserStatusActions user={current} onChanged={setUser} /> : null}
        </>
      ) : null}
    </>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{value}</DataListValue>
    </DataListItem>
  );
}
