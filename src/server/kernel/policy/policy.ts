import sql, { join, raw, type Sql } from "sql-template-tag";
import type { AuditEventInput } from "../audit.ts";
import { dutchDate } from "../dutch-time.ts";
import { AppError } from "../errors.ts";
import { grants, resources, roles, type ActionOf, type RelationOf, type Resource, type Role } from "./matrix.ts";

/**
 * The one place where Ketenzicht decides who may do what. A decision is role × organisation × relation
 * to the record × action, looked up in the matrix (matrix.ts). The same relations exist twice, once as
 * a test on one record and once as SQL for lists, side by side so that they cannot drift apart.
 */
export interface Actor {
  userId: string;
  organisationId: string;
  roles: readonly Role[];
  /** Regions the actor's organisation belongs to. */
  regionIds: readonly string[];
  /** Regions in which the actor is administrator for the whole region. */
  adminRegionIds: readonly string[];
}

/** What the policy needs to know about a record to find the actor's relation to it. */
export interface Facts {
  user: { id?: string; organisationId: string; regionIds: readonly string[] };
  organisation: { id?: string; regionIds: readonly string[] };
  region: { id: string };
  audit_event: { actorOrganisationId: string | null; ownerOrganisationId: string | null };
  signal: {
    municipalityId: string;
    municipalityRegionIds: readonly string[];
    reporterUserId: string | null;
    /** Organisations with a referral of this signal that has not been withdrawn. */
    referredOrganisationIds: readonly string[];
  };
  referral: { organisationId: string; signalMunicipalityId: string };
  indicator_catalogue: { regionId: string };
  route_settings: { municipalityId: string; regionIds: readonly string[] };
  notification: { userId: string };
  /** A monitor export job (its figures and file): who asked for it. */
  monitor_export: { requestedBy: string };
  victim_file: {
    organisationId: string;
    /** The case team members whose period includes today and whose membership has not ended. */
    activeTeam: readonly { userId: string; memberRole: "coordinator" | "partner" }[];
  };
  victim_file_transfer: { toOrganisationId: string; fileCoordinatorUserIds: readonly string[] };
  shelter_occupancy: { regionId: string };
  meeting: {
    organisationId: string;
    regionId: string;
    delegateUserIds: readonly string[];
    /** The named owners of the meeting's (not cancelled) actions. */
    actionOwnerUserIds: readonly string[];
  };
  agenda_item: {
    meetingOrganisationId: string;
    subjectType: "signal" | "victim_file";
    municipalityId: string | null;
    proposedBy: string;
    meetingInProgress: boolean;
    delegateUserIds: readonly string[];
    /** Who took on a (not cancelled) action on the item: its owner organisations and owner users. */
    actionOwnerOrganisationIds: readonly string[];
    actionOwnerUserIds: readonly string[];
  };
  conference_action: { meetingOrganisationId: string; ownerOrganisationId: string };
  administrative_measure: { municipalityId: string };
  /** A municipality's focal officers and its baseline checklist: the municipality and the regions it belongs to. */
  focal_officer_assignment: MunicipalityFacts;
  baseline: MunicipalityFacts;
  /** The municipality that keeps the plan (for a regional plan the region's central municipality), and its region. */
  implementation_plan: { ownerOrganisationId: string; regionId: string };
  training: { municipalityId: string; regionIds: readonly string[] };
  social_map_entry: { regionId: string };
  cooperation_agreement: { regionId: string };
  /** An area of the monitor: a municipality (in region `regionId`) or a region, with the region's central municipalities. */
  monitor: {
    areaKind: "municipality" | "region";
    municipalityId: string | null;
    regionId: string;
    centralMunicipalityIds: readonly string[];
  };
}

export interface MunicipalityFacts {
  municipalityId: string;
  municipalityRegionIds: readonly string[];
}

type RelationRule<R extends Resource> = {
  /** Does the actor have this relation to this record? */
  test: (actor: Actor, facts: Facts[R]) => boolean;
  /**
   * The same question as a condition on the record's table, aliased `alias`. `at` is the moment asked
   * about, for relations that hold for a period (a case team membership).
   */
  where: (actor: Actor, alias: string, at: Date) => Sql;
};

const overlaps = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));
const col = (alias: string, column: string) => raw(`${alias}.${column}`);
const memberOnTeam = (actor: Actor, fileId: Sql, memberRole: "coordinator" | "partner", at: Date) => {
  const today = dutchDate(at);
  return sql`exists (select 1 from case_team_members ctm
    where ctm.file_id = ${fileId} and ctm.user_id = ${actor.userId} and ctm.member_role = ${memberRole} and ctm.ended_at is null
      and ctm.valid_from <= ${today}::date and (ctm.valid_until is null or ctm.valid_until >= ${today}::date))`;
};
const inRegions = (alias: string, orgColumn: string, regionIds: readonly string[]) =>
  regionIds.length === 0
    ? sql`false`
    : sql`exists (select 1 from region_members rm where rm.organisation_id = ${col(alias, orgColumn)} and rm.region_id in (${join([...regionIds])}))`;

/** A record of one municipality: the actor's own, one of a region the actor's organisation is in, or of a region the actor administers. */
const municipalityRules = {
  own_municipality: {
    test: (actor: Actor, record: MunicipalityFacts) => record.municipalityId === actor.organisationId,
    where: (actor: Actor, a: string) => sql`${col(a, "municipality_id")} = ${actor.organisationId}`,
  },
  region_municipality: {
    test: (actor: Actor, record: MunicipalityFacts) => overlaps(record.municipalityRegionIds, actor.regionIds),
    where: (actor: Actor, a: string) => inRegions(a, "municipality_id", actor.regionIds),
  },
  administered_region: {
    test: (actor: Actor, record: MunicipalityFacts) => overlaps(record.municipalityRegionIds, actor.adminRegionIds),
    where: (actor: Actor, a: string) => inRegions(a, "municipality_id", actor.adminRegionIds),
  },
};

const relationRules: { [R in Resource]: Record<RelationOf<R>, RelationRule<R>> } = {
  user: {
    self: {
      test: (actor, user) => user.id === actor.userId,
      where: (actor, a) => sql`${col(a, "id")} = ${actor.userId}`,
    },
    same_organisation: {
      test: (actor, user) => user.id !== actor.userId && user.organisationId === actor.organisationId,
      where: (actor, a) => sql`(${col(a, "organisation_id")} = ${actor.organisationId} and ${col(a, "id")} <> ${actor.userId})`,
    },
    administered_region: {
      test: (actor, user) => user.id !== actor.userId && overlaps(user.regionIds, actor.adminRegionIds),
      where: (actor, a) => sql`(${col(a, "id")} <> ${actor.userId} and ${inRegions(a, "organisation_id", actor.adminRegionIds)})`,
    },
  },
  organisation: {
    own: {
      test: (actor, org) => org.id === actor.organisationId,
      where: (actor, a) => sql`${col(a, "id")} = ${actor.organisationId}`,
    },
    same_region: {
      test: (actor, org) => org.id !== actor.organisationId && overlaps(org.regionIds, actor.regionIds),
      where: (actor, a) => sql`(${col(a, "id")} <> ${actor.organisationId} and ${inRegions(a, "id", actor.regionIds)})`,
    },
    administered_region: {
      test: (actor, org) => overlaps(org.regionIds, actor.adminRegionIds),
      where: (actor, a) => inRegions(a, "id", actor.adminRegionIds),
    },
  },
  region: {
    member: {
      test: (actor, region) => actor.regionIds.includes(region.id),
      where: (actor, a) => (actor.regionIds.length ? sql`${col(a, "id")} in (${join([...actor.regionIds])})` : sql`false`),
    },
    administered: {
      test: (actor, region) => actor.adminRegionIds.includes(region.id),
      where: (actor, a) =>
        actor.adminRegionIds.length ? sql`${col(a, "id")} in (${join([...actor.adminRegionIds])})` : sql`false`,
    },
  },
  audit_event: {
    own_organisation: {
      test: (actor, event) =>
        event.actorOrganisationId === actor.organisationId || event.ownerOrganisationId === actor.organisationId,
      where: (actor, a) =>
        sql`(${col(a, "actor_organisation_id")} = ${actor.organisationId} or ${col(a, "owner_organisation_id")} = ${actor.organisationId})`,
    },
  },
  signal: {
    region_municipality: {
      test: (actor, signal) => overlaps(signal.municipalityRegionIds, actor.regionIds),
      where: (actor, a) => inRegions(a, "municipality_id", actor.regionIds),
    },
    route_municipality: {
      test: (actor, signal) => signal.municipalityId === actor.organisationId,
      where: (actor, a) => sql`${col(a, "municipality_id")} = ${actor.organisationId}`,
    },
    referred_to_organisation: {
      test: (actor, signal) => signal.referredOrganisationIds.includes(actor.organisationId),
      where: (actor, a) =>
        sql`exists (select 1 from referrals ref where ref.signal_id = ${col(a, "id")} and ref.organisation_id = ${actor.organisationId} and ref.status <> 'withdrawn')`,
    },
    reported_by_self: {
      test: (actor, signal) => signal.reporterUserId === actor.userId,
      where: (actor, a) => sql`${col(a, "reporter_user_id")} = ${actor.userId}`,
    },
  },
  referral: {
    addressed_to_organisation: {
      test: (actor, referral) => referral.organisationId === actor.organisationId,
      where: (actor, a) => sql`${col(a, "organisation_id")} = ${actor.organisationId}`,
    },
    route_municipality: {
      test: (actor, referral) => referral.signalMunicipalityId === actor.organisationId,
      where: (actor, a) =>
        sql`exists (select 1 from signals sig where sig.id = ${col(a, "signal_id")} and sig.municipality_id = ${actor.organisationId})`,
    },
  },
  indicator_catalogue: {
    member_region: {
      test: (actor, catalogue) => actor.regionIds.includes(catalogue.regionId),
      where: (actor, a) => (actor.regionIds.length ? sql`${col(a, "region_id")} in (${join([...actor.regionIds])})` : sql`false`),
    },
    administered_region: {
      test: (actor, catalogue) => actor.adminRegionIds.includes(catalogue.regionId),
      where: (actor, a) =>
        actor.adminRegionIds.length ? sql`${col(a, "region_id")} in (${join([...actor.adminRegionIds])})` : sql`false`,
    },
  },
  route_settings: {
    own_municipality: {
      test: (actor, settings) => settings.municipalityId === actor.organisationId,
      where: (actor, a) => sql`${col(a, "municipality_id")} = ${actor.organisationId}`,
    },
    administered_region: {
      test: (actor, settings) => overlaps(settings.regionIds, actor.adminRegionIds),
      where: (actor, a) => inRegions(a, "municipality_id", actor.adminRegionIds),
    },
  },
  notification: {
    self: {
      test: (actor, notification) => notification.userId === actor.userId,
      where: (actor, a) => sql`${col(a, "user_id")} = ${actor.userId}`,
    },
  },
  monitor_export: {
    requester: {
      test: (actor, job) => job.requestedBy === actor.userId,
      where: (actor, a) => sql`${col(a, "requested_by")} = ${actor.userId}`,
    },
  },
  victim_file: {
    own_organisation: {
      test: (actor, file) => file.organisationId === actor.organisationId,
      where: (actor, a) => sql`${col(a, "organisation_id")} = ${actor.organisationId}`,
    },
    case_team_coordinator: {
      test: (actor, file) => file.activeTeam.some((m) => m.userId === actor.userId && m.memberRole === "coordinator"),
      where: (actor, a, at) => memberOnTeam(actor, col(a, "id"), "coordinator", at),
    },
    case_team_partner: {
      test: (actor, file) => file.activeTeam.some((m) => m.userId === actor.userId && m.memberRole === "partner"),
      where: (actor, a, at) => memberOnTeam(actor, col(a, "id"), "partner", at),
    },
  },
  victim_file_transfer: {
    receiving_organisation: {
      test: (actor, transfer) => transfer.toOrganisationId === actor.organisationId,
      where: (actor, a) => sql`${col(a, "to_organisation_id")} = ${actor.organisationId}`,
    },
    sending_coordinator: {
      test: (actor, transfer) => transfer.fileCoordinatorUserIds.includes(actor.userId),
      where: (actor, a, at) => memberOnTeam(actor, col(a, "file_id"), "coordinator", at),
    },
  },
  meeting: {
    organiser: {
      test: (actor, meeting) => meeting.organisationId === actor.organisationId,
      where: (actor, a) => sql`${col(a, "organisation_id")} = ${actor.organisationId}`,
    },
    delegate: {
      test: (actor, meeting) => meeting.delegateUserIds.includes(actor.userId),
      where: (actor, a) => sql`exists (select 1 from meeting_participants mp where mp.meeting_id = ${col(a, "id")} and mp.user_id = ${actor.userId})`,
    },
    region_member: {
      test: (actor, meeting) => actor.regionIds.includes(meeting.regionId),
      where: (actor, a) => (actor.regionIds.length ? sql`${col(a, "region_id")} in (${join([...actor.regionIds])})` : sql`false`),
    },
    action_owner: {
      test: (actor, meeting) => meeting.actionOwnerUserIds.includes(actor.userId),
      where: (actor, a) => sql`exists (select 1 from conference_actions ca join agenda_items ai on ai.id = ca.item_id
        where ai.meeting_id = ${col(a, "id")} and ca.status <> 'cancelled' and ca.owner_user_id = ${actor.userId})`,
    },
  },
  agenda_item: {
    organiser: {
      test: (actor, item) => item.meetingOrganisationId === actor.organisationId,
      where: (actor, a) => sql`exists (select 1 from meetings m where m.id = ${col(a, "meeting_id")} and m.organisation_id = ${actor.organisationId})`,
    },
    subject_municipality: {
      test: (actor, item) => item.subjectType === "signal" && item.municipalityId === actor.organisationId,
      where: (actor, a) => sql`(${col(a, "subject_type")} = 'signal' and ${col(a, "municipality_id")} = ${actor.organisationId})`,
    },
    proposed_by_self: {
      test: (actor, item) => item.proposedBy === actor.userId,
      where: (actor, a) => sql`${col(a, "proposed_by")} = ${actor.userId}`,
    },
    delegate_during: {
      test: (actor, item) => item.meetingInProgress && item.delegateUserIds.includes(actor.userId),
      where: (actor, a) => sql`exists (select 1 from meetings m join meeting_participants mp on mp.meeting_id = m.id
        where m.id = ${col(a, "meeting_id")} and m.status = 'in_progress' and mp.user_id = ${actor.userId})`,
    },
    action_owner: {
      test: (actor, item) =>
        item.actionOwnerOrganisationIds.includes(actor.organisationId) &&
        (item.actionOwnerUserIds.includes(actor.userId) || item.delegateUserIds.includes(actor.userId)),
      where: (actor, a) => sql`exists (select 1 from conference_actions ca
        where ca.item_id = ${col(a, "id")} and ca.status <> 'cancelled' and ca.owner_organisation_id = ${actor.organisationId}
          and (ca.owner_user_id = ${actor.userId}
               or exists (select 1 from meeting_participants mp where mp.meeting_id = ${col(a, "meeting_id")} and mp.user_id = ${actor.userId})))`,
    },
  },
  conference_action: {
    organiser: {
      test: (actor, action) => action.meetingOrganisationId === actor.organisationId,
      where: (actor, a) => sql`exists (select 1 from agenda_items ai join meetings m on m.id = ai.meeting_id
        where ai.id = ${col(a, "item_id")} and m.organisation_id = ${actor.organisationId})`,
    },
    owner_organisation: {
      test: (actor, action) => action.ownerOrganisationId === actor.organisationId,
      where: (actor, a) => sql`${col(a, "owner_organisation_id")} = ${actor.organisationId}`,
    },
  },
  administrative_measure: {
    own_municipality: {
      test: (actor, measure) => measure.municipalityId === actor.organisationId,
      where: (actor, a) => sql`${col(a, "municipality_id")} = ${actor.organisationId}`,
    },
  },
  training: {
    own_municipality: {
      test: (actor, training) => training.municipalityId === actor.organisationId,
      where: (actor, a) => sql`${col(a, "municipality_id")} = ${actor.organisationId}`,
    },
    administered_region: {
      test: (actor, training) => overlaps(training.regionIds, actor.adminRegionIds),
      where: (actor, a) => inRegions(a, "municipality_id", actor.adminRegionIds),
    },
  },
  social_map_entry: {
    member_region: {
      test: (actor, entry) => actor.regionIds.includes(entry.regionId),
      where: (actor, a) => (actor.regionIds.length ? sql`${col(a, "region_id")} in (${join([...actor.regionIds])})` : sql`false`),
    },
  },
  cooperation_agreement: {
    member_region: {
      test: (actor, agreement) => actor.regionIds.includes(agreement.regionId),
      where: (actor, a) => (actor.regionIds.length ? sql`${col(a, "region_id")} in (${join([...actor.regionIds])})` : sql`false`),
    },
  },
  implementation_plan: {
    managing_municipality: {
      test: (actor, plan) => plan.ownerOrganisationId === actor.organisationId,
      where: (actor, a) => sql`${col(a, "owner_organisation_id")} = ${actor.organisationId}`,
    },
    region_member: {
      test: (actor, plan) => actor.regionIds.includes(plan.regionId),
      where: (actor, a) => (actor.regionIds.length ? sql`${col(a, "region_id")} in (${join([...actor.regionIds])})` : sql`false`),
    },
  },
  focal_officer_assignment: municipalityRules,
  baseline: municipalityRules,
  // As SQL on a table of area figures (region_id; municipality_id null for the region's own, as monitor_historic_figures).
  monitor: {
    own_municipality: {
      test: (actor, area) => area.areaKind === "municipality" && area.municipalityId === actor.organisationId,
      where: (actor, a) => sql`${col(a, "municipality_id")} = ${actor.organisationId}`,
    },
    member_region: {
      test: (actor, area) => actor.regionIds.includes(area.regionId),
      where: (actor, a) => (actor.regionIds.length ? sql`${col(a, "region_id")} in (${join([...actor.regionIds])})` : sql`false`),
    },
    region_central_municipality: {
      test: (actor, area) => area.areaKind === "region" && area.centralMunicipalityIds.includes(actor.organisationId),
      where: (actor, a) => sql`(${col(a, "municipality_id")} is null and exists (select 1 from region_members rm join organisations o on o.id = rm.organisation_id
        where rm.region_id = ${col(a, "region_id")} and o.id = ${actor.organisationId} and o.is_central_municipality))`,
    },
  },
  shelter_occupancy: {
    member_region: {
      test: (actor, occupancy) => actor.regionIds.includes(occupancy.regionId),
      where: (actor, a) => (actor.regionIds.length ? sql`${col(a, "region_id")} in (${join([...actor.regionIds])})` : sql`false`),
    },
  },
};

export function relationsTo<R extends Resource>(actor: Actor, resource: R, facts: Facts[R]): RelationOf<R>[] {
  const rules = relationRules[resource] as Record<string, RelationRule<R>>;
  return (resources[resource].relations as readonly RelationOf<R>[]).filter((relation) => rules[relation]!.test(actor, facts));
}

/** The first of the actor's roles that grants the action on this record, or null when none does. */
export function grantingRole<R extends Resource>(actor: Actor, action: ActionOf<R>, resource: R, facts: Facts[R]): Role | null {
  const relations = relationsTo(actor, resource, facts) as string[];
  for (const role of actor.roles) {
    const granted = grants.some(
      (g) => g.resource === resource && g.roles.includes(role) && relations.includes(g.relation) && (g.actions as readonly string[]).includes(action),
    );
    if (granted) return role;
  }
  return null;
}

export function can<R extends Resource>(actor: Actor, action: ActionOf<R>, resource: R, facts: Facts[R]): boolean {
  return grantingRole(actor, action, resource, facts) !== null;
}

/**
 * An access that the policy refused. It answers 404 when the actor may not even read the record (so its
 * existence does not leak) and 403 when they may see it but not do this; the error handler writes the
 * attached audit event in a transaction of its own.
 */
export class AccessDenied extends AppError {
  constructor(
    status: 403 | 404,
    readonly audit: Omit<AuditEventInput, "clientAddress">,
  ) {
    super(
      status,
      status === 404 ? "not_found" : "forbidden",
      status === 404 ? "Niet gevonden" : "Geen toestemming",
      status === 404
        ? "Het gevraagde gegeven bestaat niet of u heeft er geen toegang toe."
        : "U heeft geen toestemming voor deze handeling.",
    );
  }
}

export interface AuthorizeOptions {
  objectId?: string;
  ownerOrganisationId?: string;
  dataSubjectRef?: string;
}

/** Allows the action or throws AccessDenied. Returns the role the actor acts in, for the audit event. */
export function authorize<R extends Resource>(
  actor: Actor,
  action: ActionOf<R>,
  resource: R,
  facts: Facts[R],
  options: AuthorizeOptions = {},
): Role {
  const role = grantingRole(actor, action, resource, facts);
  if (role) return role;
  const visible = action !== "read" && can(actor, "read" as ActionOf<R>, resource, facts);
  throw new AccessDenied(visible ? 403 : 404, {
    actor: { userId: actor.userId, organisationId: actor.organisationId, role: actor.roles[0] ?? null },
    action: "access_denied",
    objectType: resource,
    objectId: options.objectId,
    ownerOrganisationId: options.ownerOrganisationId,
    dataSubjectRef: options.dataSubjectRef,
    result: "denied",
    details: { attempted: action },
  });
}

/**
 * The SQL condition that selects exactly the records the actor may `action` (usually "list"), for a table
 * aliased `alias`, at the moment `at` (the kernel's clock). No grant means `false`: deny by default.
 */
export function accessFilter<R extends Resource>(actor: Actor, action: ActionOf<R>, resource: R, alias: string, at: Date = new Date()): Sql {
  const rules = relationRules[resource] as Record<string, RelationRule<R>>;
  const relations = new Set(
    grants
      .filter(
        (g) => g.resource === resource && (g.actions as readonly string[]).includes(action) && g.roles.some((r) => actor.roles.includes(r)),
      )
      .map((g) => g.relation as string),
  );
  if (relations.size === 0) return sql`false`;
  return sql`(${join([...relations].map((relation) => rules[relation]!.where(actor, alias, at)), " or ")})`;
}

/** Which actions the actor has on some record of each resource: what the UI may offer in menus. */
export function abilities(actor: Actor): Record<string, boolean> {
  const result: Record<string, boolean> = {};
  for (const resource of Object.keys(resources) as Resource[]) {
    for (const action of resources[resource].actions) {
      result[`${resource}.${action}`] = grants.some(
        (g) =>
          g.resource === resource &&
          g.relation !== "self" &&
          (g.actions as readonly string[]).includes(action) &&
          g.roles.some((r) => actor.roles.includes(r)),
      );
    }
  }
  return result;
}

/** The actor's abilities on one record, sent with it so the UI never re-implements a rule. */
export function recordAbilities<R extends Resource>(actor: Actor, resource: R, facts: Facts[R]): Record<string, boolean> {
  return Object.fromEntries(
    (resources[resource].actions as readonly ActionOf<R>[]).map((action) => [action, can(actor, action, resource, facts)]),
  );
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}


/**
 * Nobody hands out more than they hold: region administration can be given only by an administrator of
 * that region. (Changing one's own roles is already excluded: "self" grants nothing but read.)
 */
export function authorizeRegionAdministration(actor: Actor, regionIds: readonly string[]): void {
  const beyond = regionIds.filter((id) => !actor.adminRegionIds.includes(id));
  if (beyond.length > 0) {
    throw new AccessDenied(403, {
      actor: { userId: actor.userId, organisationId: actor.organisationId, role: actor.roles[0] ?? null },
      action: "access_denied",
      objectType: "region",
      objectId: beyond[0],
      result: "denied",
      details: { attempted: "grant_region_administration" },
    });
  }
}

/** The role an actor acts in for a list or search: the first of their roles with a grant for it. */
export function actingRole<R extends Resource>(actor: Actor, action: ActionOf<R>, resource: R): Role | null {
  return (
    actor.roles.find((role) =>
      grants.some((g) => g.resource === resource && g.roles.includes(role) && (g.actions as readonly string[]).includes(action)),
    ) ?? null
  );
}
