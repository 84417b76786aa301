/** The vocabulary of expertise: kinds of training offer and how a participant finished a session. */
export const offerKinds = ["e_learning", "theme_day", "awareness_session", "campaign"] as const;
export type OfferKind = (typeof offerKinds)[number];

export const completions = ["completed", "attended", "no_show"] as const;
export type Completion = (typeof completions)[number];

/** Completions that count as trained for coverage. */
export const trainedCompletions: readonly Completion[] = ["completed", "attended"];

/** Targets are met, still open before their date, or missed. */
export const targetStatuses = ["met", "due", "not_met"] as const;
export type TargetStatus = (typeof targetStatuses)[number];

/** An e-learning is completed; a day or session is attended. */
export const defaultCompletion = (kind: OfferKind): Completion => (kind === "e_learning" ? "completed" : "attended");
