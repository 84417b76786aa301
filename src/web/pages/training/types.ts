import type { Ability } from "../../api/types.ts";

/** The expertise API's shapes as the pages use them (see training.schema.ts on the server). */
export const TRAINING_COVERAGE = "training.read_coverage" satisfies Ability;
export const TRAINING_MANAGE = "training.manage" satisfies Ability;

export const offerKinds = ["e_learning", "theme_day", "awareness_session", "campaign"] as const;
export const completions = ["completed", "attended", "no_show"] as const;
export const targetStatuses = ["met", "due", "not_met"] as const;
export type OfferKind = (typeof offerKinds)[number];
export type Completion = (typeof completions)[number];
export type TargetStatus = (typeof targetStatuses)[number];

export interface TrainingMunicipality { id: string; name: string; abilities: Record<string, boolean> }
export interface TrainingTeam { id: string; municipalityId: string; name: string; staffCount: number }
export interface SessionSummary {
  id: string; offerId: string; startsOn: string; endsOn: string | null; place: string | null; participantCount: number; trainedCount: number;
}
export interface TrainingOffer {
  id: string; municipalityId: string; municipalityName: string; kind: OfferKind; title: string; provider: string | null; description: string | null;
  link: string | null; sessionCount: number; participantCount: number; sessions?: SessionSummary[]; abilities: Record<string, boolean>;
}
export interface Participant {
  id: string; sessionId: string; name: string; email: string | null; teamId: string; team: string; completion: Completion; completedOn: string | null;
}
export interface TrainingSession extends SessionSummary {
  offer: { id: string; kind: OfferKind; title: string; provider: string | null };
  municipalityId: string; municipalityName: string; participants: Participant[]; abilities: Record<string, boolean>;
}
export interface ImportRow { row: number; name: string; team: string; email: string | null; completion: Completion; completedOn: string | null }
export interface ImportResult { dryRun: boolean; imported: number; rows: ImportRow[] }
export interface Coverage {
  municipalityId: string; municipalityName: string; asOf: string;
  teams: {
    teamId: string; team: string; staffCount: number; trainedCount: number; percent: number;
    targets: { id: string; targetPercent: number; dueOn: string; status: TargetStatus }[];
  }[];
  abilities: Record<string, boolean>;
}
