import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../../components/fields.tsx";
import { isBlank, type FieldErrors } from "../../../components/useFormErrors.ts";
import { meetingKinds, type MeetingKind } from "../types.ts";
import { dutchIso } from "./time.ts";
import { lowerFirst, useConferenceLabels } from "./labels.ts";
import { InputField } from "./parts.tsx";

/**
 * The fields of a meeting, shared by planning one (MeetingsPage) and changing one while it is planned. The
 * date and times are Dutch time; one date, since a meeting lasts at most twelve hours and rarely runs past
 * midnight (an end time before the start time is refused here).
 */
export interface MeetingDraft {
  kind: MeetingKind | "";
  title: string;
  date: string;
  start: string;
  end: string;
  location: string;
  videoLink: string;
}

export const emptyDraft: MeetingDraft = { kind: "", title: "", date: "", start: "", end: "", location: "", videoLink: "" };

const suffixes = ["Kind", "Title", "Date", "Start", "End", "Location", "VideoLink"] as const;
/** The form's field ids: `${prefix}Kind`, …; the same order as on the screen, for the error summary. */
export const meetingFieldNames = (prefix: string) => suffixes.map((s) => `${prefix}${s}`);
/** The API's field names onto the form's. */
export const meetingRename = (prefix: string): Record<string, string> => ({
  kind: `${prefix}Kind`, title: `${prefix}Title`, startsAt: `${prefix}Start`, endsAt: `${prefix}End`, location: `${prefix}Location`, videoLink: `${prefix}VideoLink`,
});

export function meetingFieldLabels(t: TFunction, prefix: string): Record<string, string> {
  return {
    [`${prefix}Kind`]: t("conferences.plan.kind"),
    [`${prefix}Title`]: t("conferences.plan.title"),
    [`${prefix}Date`]: t("conferences.plan.date"),
    [`${prefix}Start`]: t("conferences.plan.startTime"),
    [`${prefix}End`]: t("conferences.plan.endTime"),
    [`${prefix}Location`]: t("conferences.plan.location"),
    [`${prefix}VideoLink`]: t("conferences.plan.videoLink"),
  };
}

/** Client-side checks; `withKind` for planning (the kind of a meeting does not change). */
export function checkMeeting(t: TFunction, prefix: string, draft: MeetingDraft, withKind: boolean): FieldErrors {
  const labels = meetingFieldLabels(t, prefix);
  const label = (s: (typeof suffixes)[number]) => lowerFirst(labels[`${prefix}${s}`] ?? "");
  const time = (value: string, s: "Start" | "End") => (/^\d{2}:\d{2}$/.test(value) ? undefined : t("conferences.plan.errors.time", { field: label(s) }));
  const startError = time(draft.start, "Start");
  const endError = time(draft.end, "End") ?? (!startError && draft.end <= draft.start ? t("conferences.plan.errors.endBeforeStart") : undefined);
  const link = draft.videoLink.trim();
  return {
    [`${prefix}Kind`]: withKind && !draft.kind ? t("conferences.meeting.errors.choose", { field: label("Kind") }) : undefined,
    [`${prefix}Title`]: isBlank(draft.title) ? t("conferences.meeting.errors.text", { field: label("Title") }) : undefined,
    [`${prefix}Date`]: /^\d{4}-\d{2}-\d{2}$/.test(draft.date) ? undefined : t("conferences.meeting.errors.date", { field: label("Date") }),
    [`${prefix}Start`]: startError,
    [`${prefix}End`]: endError,
    [`${prefix}VideoLink`]: link && !/^https:\/\/\S+$/i.test(link) ? t("conferences.plan.errors.videoLink") : undefined,
  };
}

/** The start and end as the API wants them: ISO 8601 with the Dutch offset. */
export function meetingTimes(draft: MeetingDraft): { startsAt: string; endsAt: string } {
  return { startsAt: dutchIso(draft.date, draft.start) ?? "", endsAt: dutchIso(draft.date, draft.end) ?? "" };
}

interface Props {
  prefix: string;
  draft: MeetingDraft;
  set: (change: Partial<MeetingDraft>) => void;
  errors: Partial<Record<string, string>>;
  withKind: boolean;
}

export function MeetingFields({ prefix, draft, set, errors, withKind }: Props) {
  const { t } = useTranslation();
  const labels = useConferenceLabels();
  const l = meetingFieldLabels(t, prefix);
  const name = (s: (typeof suffixes)[number]) => `${prefix}${s}`;
  return (
    <>
      {withKind ? (
        <SelectField
          name={name("Kind")}
          label={l[name("Kind")]}
          value={draft.kind}
          onChange={(kind) => set({ kind: meetingKinds.find((k) => k === kind) ?? "" })}
          placeholder={t("conferences.plan.chooseKind")}
          options={meetingKinds.map((k) => ({ value: k, label: labels.kind(k) }))}
          error={errors[name("Kind")]}
        />
      ) : null}
      <TextField
        name={name("Title")}
        label={l[name("Title")]}
        description={t("conferences.plan.titleDescription")}
        value={draft.title}
        onChange={(title) => set({ title })}
        error={errors[name("Title")]}
        maxLength={200}
      />
      <TextField name={name("Date")} type="date" label={l[name("Date")]} value={draft.date} onChange={(date) => set({ date })} error={errors[name("Date")]} size="small" />
      <div className="kz-meeting-times">
        <InputField
          name={name("Start")}
          type="time"
          label={l[name("Start")] ?? ""}
          description={t("conferences.plan.timeDescription")}
          value={draft.start}
          onChange={(start) => set({ start })}
          error={errors[name("Start")]}
          size="small"
        />
        <InputField
          name={name("End")}
          type="time"
          label={l[name("End")] ?? ""}
          description={t("conferences.plan.timeDescription")}
          value={draft.end}
          onChange={(end) => set({ end })}
          error={errors[name("End")]}
          size="small"
        />
      </div>
      <TextField
        name={name("Location")}
        label={l[name("Location")]}
        description={t("conferences.plan.locationDescription")}
        value={draft.location}
        onChange={(location) => set({ location })}
        error={errors[name("Location")]}
        optional
        maxLength={300}
      />
      <InputField
        name={name("VideoLink")}
        type="url"
        inputMode="url"
        label={l[name("VideoLink")] ?? ""}
        description={t("conferences.plan.videoLinkDescription")}
        value={draft.videoLink}
        onChange={(videoLink) => set({ videoLink })}
        error={errors[name("VideoLink")]}
        optional
        maxLength={500}
      />
    </>
  );
}

/** Someone who may chair a meeting of the organiser or be its secretary: GET /meeting-organisers. */
export interface Organiser {
  userId: string;
  name: string | null;
}

interface OrganiserProps {
  prefix: string;
  /** The organisation's conference chairs; before they are loaded, at least the current chair. */
  organisers: Organiser[];
  chair: string;
  secretary: string;
  setChair: (userId: string) => void;
  setSecretary: (userId: string) => void;
  errors: Partial<Record<string, string>>;
}

/** The chair and the (optional) secretary: both conference chairs of the organising organisation, not the same person. */
export function OrganiserFields({ prefix, organisers, chair, secretary, setChair, setSecretary, errors }: OrganiserProps) {
  const { t } = useTranslation();
  const nameOf = (p: Organiser) => p.name ?? t("conferences.meeting.participants.unnamed");
  const option = (p: Organiser) => ({ value: p.userId, label: nameOf(p) });
  return (
    <>
      <SelectField
        name={`${prefix}Chair`}
        label={t("conferences.plan.chair")}
        description={t("conferences.plan.chairDescription")}
        value={chair}
        onChange={(userId) => {
          setChair(userId);
          // The new chair cannot also be the secretary.
          if (userId === secretary) setSecretary("");
        }}
        options={organisers.map(option)}
        error={errors[`${prefix}Chair`]}
      />
      <SelectField
        name={`${prefix}Secretary`}
        label={t("conferences.plan.secretary")}
        description={t("conferences.plan.secretaryDescription")}
        value={secretary}
        onChange={setSecretary}
        placeholder={t("conferences.plan.chooseSecretary")}
        options={organisers.filter((p) => p.userId !== chair).map(option)}
        error={errors[`${prefix}Secretary`]}
        optional
      />
    </>
  );
}
