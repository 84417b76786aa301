import type { ClosureReason, FileStatus } from "./codes.ts";

/**
 * The care trajectory as a state machine: intake → active → aftercare → closed. Aftercare may return to
 * active (with a reason); any open trajectory may close with a reason; a closed one reopens with a reason.
 * Moving to another region is not a closure the coordinator picks: it is what an accepted transfer does.
 */
export interface Transition {
  from: FileStatus;
  to: FileStatus;
  needsReason: boolean;
  needsClosureReason: boolean;
}

export const transitions: readonly Transition[] = [
  { from: "intake", to: "active", needsReason: false, needsClosureReason: false },
  { from: "active", to: "aftercare", needsReason: false, needsClosureReason: false },
  { from: "aftercare", to: "active", needsReason: true, needsClosureReason: false },
  { from: "intake", to: "closed", needsReason: false, needsClosureReason: true },
  { from: "active", to: "closed", needsReason: false, needsClosureReason: true },
  { from: "aftercare", to: "closed", needsReason: false, needsClosureReason: true },
  // Reopening: the person is back in view after the trajectory closed.
  { from: "closed", to: "active", needsReason: true, needsClosureReason: false },
];

export function findTransition(from: FileStatus, to: FileStatus): Transition | undefined {
  return transitions.find((t) => t.from === from && t.to === to);
}

export function nextSteps(from: FileStatus, closureReason: ClosureReason | null): Transition[] {
  // A file handed over to another region lives on there; it is not reopened here.
  if (from === "closed" && closureReason === "moved_region") return [];
  return transitions.filter((t) => t.from === from);
}

export interface LifecycleFacts {
  status: FileStatus;
  closureReason: ClosureReason | null;
  minor: boolean;
  /** Veilig Thuis was told or youth care is involved. */
  youthRouteStarted: boolean;
  openPlacements: number;
  pendingTransfer: boolean;
}

export interface TransitionRequest {
  to: FileStatus;
  reason?: string | undefined;
  closureReason?: ClosureReason | undefined;
}

export type LifecycleCode =
  | "transition_not_allowed"
  | "reason_required"
  | "closure_reason_required"
  | "youth_route_required"
  | "placement_open"
  | "transfer_pending";

export interface LifecycleProblem {
  code: LifecycleCode;
  message: string;
  field?: string;
}

/** Why the move is refused, or null when it is allowed. Pure: the service loads the facts. */
export function checkTransition(facts: LifecycleFacts, request: TransitionRequest): LifecycleProblem | null {
  const transition = nextSteps(facts.status, facts.closureReason).find((t) => t.to === request.to);
  if (!transition) {
    if (facts.status === "closed" && facts.closureReason === "moved_region") {
      return { code: "transition_not_allowed", message: "Dit dossier is overgedragen aan een andere regio en loopt daar verder." };
    }
    return { code: "transition_not_allowed", message: `Een traject in status '${facts.status}' kan niet naar '${request.to}'.` };
  }
  if (facts.pendingTransfer) {
    return { code: "transfer_pending", message: "Er loopt een overdracht naar een andere regio. Trek die eerst in of wacht op het antwoord." };
  }
  if (transition.needsReason && !request.reason) {
    return { code: "reason_required", message: "Geef een reden voor deze stap.", field: "reason" };
  }
  if (transition.needsClosureReason) {
    if (!request.closureReason) return { code: "closure_reason_required", message: "Kies waarom het traject wordt afgesloten.", field: "closureReason" };
    if (request.closureReason === "moved_region") {
      return {
        code: "transition_not_allowed",
        message: "Verhuizing naar een andere regio sluit u af met een overdracht aan de zorgcoördinator daar.",
        field: "closureReason",
      };
    }
    if (facts.openPlacements > 0) {
      return { code: "placement_open", message: "Leg eerst de uitstroom uit de opvang vast voordat u het traject afsluit." };
    }
  }
  // Whichever way a minor's trajectory becomes active (from intake, aftercare or reopened), the youth route comes first.
  if (request.to === "active" && facts.minor && !facts.youthRouteStarted) {
    return {
      code: "youth_route_required",
      message: "Dit is een minderjarige: leg eerst vast wanneer Veilig Thuis is ingelicht of welke jeugdhulp betrokken is.",
      field: "veiligThuisNotifiedOn",
    };
  }
  return null;
}
