import { Heading, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import type { Ability, Region, Role, Session, SessionUser } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { formatList } from "../../i18n/format.ts";
import { useSession } from "../../session/SessionContext.tsx";
import { VICTIM_FILE_CREATE, VICTIM_FILE_LIST } from "../care/types.ts";

type TileKey = "care" | "files" | "users" | "organisations" | "audit";

const tiles: { key: TileKey; to: string; ability: Ability }[] = [
  { key: "care", to: "/zorg", ability: VICTIM_FILE_CREATE },
  { key: "files", to: "/zorg/dossiers", ability: VICTIM_FILE_LIST },
  { key: "users", to: "/beheer/gebruikers", ability: "user.list" },
  { key: "organisations", to: "/beheer/organisaties", ability: "organisation.list" },
  { key: "audit", to: "/audit", ability: "audit_event.list" },
];

/** The start page: who you are here, what you can do now, and what is coming for your roles. */
export function HomePage() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const user = (session as Session).user as SessionUser;
  const available = tiles.filter((tile) => can(tile.ability));

  return (
    <>
      <PageHeading>{t("home.title", { name: user.displayName })}</PageHeading>
      <Paragraph appearance="lead">
        {t("home.intro", { organisation: user.organisation.name, type: t(`organisationTypes.${user.organisation.type}`) })}
      </Paragraph>

      <section aria-labelledby="roles-heading" className="kz-section">
        <Heading level={2} id="roles-heading">{t("home.rolesHeading")}</Heading>
        <UnorderedList>
          {user.roles.map((role) => (
            <UnorderedListItem key={role}>{t(`roles.${role}`)}</UnorderedListItem>
          ))}
        </UnorderedList>
        {user.regionAdministratorOf.length > 0 ? <RegionAdministrator regionIds={user.regionAdministratorOf} /> : null}
      </section>

      {available.length > 0 ? (
        <section aria-labelledby="tasks-heading" className="kz-section">
          <Heading level={2} id="tasks-heading">{t("home.tasksHeading")}</Heading>
          <ul className="kz-tiles">
            {available.map((tile) => (
              <li key={tile.key} className="kz-tile">
                <Heading level={3} className="kz-tile__title">
                  <AppLink to={tile.to} className="kz-tile__link">
                    {t(`home.${tile.key}Tile`)}
                  </AppLink>
                </Heading>
                <Paragraph>{t(`home.${tile.key}TileText`)}</Paragraph>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="coming-heading" className="kz-section">
        <Heading level={2} id="coming-heading">{t("home.comingHeading")}</Heading>
        <Paragraph>{t("home.comingIntro")}</Paragraph>
        <UnorderedList>
          {user.roles.map((role: Role) => (
            <UnorderedListItem key={role}>
              <strong>{t(`roles.${role}`)}:</strong> {t(`home.coming.${role}`)}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </section>

      <section aria-labelledby="account-heading" className="kz-section">
        <Heading level={2} id="account-heading">{t("home.accountHeading")}</Heading>
        <Paragraph>{user.secondFactorEnrolled ? t("home.secondFactorOn") : t("home.secondFactorOff")}</Paragraph>
        <Paragraph>
          <AppLink to="/inloggen/tweede-factor-instellen">{t("home.reenrol")}</AppLink>
        </Paragraph>
      </section>
    </>
  );
}

function RegionAdministrator({ regionIds }: { regionIds: string[] }) {
  const { t } = useTranslation();
  const regions = useLoad(() => api.get<{ items: Region[] }>("/regions"), "regions");
  const names = regionIds.map((id) => regions.data?.items.find((region) => region.id === id)?.name).filter(Boolean) as string[];
  if (names.length === 0) return null;
  return <Paragraph>{t("home.regionAdmin", { regions: formatList(names) })}</Paragraph>;
}
