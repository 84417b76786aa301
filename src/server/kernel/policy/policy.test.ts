import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { grants, resources, roles, type Resource, type Role } from "./matrix.ts";
import { abilities, accessFilter, actingRole, authorize, AccessDenied, can, relationsTo, type Actor, type Facts } from "./policy.ts";

/**
 * Generated from the matrix: for every resource × relation × role × action, an actor holding only that
 * role meets a record to which it has exactly that relation; `can` must say yes exactly when a grant lists it.
 */
const ME = "00000000-0000-4000-8000-000000000001";
const MY_ORG = "00000000-0000-4000-8000-0000000000a1";
const MY_REGION = "00000000-0000-4000-8000-0000000000b1";
const OTHER = "00000000-0000-4000-8000-000000000002";
const OTHER_ORG = "00000000-0000-4000-8000-0000000000a2";
const FAR_ORG = "00000000-0000-4000-8000-0000000000a3";
const FAR_REGION = "00000000-0000-4000-8000-0000000000b2";
const ADMIN_REGION = "00000000-0000-4000-8000-0000000000b3";
const ADMIN_ORG = "00000000-0000-4000-8000-0000000000a4";

function actor(role: Role, adminRegionIds: string[] = []): Actor {
  return { userId: ME, organisationId: MY_ORG, roles: [role], regionIds: [MY_REGION], adminRegionIds };
}

interface Case {
  actor: Actor;
  facts: unknown;
}

/** An agenda item to which the actor has no relation: another organisation's meeting, not in progress, someone else's. */
const item: Facts["agenda_item"] = {
  meetingOrganisationId: FAR_ORG,
  subjectType: "signal",
  municipalityId: OTHER_ORG,
  proposedBy: OTHER,
  meetingInProgress: false,
  delegateUserIds: [],
  actionOwnerOrganisationIds: [],
  actionOwnerUserIds: [],
};

/** An actor and a record with exactly the one relation named. Region administration only for its relation. */
function exactly(resource: Resource, relation: string, role: Role): Case {
  const key = `${resource}.${relation}`;
  switch (key) {
    case "user.self":
      return { actor: actor(role), facts: { id: ME, organisationId: MY_ORG, regionIds: [MY_REGION] } satisfies Facts["user"] };
    case "user.same_organisation":
      return { actor: actor(role), facts: { id: OTHER, organisationId: MY_ORG, regionIds: [MY_REGION] } satisfies Facts["user"] };
    case "user.administered_region":
      // A user of an organisation elsewhere, in a region the actor administers (not the actor's own region).
      return { actor: actor(role, [ADMIN_REGION]), facts: { id: OTHER, organisationId: ADMIN_ORG, regionIds: [ADMIN_REGION] } satisfies Facts["user"] };
    case "organisation.own":
      return { actor: { ...actor(role), regionIds: [] }, facts: { id: MY_ORG, regionIds: [] } satisfies Facts["organisation"] };
    case "organisation.same_region":
      return { actor: actor(role), facts: { id: OTHER_ORG, regionIds: [MY_REGION] } satisfies Facts["organisation"] };
    case "organisation.administered_region":
      return { actor: actor(role, [ADMIN_REGION]), facts: { id: ADMIN_ORG, regionIds: [ADMIN_REGION] } satisfies Facts["organisation"] };
    case "region.member":
      return { actor: actor(role), facts: { id: MY_REGION } satisfies Facts["region"] };
    case "region.administered":
      // Administered but the actor's organisation is not a member of it.
      return { actor: actor(role, [ADMIN_REGION]), facts: { id: ADMIN_REGION } satisfies Facts["region"] };
    case "audit_event.own_organisation":
      return { actor: actor(role), facts: { actorOrganisationId: MY_ORG, ownerOrganisationId: null } satisfies Facts["audit_event"] };
    case "signal.region_municipality":
      // A signal of another municipality in the actor's region, not referred to the actor's organisation.
      return { actor: actor(role), facts: { municipalityId: OTHER_ORG, municipalityRegionIds: [MY_REGION], reporterUserId: OTHER, referredOrganisationIds: [] } satisfies Facts["signal"] };
    case "signal.route_municipality":
      return { actor: { ...actor(role), regionIds: [] }, facts: { municipalityId: MY_ORG, municipalityRegionIds: [FAR_REGION], reporterUserId: OTHER, referredOrganisationIds: [] } satisfies Facts["signal"] };
    case "signal.referred_to_organisation":
      return { actor: actor(role), facts: { municipalityId: FAR_ORG, municipalityRegionIds: [FAR_REGION], reporterUserId: OTHER, referredOrganisationIds: [MY_ORG] } satisfies Facts["signal"] };
    case "signal.reported_by_self":
      return { actor: actor(role), facts: { municipalityId: FAR_ORG, municipalityRegionIds: [FAR_REGION], reporterUserId: ME, referredOrganisationIds: [] } satisfies Facts["signal"] };
    case "referral.addressed_to_organisation":
      return { actor: actor(role), facts: { organisationId: MY_ORG, signalMunicipalityId: OTHER_ORG } satisfies Facts["referral"] };
    case "referral.route_municipality":
      return { actor: actor(role), facts: { organisationId: OTHER_ORG, signalMunicipalityId: MY_ORG } satisfies Facts["referral"] };
    case "indicator_catalogue.member_region":
      return { actor: actor(role), facts: { regionId: MY_REGION } satisfies Facts["indicator_catalogue"] };
    case "indicator_catalogue.administered_region":
      return { actor: actor(role, [ADMIN_REGION]), facts: { regionId: ADMIN_REGION } satisfies Facts["indicator_catalogue"] };
    case "route_settings.own_municipality":
      return { actor: { ...actor(role), regionIds: [] }, facts: { municipalityId: MY_ORG, regionIds: [] } satisfies Facts["route_settings"] };
    case "route_settings.administered_region":
      return { actor: actor(role, [ADMIN_REGION]), facts: { municipalityId: ADMIN_ORG, regionIds: [ADMIN_REGION] } satisfies Facts["route_settings"] };
    case "notification.self":
      return { actor: actor(role), facts: { userId: ME } satisfies Facts["notification"] };
    case "victim_file.own_organisation":
      // A file of the actor's organisation on whose case team the actor is not.
      return { actor: actor(role), facts: { organisationId: MY_ORG, activeTeam: [{ userId: OTHER, memberRole: "coordinator" }] } satisfies Facts["victim_file"] };
    case "victim_file.case_team_coordinator":
      return { actor: actor(role), facts: { organisationId: FAR_ORG, activeTeam: [{ userId: ME, memberRole: "coordinator" }] } satisfies Facts["victim_file"] };
    case "victim_file.case_team_partner":
      return { actor: actor(role), facts: { organisationId: FAR_ORG, activeTeam: [{ userId: OTHER, memberRole: "coordinator" }, { userId: ME, memberRole: "partner" }] } satisfies Facts["victim_file"] };
    case "victim_file_transfer.receiving_organisation":
      return { actor: actor(role), facts: { toOrganisationId: MY_ORG, fileCoordinatorUserIds: [OTHER] } satisfies Facts["victim_file_transfer"] };
    case "victim_file_transfer.sending_coordinator":
      return { actor: actor(role), facts: { toOrganisationId: FAR_ORG, fileCoordinatorUserIds: [ME] } satisfies Facts["victim_file_transfer"] };
    case "shelter_occupancy.member_region":
      return { actor: actor(role), facts: { regionId: MY_REGION } satisfies Facts["shelter_occupancy"] };
    case "meeting.organiser":
      return { actor: { ...actor(role), regionIds: [] }, facts: { organisationId: MY_ORG, regionId: FAR_REGION, delegateUserIds: [], actionOwnerUserIds: [] } satisfies Facts["meeting"] };
    case "meeting.delegate":
      return { actor: actor(role), facts: { organisationId: FAR_ORG, regionId: FAR_REGION, delegateUserIds: [ME], actionOwnerUserIds: [] } satisfies Facts["meeting"] };
    case "meeting.region_member":
      return { actor: actor(role), facts: { organisationId: OTHER_ORG, regionId: MY_REGION, delegateUserIds: [OTHER], actionOwnerUserIds: [OTHER] } satisfies Facts["meeting"] };
    case "meeting.action_owner":
      // Named owner of an action on one of its items, without being a delegate.
      return { actor: actor(role), facts: { organisationId: FAR_ORG, regionId: FAR_REGION, delegateUserIds: [OTHER], actionOwnerUserIds: [ME] } satisfies Facts["meeting"] };
    case "agenda_item.organiser":
      return { actor: actor(role), facts: { ...item, meetingOrganisationId: MY_ORG } satisfies Facts["agenda_item"] };
    case "agenda_item.subject_municipality":
      return { actor: actor(role), facts: { ...item, municipalityId: MY_ORG } satisfies Facts["agenda_item"] };
    case "agenda_item.proposed_by_self":
      return { actor: actor(role), facts: { ...item, subjectType: "victim_file", municipalityId: null, proposedBy: ME } satisfies Facts["agenda_item"] };
    case "agenda_item.delegate_during":
      return { actor: actor(role), facts: { ...item, meetingInProgress: true, delegateUserIds: [ME] } satisfies Facts["agenda_item"] };
    case "agenda_item.action_owner":
      // After the meeting: the actor's organisation took on an action, and the actor was its delegate.
      return { actor: actor(role), facts: { ...item, delegateUserIds: [ME], actionOwnerOrganisationIds: [MY_ORG] } satisfies Facts["agenda_item"] };
    case "conference_action.organiser":
      return { actor: actor(role), facts: { meetingOrganisationId: MY_ORG, ownerOrganisationId: OTHER_ORG } satisfies Facts["conference_action"] };
    case "conference_action.owner_organisation":
      return { actor: actor(role), facts: { meetingOrganisationId: FAR_ORG, ownerOrganisationId: MY_ORG } satisfies Facts["conference_action"] };
    case "administrative_measure.own_municipality":
      return { actor: actor(role), facts: { municipalityId: MY_ORG } satisfies Facts["administrative_measure"] };
    case "implementation_plan.managing_municipality":
      return { actor: { ...actor(role), regionIds: [] }, facts: { ownerOrganisationId: MY_ORG, regionId: FAR_REGION } satisfies Facts["implementation_plan"] };
    case "implementation_plan.region_member":
      return { actor: actor(role), facts: { ownerOrganisationId: OTHER_ORG, regionId: MY_REGION } satisfies Facts["implementation_plan"] };
    case "training.own_municipality":
      return { actor: actor(role), facts: { municipalityId: MY_ORG, regionIds: [MY_REGION] } satisfies Facts["training"] };
    case "training.administered_region":
      return { actor: actor(role, [ADMIN_REGION]), facts: { municipalityId: ADMIN_ORG, regionIds: [ADMIN_REGION] } satisfies Facts["training"] };
    case "social_map_entry.member_region":
      return { actor: actor(role), facts: { regionId: MY_REGION } satisfies Facts["social_map_entry"] };
    case "cooperation_agreement.member_region":
      return { actor: actor(role), facts: { regionId: MY_REGION } satisfies Facts["cooperation_agreement"] };
    case "monitor.own_municipality":
      return { actor: { ...actor(role), regionIds: [] }, facts: { areaKind: "municipality", municipalityId: MY_ORG, regionId: FAR_REGION, centralMunicipalityIds: [] } satisfies Facts["monitor"] };
    case "monitor.member_region":
      return { actor: actor(role), facts: { areaKind: "municipality", municipalityId: OTHER_ORG, regionId: MY_REGION, centralMunicipalityIds: [MY_ORG] } satisfies Facts["monitor"] };
    case "monitor.region_central_municipality":
      // The actor's municipality is the central municipality of a region its organisation is not (yet) listed in.
      return { actor: { ...actor(role), regionIds: [] }, facts: { areaKind: "region", municipalityId: null, regionId: FAR_REGION, centralMunicipalityIds: [MY_ORG] } satisfies Facts["monitor"] };
    case "monitor_export.requester":
      return { actor: actor(role), facts: { requestedBy: ME } satisfies Facts["monitor_export"] };
    case "focal_officer_assignment.own_municipality":
    case "baseline.own_municipality":
      return { actor: { ...actor(role), regionIds: [] }, facts: { municipalityId: MY_ORG, municipalityRegionIds: [FAR_REGION] } satisfies Facts["baseline"] };
    case "focal_officer_assignment.region_municipality":
    case "baseline.region_municipality":
      return { actor: actor(role), facts: { municipalityId: OTHER_ORG, municipalityRegionIds: [MY_REGION] } satisfies Facts["baseline"] };
    case "focal_officer_assignment.administered_region":
    case "baseline.administered_region":
      return { actor: actor(role, [ADMIN_REGION]), facts: { municipalityId: ADMIN_ORG, municipalityRegionIds: [ADMIN_REGION] } satisfies Facts["baseline"] };
    default:
      throw new Error(`no fixture for relation ${key}: add one when the matrix grows`);
  }
}

/** The same role in another organisation in another region: no relation at all. */
function stranger(resource: Resource, role: Role): Case {
  const far: Actor = { userId: OTHER, organisationId: FAR_ORG, roles: [role], regionIds: [FAR_REGION], adminRegionIds: [FAR_REGION] };
  const facts: Record<Resource, unknown> = {
    user: { id: ME, organisationId: MY_ORG, regionIds: [MY_REGION] },
    organisation: { id: MY_ORG, regionIds: [MY_REGION] },
    region: { id: MY_REGION },
    audit_event: { actorOrganisationId: MY_ORG, ownerOrganisationId: MY_ORG },
    signal: { municipalityId: MY_ORG, municipalityRegionIds: [MY_REGION], reporterUserId: ME, referredOrganisationIds: [MY_ORG] },
    referral: { organisationId: MY_ORG, signalMunicipalityId: MY_ORG },
    indicator_catalogue: { regionId: MY_REGION },
    route_settings: { municipalityId: MY_ORG, regionIds: [MY_REGION] },
    notification: { userId: ME },
    victim_file: { organisationId: MY_ORG, activeTeam: [{ userId: ME, memberRole: "coordinator" }] },
    victim_file_transfer: { toOrganisationId: MY_ORG, fileCoordinatorUserIds: [ME] },
    shelter_occupancy: { regionId: MY_REGION },
    meeting: { organisationId: MY_ORG, regionId: MY_REGION, delegateUserIds: [ME], actionOwnerUserIds: [ME] },
    agenda_item: { ...item, meetingOrganisationId: MY_ORG, municipalityId: MY_ORG, proposedBy: ME, meetingInProgress: true, delegateUserIds: [ME], actionOwnerOrganisationIds: [MY_ORG], actionOwnerUserIds: [ME] },
    conference_action: { meetingOrganisationId: MY_ORG, ownerOrganisationId: MY_ORG },
    administrative_measure: { municipalityId: MY_ORG },
    focal_officer_assignment: { municipalityId: MY_ORG, municipalityRegionIds: [MY_REGION] },
    baseline: { municipalityId: MY_ORG, municipalityRegionIds: [MY_REGION] },
    implementation_plan: { ownerOrganisationId: MY_ORG, regionId: MY_REGION },
    training: { municipalityId: MY_ORG, regionIds: [MY_REGION] },
    social_map_entry: { regionId: MY_REGION },
    cooperation_agreement: { regionId: MY_REGION },
    monitor: { areaKind: "municipality", municipalityId: MY_ORG, regionId: MY_REGION, centralMunicipalityIds: [MY_ORG] },
    monitor_export: { requestedBy: ME },
  };
  return { actor: far, facts: facts[resource] };
}

const granted = (resource: Resource, relation: string, role: Role, action: string) =>
  grants.some((g) => g.resource === resource && g.relation === relation && g.roles.includes(role) && (g.actions as readonly string[]).includes(action));

type AnyCan = (actor: Actor, action: string, resource: Resource, facts: unknown) => boolean;
const canAny = can as unknown as AnyCan;

describe("policy: every matrix cell, generated from the grants", () => {
  for (const resource of Object.keys(resources) as Resource[]) {
    const { relations, actions } = resources[resource];
    for (const relation of relations) {
      describe(`${resource} with relation ${relation}`, () => {
        it("the fixture has exactly that relation", () => {
          for (const role of roles) {
            const c = exactly(resource, relation, role);
            assert.deepEqual(relationsTo(c.actor, resource, c.facts as never), [relation]);
          }
        });
        for (const role of roles) {
          it(`${role}: ${actions.map((a) => `${a}=${granted(resource, relation, role, a) ? "yes" : "no"}`).join(" ")}`, () => {
            const c = exactly(resource, relation, role);
            for (const action of actions) {
              assert.equal(canAny(c.actor, action, resource, c.facts), granted(resource, relation, role, action), `${role} ${action} ${resource} (${relation})`);
            }
          });
        }
      });
    }
    it(`${resource}: the same role in another organisation and region is denied everything`, () => {
      for (const role of roles) {
        const c = stranger(resource, role);
        assert.deepEqual(relationsTo(c.actor, resource, c.facts as never), []);
        for (const action of actions) assert.equal(canAny(c.actor, action, resource, c.facts), false, `${role} ${action} ${resource}`);
      }
    });
  }

  it("every grant names a relation and actions its resource has", () => {
    for (const g of grants) {
      assert.ok((resources[g.resource].relations as readonly string[]).includes(g.relation), `${g.resource}.${g.relation}`);
      for (const a of g.actions) assert.ok((resources[g.resource].actions as readonly string[]).includes(a), `${g.resource}:${a}`);
    }
  });

  it("grants no change on oneself: nobody changes their own roles or deactivates themselves", () => {
    for (const role of roles) {
      const c = exactly("user", "self", role);
      assert.equal(canAny(c.actor, "read", "user", c.facts), true);
      for (const action of ["update", "deactivate", "create"]) assert.equal(canAny(c.actor, action, "user", c.facts), false, `${role} ${action}`);
    }
  });

  it("an administrator of a region does not manage themselves through the region", () => {
    const a = actor("administrator", [MY_REGION]);
    assert.deepEqual(relationsTo(a, "user", { id: ME, organisationId: MY_ORG, regionIds: [MY_REGION] }), ["self"]);
    assert.equal(can(a, "deactivate", "user", { id: ME, organisationId: MY_ORG, regionIds: [MY_REGION] }), false);
  });
});

describe("policy: authorize answers 404 when the record is not readable and 403 when it is", () => {
  it("403 for a readable record, 404 for an unreadable one, with an access_denied event", () => {
    const a = actor("reporter");
    const colleague: Facts["user"] = { id: OTHER, organisationId: MY_ORG, regionIds: [MY_REGION] };
    const self: Facts["user"] = { id: ME, organisationId: MY_ORG, regionIds: [MY_REGION] };
    assert.equal(authorize(a, "read", "user", self), "reporter");
    const denied = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        assert.ok(error instanceof AccessDenied);
        return error;
      }
      assert.fail("expected AccessDenied");
    };
    const forbidden = denied(() => authorize(a, "update", "user", self, { objectId: ME }));
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.audit.action, "access_denied");
    assert.equal(forbidden.audit.result, "denied");
    assert.deepEqual(forbidden.audit.details, { attempted: "update" });
    const hidden = denied(() => authorize(a, "update", "user", colleague, { objectId: OTHER, dataSubjectRef: `user:${OTHER}` }));
    assert.equal(hidden.status, 404);
    assert.equal(hidden.audit.dataSubjectRef, `user:${OTHER}`);
  });
});

describe("policy: accessFilter, the same rules as SQL", () => {
  for (const resource of Object.keys(resources) as Resource[]) {
    for (const action of resources[resource].actions) {
      const listers = roles.filter((role) => grants.some((g) => g.resource === resource && g.roles.includes(role) && (g.actions as readonly string[]).includes(action)));
      it(`${resource}.${action}: false for roles without a grant (${roles.filter((r) => !listers.includes(r)).join(", ") || "none"})`, () => {
        for (const role of roles) {
          const filter = accessFilter(actor(role, [ADMIN_REGION]), action as never, resource, "x");
          if (listers.includes(role)) {
            assert.notEqual(filter.text.trim(), "false", `${role} should get a condition`);
            assert.match(filter.text, /\bx\./, `${role}: the condition uses the alias`);
          } else {
            assert.equal(filter.text.trim(), "false", `${role} should get false`);
            assert.deepEqual(filter.values, []);
          }
        }
      });
    }
  }

  it("keeps values as parameters, never in the SQL text", () => {
    const filter = accessFilter(actor("administrator", [ADMIN_REGION]), "list", "user", "u");
    assert.ok(!filter.text.includes(ME));
    assert.ok(filter.values.includes(ME));
    assert.ok(filter.values.includes(ADMIN_REGION));
  });

  it("an actor without roles gets false for everything", () => {
    const none: Actor = { ...actor("reporter"), roles: [] };
    for (const resource of Object.keys(resources) as Resource[]) {
      for (const action of resources[resource].actions) assert.equal(accessFilter(none, action as never, resource, "x").text, "false");
    }
  });
});

describe("policy: abilities and acting role", () => {
  it("abilities ignore self-grants and follow the matrix", () => {
    const reporter = abilities(actor("reporter"));
    assert.equal(reporter["user.read"], false);
    assert.equal(reporter["organisation.list"], true);
    assert.equal(reporter["audit_event.list"], false);
    const privacy = abilities(actor("privacy_officer"));
    assert.equal(privacy["audit_event.list"], true);
    assert.equal(privacy["user.update"], false);
    const admin = abilities(actor("administrator"));
    assert.equal(admin["user.deactivate"], true);
    assert.equal(admin["organisation.create"], true);
  });

  it("the acting role is the first role with a grant for the action", () => {
    const both: Actor = { ...actor("reporter"), roles: ["reporter", "privacy_officer"] };
    assert.equal(actingRole(both, "list", "audit_event"), "privacy_officer");
    assert.equal(actingRole(actor("reporter"), "list", "audit_event"), null);
  });
});
