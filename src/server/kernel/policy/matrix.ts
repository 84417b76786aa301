/**
 * The access matrix of Ketenzicht as data: role × relation to the record × action.
 * Everything not listed here is denied. policy.ts decides with it, the list queries filter with it, the
 * UI receives abilities computed from it, and the access-matrix tests are generated from it.
 */
export const roles = [
  "reporter",
  "focal_officer",
  "care_coordinator",
  "partner",
  "conference_chair",
  "policy_officer",
  "privacy_officer",
  "administrator",
] as const;
export type Role = (typeof roles)[number];

/**
 * Roles that see personal data or the audit trail log in with a second factor. A reporter sees only their
 * own signals and a policy officer only aggregates, so for them the second factor is optional.
 */
export const secondFactorRequired: Record<Role, boolean> = {
  reporter: false,
  focal_officer: true,
  care_coordinator: true,
  partner: true,
  conference_chair: true,
  policy_officer: false,
  privacy_officer: true,
  administrator: true,
};

export const resources = {
  user: {
    actions: ["read", "list", "create", "update", "deactivate"],
    relations: ["self", "same_organisation", "administered_region"],
  },
  organisation: {
    actions: ["read", "list", "create", "update"],
    relations: ["own", "same_region", "administered_region"],
  },
  region: {
    actions: ["read", "list", "update"],
    relations: ["member", "administered"],
  },
  audit_event: {
    actions: ["read", "list"],
    relations: ["own_organisation"],
  },
  signal: {
    actions: [
      "create", "read", "list", "read_own", "list_own",
      "record", "enrich", "assess", "refer", "inform", "close", "merge", "reopen", "bring_to_conference",
    ],
    relations: ["region_municipality", "route_municipality", "referred_to_organisation", "reported_by_self"],
  },
  referral: {
    actions: ["read", "list", "create", "withdraw", "respond", "give_feedback"],
    relations: ["addressed_to_organisation", "route_municipality"],
  },
  indicator_catalogue: {
    actions: ["read", "update"],
    relations: ["member_region", "administered_region"],
  },
  route_settings: {
    actions: ["read", "update"],
    relations: ["own_municipality", "administered_region"],
  },
  notification: {
    actions: ["read", "list", "update"],
    relations: ["self"],
  },
  victim_file: {
    actions: ["create", "read", "list", "update", "manage_team", "record_consent", "transition", "transfer", "export", "bring_to_conference"],
    relations: ["own_organisation", "case_team_coordinator", "case_team_partner"],
  },
  victim_file_transfer: {
    actions: ["read", "list", "respond", "withdraw"],
    relations: ["receiving_organisation", "sending_coordinator"],
  },
  shelter_occupancy: {
    actions: ["read"],
    relations: ["member_region"],
  },
  meeting: {
    actions: ["read", "list", "create", "update", "run", "admit", "minutes"],
    relations: ["organiser", "delegate", "region_member", "action_owner"],
  },
  agenda_item: {
    actions: ["read", "withdraw", "admit", "record"],
    relations: ["organiser", "subject_municipality", "proposed_by_self", "delegate_during", "action_owner"],
  },
  conference_action: {
    actions: ["read", "list", "update"],
    relations: ["organiser", "owner_organisation"],
  },
  administrative_measure: {
    actions: ["read", "list", "create", "update"],
    relations: ["own_municipality"],
  },
  focal_officer_assignment: {
    actions: ["read", "list", "create", "update", "end"],
    relations: ["own_municipality", "region_municipality", "administered_region"],
  },
  baseline: {
    actions: ["read", "list", "attest"],
    relations: ["own_municipality", "region_municipality", "administered_region"],
  },
  training: {
    actions: ["read", "list", "manage", "read_coverage"],
    relations: ["own_municipality", "administered_region"],
  },
  implementation_plan: {
    actions: ["read", "list", "create", "update", "report"],
    relations: ["managing_municipality", "region_member"],
  },
  social_map_entry: {
    actions: ["read", "list", "create", "update"],
    relations: ["member_region"],
  },
  cooperation_agreement: {
    actions: ["read", "list", "create", "update"],
    relations: ["member_region"],
  },
  // The monitor: counts of an area (a municipality, a region), never a record.
  // A monitor export job: its progress and its file, for the one who asked for it.
  monitor_export: {
    actions: ["read"],
    relations: ["requester"],
  },
  monitor: {
    actions: ["read", "read_exact", "export", "import_history"],
    relations: ["own_municipality", "member_region", "region_central_municipality"],
  },
} as const;

export type Resource = keyof typeof resources;
export type ActionOf<R extends Resource> = (typeof resources)[R]["actions"][number];
export type RelationOf<R extends Resource> = (typeof resources)[R]["relations"][number];

export interface Grant<R extends Resource = Resource> {
  resource: R;
  relation: RelationOf<R>;
  roles: readonly Role[];
  actions: readonly ActionOf<R>[];
  why: string;
}

const everyone = roles;

function grant<R extends Resource>(g: Grant<R>): Grant<R> {
  return g;
}

export const grants: readonly Grant[] = [
  // Users. "self" only reads and lists: nobody changes their own roles or deactivates themselves.
  grant({ resource: "user", relation: "self", roles: everyone, actions: ["read", "list"], why: "everyone sees their own account" }),
  grant({ resource: "user", relation: "same_organisation", roles: ["administrator"], actions: ["read", "list", "create", "update", "deactivate"], why: "an administrator manages the users of their own organisation" }),
  grant({ resource: "user", relation: "administered_region", roles: ["administrator"], actions: ["read", "list", "create", "update", "deactivate"], why: "a region administrator manages the users of the region's organisations" }),
  grant({ resource: "user", relation: "same_organisation", roles: ["privacy_officer"], actions: ["read", "list"], why: "a privacy officer looks up colleagues in the audit trail" }),

  // Organisations: everyone sees who takes part in their regions.
  grant({ resource: "organisation", relation: "own", roles: everyone, actions: ["read", "list"], why: "everyone sees their own organisation" }),
  grant({ resource: "organisation", relation: "same_region", roles: everyone, actions: ["read", "list"], why: "the chain partners of a region know each other" }),
  grant({ resource: "organisation", relation: "own", roles: ["administrator"], actions: ["update"], why: "an administrator keeps their organisation's settings" }),
  grant({ resource: "organisation", relation: "administered_region", roles: ["administrator"], actions: ["read", "list", "create", "update"], why: "a region administrator adds and keeps the region's organisations" }),

  // Regions.
  grant({ resource: "region", relation: "member", roles: everyone, actions: ["read", "list"], why: "everyone sees the regions their organisation belongs to" }),
  grant({ resource: "region", relation: "administered", roles: ["administrator"], actions: ["read", "list", "update"], why: "a region administrator keeps the region" }),

  // The audit trail: the privacy officer of an organisation sees what its people did and what was done with its records.
  grant({ resource: "audit_event", relation: "own_organisation", roles: ["privacy_officer"], actions: ["read", "list"], why: "the privacy officer supervises their organisation's processing" }),

  // Signals. Anyone in a region may report to one of its municipalities; the reporter sees only the status
  // and the feedback meant for them; the municipality's focal officer runs the route; a partner sees a
  // signal only through a referral to their organisation (no referral, no access).
  grant({ resource: "signal", relation: "region_municipality", roles: everyone, actions: ["create"], why: "every employee in the region can pass on a signal" }),
  grant({ resource: "signal", relation: "reported_by_self", roles: everyone, actions: ["read_own", "list_own"], why: "a reporter follows what became of their own signals" }),
  grant({ resource: "signal", relation: "route_municipality", roles: ["focal_officer"], actions: ["read", "list", "record", "enrich", "assess", "refer", "inform", "close", "merge", "reopen", "bring_to_conference"], why: "the focal officer runs the municipality's reporting route" }),
  grant({ resource: "signal", relation: "referred_to_organisation", roles: ["partner", "care_coordinator"], actions: ["read", "list"], why: "a partner sees the shared part of a signal referred to their organisation" }),

  // Referrals.
  grant({ resource: "referral", relation: "route_municipality", roles: ["focal_officer"], actions: ["read", "list", "create", "withdraw"], why: "the focal officer refers signals to partners and chases their feedback" }),
  grant({ resource: "referral", relation: "addressed_to_organisation", roles: ["partner", "care_coordinator"], actions: ["read", "list", "respond", "give_feedback"], why: "a partner accepts or declines a referral and reports back" }),

  // The indicator catalogue: read by everyone in the region, kept by its administrators.
  grant({ resource: "indicator_catalogue", relation: "member_region", roles: everyone, actions: ["read"], why: "everyone reporting in the region uses its catalogue" }),
  grant({ resource: "indicator_catalogue", relation: "administered_region", roles: ["administrator"], actions: ["read", "update"], why: "a region administrator keeps the catalogue" }),

  // Route settings (deadlines, population register) of a municipality.
  grant({ resource: "route_settings", relation: "own_municipality", roles: ["focal_officer"], actions: ["read"], why: "the focal officer works to the municipality's deadlines" }),
  grant({ resource: "route_settings", relation: "own_municipality", roles: ["administrator"], actions: ["read", "update"], why: "an administrator keeps the municipality's route settings" }),
  grant({ resource: "route_settings", relation: "administered_region", roles: ["administrator"], actions: ["read", "update"], why: "a region administrator keeps the route settings of the region's municipalities" }),

  // Notifications are personal.
  grant({ resource: "notification", relation: "self", roles: everyone, actions: ["read", "list", "update"], why: "everyone reads and dismisses their own notifications" }),

  // Victim files. Only the case team sees a file: its coordinators run the trajectory; a partner user added
  // for one purpose and a period reads the parts that purpose needs (care/purposes.ts), nothing else.
  grant({ resource: "victim_file", relation: "own_organisation", roles: ["care_coordinator"], actions: ["create"], why: "a care coordinator opens files in their own organisation" }),
  grant({
    resource: "victim_file",
    relation: "case_team_coordinator",
    roles: ["care_coordinator"],
    actions: ["read", "list", "update", "manage_team", "record_consent", "transition", "transfer", "export", "bring_to_conference"],
    why: "the coordinators on the case team run the care trajectory",
  }),
  grant({ resource: "victim_file", relation: "case_team_partner", roles: ["partner", "focal_officer", "care_coordinator", "conference_chair"], actions: ["read", "list"], why: "a partner on the case team reads the parts of the file its purpose needs" }),

  // Transfers of a file to another region's care coordination: the receiver sees the handover, not the file.
  grant({ resource: "victim_file_transfer", relation: "receiving_organisation", roles: ["care_coordinator"], actions: ["read", "list", "respond"], why: "the receiving region's care coordinator accepts or declines a transfer" }),
  grant({ resource: "victim_file_transfer", relation: "sending_coordinator", roles: ["care_coordinator"], actions: ["read", "list", "withdraw"], why: "the file's coordinators follow and may withdraw their transfer" }),

  // Case conferences. The organising organisation's chairs and secretaries run its meetings; invited delegates
  // read the meeting; the region's focal officers and care coordinators see which meetings there are, to
  // bring a signal or file in. An agenda item's shared part is read by the organisers, by whoever brought it
  // in, by delegates only while the meeting is in progress, and afterwards only by an organisation that took
  // on an action on it.
  grant({ resource: "meeting", relation: "organiser", roles: ["conference_chair"], actions: ["read", "list", "create", "update", "run", "admit", "minutes"], why: "the chair and secretary plan and run their organisation's meetings" }),
  grant({ resource: "meeting", relation: "delegate", roles: ["partner", "focal_officer", "care_coordinator", "conference_chair"], actions: ["read", "list", "minutes"], why: "an invited delegate sees the meeting and their organisation's minutes" }),
  grant({ resource: "meeting", relation: "region_member", roles: ["focal_officer", "care_coordinator"], actions: ["read", "list"], why: "focal officers and coordinators choose a meeting of their region to bring a case in" }),
  grant({ resource: "meeting", relation: "action_owner", roles: ["partner", "focal_officer", "care_coordinator", "conference_chair"], actions: ["read", "list"], why: "the named owner of an action reaches the item they act on through its meeting" }),
  grant({ resource: "agenda_item", relation: "organiser", roles: ["conference_chair"], actions: ["read", "admit", "record"], why: "the chair admits items and records notes, decisions and actions" }),
  grant({ resource: "agenda_item", relation: "subject_municipality", roles: ["focal_officer"], actions: ["read", "withdraw"], why: "the municipality's focal officer follows the signals brought in" }),
  grant({ resource: "agenda_item", relation: "proposed_by_self", roles: ["focal_officer", "care_coordinator"], actions: ["read", "withdraw"], why: "whoever brought an item in follows it" }),
  grant({ resource: "agenda_item", relation: "delegate_during", roles: ["partner", "focal_officer", "care_coordinator", "conference_chair"], actions: ["read"], why: "participants see an item while they take part in the meeting" }),
  grant({ resource: "agenda_item", relation: "action_owner", roles: ["partner", "focal_officer", "care_coordinator", "conference_chair"], actions: ["read"], why: "an organisation that took on an action keeps the item it acts on" }),
  grant({ resource: "conference_action", relation: "organiser", roles: ["conference_chair"], actions: ["read", "list", "update"], why: "the chair follows up every action of their meetings" }),
  grant({ resource: "conference_action", relation: "owner_organisation", roles: ["partner", "focal_officer", "care_coordinator", "conference_chair"], actions: ["read", "list", "update"], why: "an organisation carries out and reports its own actions" }),
  grant({ resource: "administrative_measure", relation: "own_municipality", roles: ["focal_officer"], actions: ["read", "list", "create", "update"], why: "the focal officer keeps the municipality's register of measures against locations and businesses" }),

  // The social map: everyone in a region looks up who offers what; the people who refer and coordinate keep it,
  // and they also keep the region's cooperation agreements and covenants (no signal or victim data in either).
  grant({ resource: "social_map_entry", relation: "member_region", roles: everyone, actions: ["read", "list"], why: "everyone in the region looks up where victims can go" }),
  grant({ resource: "social_map_entry", relation: "member_region", roles: ["focal_officer", "care_coordinator", "policy_officer", "administrator"], actions: ["create", "update"], why: "focal officers, care coordinators, policy officers and administrators keep the region's social map" }),
  grant({ resource: "cooperation_agreement", relation: "member_region", roles: ["focal_officer", "care_coordinator", "policy_officer", "administrator"], actions: ["read", "list", "create", "update"], why: "they also keep the region's cooperation agreements and covenants" }),

  // The implementation plan (uitvoeringsplan): action lines, activities, progress and budget; staff names only.
  grant({ resource: "implementation_plan", relation: "managing_municipality", roles: ["policy_officer"], actions: ["read", "list", "create", "update", "report"], why: "the owner municipality's (or for a regional plan the central municipality's) policy officers keep the plan" }),
  grant({ resource: "implementation_plan", relation: "region_member", roles: ["policy_officer", "administrator", "focal_officer"], actions: ["read", "list", "report"], why: "the region's policy officers, administrators and focal officers follow the plans of their region" }),

  // Expertise: a municipality's training offers, sessions, participants (staff), teams and coverage targets.
  grant({ resource: "training", relation: "own_municipality", roles: ["policy_officer", "administrator"], actions: ["read", "list", "manage", "read_coverage"], why: "the municipality's policy officers and administrators keep its training offers, participants and targets" }),
  grant({ resource: "training", relation: "administered_region", roles: ["administrator"], actions: ["read", "list", "manage", "read_coverage"], why: "a region administrator keeps training for the region's municipalities" }),
  grant({ resource: "training", relation: "own_municipality", roles: ["focal_officer"], actions: ["read_coverage"], why: "the focal officer follows how far the municipality's teams are trained" }),

  // Focal officers of a municipality (Zevenaar 3.2.1, 4.2.4): kept by its administrator or the region's; the region's
  // policy officers and focal officers see who they are in every municipality of the region. Staff names: audited.
  grant({ resource: "focal_officer_assignment", relation: "own_municipality", roles: ["administrator"], actions: ["read", "list", "create", "update", "end"], why: "an administrator names the municipality's focal officers and their substitutes" }),
  grant({ resource: "focal_officer_assignment", relation: "administered_region", roles: ["administrator"], actions: ["read", "list", "create", "update", "end"], why: "a region administrator keeps the focal officers of the region's municipalities" }),
  grant({ resource: "focal_officer_assignment", relation: "region_municipality", roles: ["focal_officer", "policy_officer"], actions: ["read", "list"], why: "the region sees which municipalities have no or only one focal officer" }),

  // The baseline checklist (basisniveau bestuurlijke aanpak): attested by the municipality's policy officer; the
  // region sees who meets it. Counts only, never a signal's or a file's content.
  grant({ resource: "baseline", relation: "own_municipality", roles: ["policy_officer"], actions: ["read", "list", "attest"], why: "the policy officer attests the municipality's baseline criteria" }),
  grant({ resource: "baseline", relation: "own_municipality", roles: ["administrator"], actions: ["read", "list"], why: "an administrator sees where the municipality stands" }),
  grant({ resource: "baseline", relation: "region_municipality", roles: ["policy_officer", "focal_officer"], actions: ["read", "list"], why: "the region sees which municipalities meet the baseline" }),
  grant({ resource: "baseline", relation: "administered_region", roles: ["administrator"], actions: ["read", "list"], why: "a region administrator sees which municipalities meet the baseline" }),

  // Shelter occupancy: counts per shelter, no one's data.
  grant({ resource: "shelter_occupancy", relation: "member_region", roles: ["care_coordinator", "policy_officer"], actions: ["read"], why: "the region's coordinators and policy officers see how full the shelters are" }),

  // The monitor: aggregates of a municipality or region. Focal officers and coordinators see exact numbers; policy
  // officers (and management, in that role) see published figures with small numbers suppressed. Nobody gets records.
  grant({ resource: "monitor", relation: "own_municipality", roles: ["focal_officer"], actions: ["read", "read_exact", "export", "import_history"], why: "the focal officer follows the municipality's figures exactly and imports its earlier years" }),
  grant({ resource: "monitor", relation: "member_region", roles: ["focal_officer", "care_coordinator"], actions: ["read", "read_exact", "export"], why: "focal officers and coordinators see the exact figures of their region" }),
  grant({ resource: "monitor", relation: "own_municipality", roles: ["policy_officer"], actions: ["read", "export", "import_history"], why: "the policy officer publishes the municipality's figures, small numbers suppressed, and imports its earlier years" }),
  grant({ resource: "monitor", relation: "member_region", roles: ["policy_officer"], actions: ["read", "export"], why: "the policy officer sees the region's published figures" }),
  grant({ resource: "monitor_export", relation: "requester", roles: ["focal_officer", "care_coordinator", "policy_officer"], actions: ["read"], why: "an export's progress and file are for the requester only (the figures were authorized when it was asked for)" }),
  grant({ resource: "monitor", relation: "region_central_municipality", roles: ["policy_officer", "focal_officer"], actions: ["import_history"], why: "the central municipality imports the region's earlier years" }),
];
