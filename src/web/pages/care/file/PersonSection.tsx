import { Alert, DataList, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { locale } from "../../../i18n/i18n.ts";
import { MultilineText } from "../../signals/detail/SignalContent.tsx";
import type { VictimFile } from "../types.ts";
import { useFile } from "./context.ts";
import { formatDay, languageName, useLabels } from "./labels.ts";
import { Disclosure, FileSection, Item, Marker } from "./parts.tsx";
import { ExploitationForm, PersonForm, YouthForm } from "./PersonForms.tsx";

/** Who the person is; the hit/no-hit on other files and signals says only that there is one. */
export function PersonSection({ person }: { person: NonNullable<VictimFile["person"]> }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const notRecorded = t("careFile.common.notRecorded");
  return (
    <FileSection id="person" heading={t("careFile.sections.person")}>
      {person.otherRecords ? (
        <Alert type="warning">
          <strong>{t("careFile.person.otherRecords")}</strong> {t("careFile.person.otherRecordsExplain")}
        </Alert>
      ) : null}
      <DataList appearance="rows" className="kz-data-list">
        <Item label={t("careFile.person.name")}>{person.name ?? notRecorded}</Item>
        <Item label={t("careFile.person.birthDate")}>
          {person.birthDate ? formatDay(person.birthDate) : notRecorded}
          {person.age !== null ? ` (${t("careFile.person.age", { count: person.age })})` : null}
        </Item>
        <Item label={t("careFile.person.ageGroup")}>{labels.ageGroup(person.ageGroup)}</Item>
        <Item label={t("careFile.person.gender")}>{labels.gender(person.gender)}</Item>
        <Item label={t("careFile.person.nationality")}>{person.nationality ?? notRecorded}</Item>
        <Item label={t("careFile.person.languages")}>
          {person.languages.length > 0 ? person.languages.map((l) => languageName(l, locale())).join(", ") : notRecorded}
        </Item>
        <Item label={t("careFile.person.phone")}>{person.phone ?? notRecorded}</Item>
        <Item label={t("careFile.person.contact")}>{person.contact ? <MultilineText text={person.contact} /> : notRecorded}</Item>
        <Item label={t("careFile.person.otherRecordsLabel")}>
          {person.otherRecords ? <Marker>{t("careFile.person.otherRecordsYes")}</Marker> : t("careFile.person.otherRecordsNo")}
        </Item>
      </DataList>
      {file.abilities.update ? (
        <Disclosure id="person-edit" label={t("careFile.person.edit")}>
          {(close) => <PersonForm person={person} onCancel={close} />}
        </Disclosure>
      ) : null}
    </FileSection>
  );
}

/** The forms of exploitation and how the person came into view. */
export function ExploitationSection({ exploitation }: { exploitation: NonNullable<VictimFile["exploitation"]> }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  return (
    <FileSection id="exploitation" heading={t("careFile.sections.exploitation")}>
      <DataList appearance="rows" className="kz-data-list">
        <Item label={t("careFile.exploitation.forms")}>
          {exploitation.forms.length > 0 ? labels.forms(exploitation.forms) : t("careFile.exploitation.noForms")}
        </Item>
        <Item label={t("careFile.exploitation.cameIntoView")}>
          {exploitation.cameIntoView ? <MultilineText text={exploitation.cameIntoView} /> : t("careFile.common.notRecorded")}
        </Item>
      </DataList>
      {file.abilities.update ? (
        <Disclosure id="exploitation-edit" label={t("careFile.exploitation.edit")}>
          {(close) => <ExploitationForm exploitation={exploitation} onCancel={close} />}
        </Disclosure>
      ) : null}
    </FileSection>
  );
}

/** The youth route of a minor: Veilig Thuis, youth care, the guardian, and when the person turns 18. */
export function YouthSection({ youth }: { youth: NonNullable<VictimFile["youth"]> }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const started = Boolean(youth.veiligThuisNotifiedOn || youth.youthCareProvider);
  return (
    <FileSection id="youth" heading={t("careFile.sections.youth")}>
      <Paragraph>{t("careFile.youth.intro")}</Paragraph>
      {file.minor && !started ? <Alert type="warning">{t("careFile.youth.notStarted")}</Alert> : null}
      <DataList appearance="rows" className="kz-data-list">
        <Item label={t("careFile.youth.veiligThuisNotifiedOn")}>
          {youth.veiligThuisNotifiedOn ? formatDay(youth.veiligThuisNotifiedOn) : t("careFile.youth.notNotified")}
        </Item>
        <Item label={t("careFile.youth.youthCareProvider")}>{youth.youthCareProvider?.name ?? t("careFile.common.notRecorded")}</Item>
        <Item label={t("careFile.youth.guardian")}>{youth.guardian ?? t("careFile.common.notRecorded")}</Item>
        {youth.adultOn ? <Item label={t("careFile.youth.adultOn")}>{formatDay(youth.adultOn)}</Item> : null}
      </DataList>
      {file.abilities.update ? (
        <Disclosure id="youth-edit" label={t("careFile.youth.edit")}>
          {(close) => <YouthForm youth={youth} onCancel={close} />}
        </Disclosure>
      ) : null}
    </FileSection>
  );
}
