import type { TeamPurpose } from "./codes.ts";

/**
 * The parts of a victim file, and which of them a case team member sees. Coordinators see the whole file;
 * a partner user sees the parts their purpose needs and nothing else (data minimisation, AVG art. 5).
 * Parts not visible are answered as null, so a client cannot show what it never received.
 */
export const fileParts = ["person", "exploitation", "youth", "consent", "team", "care_plan", "shelter", "residence", "registration", "history"] as const;
export type FilePart = (typeof fileParts)[number];

export const purposeParts: Record<TeamPurpose, readonly FilePart[]> = {
  // Police, KMar, labour inspectorate: who, what happened, and the police report and reflection period.
  criminal_investigation: ["person", "exploitation", "residence"],
  // The shelter: who, what they need and where they stay.
  shelter: ["person", "care_plan", "shelter"],
  // Care and health providers: who and the care plan.
  care_provision: ["person", "care_plan"],
  // IND and legal aid: who, what happened, and the residence procedure.
  residence_procedure: ["person", "exploitation", "residence"],
  // Veilig Thuis, youth care, the guardian: the child's whole care, not the registrations and history.
  youth_protection: ["person", "exploitation", "youth", "care_plan", "shelter"],
};

export interface Membership {
  memberRole: "coordinator" | "partner";
  purpose: TeamPurpose | null;
}

export function visibleParts(membership: Membership | null): FilePart[] {
  if (!membership) return [];
  if (membership.memberRole === "coordinator") return [...fileParts];
  const parts = membership.purpose ? purposeParts[membership.purpose] : [];
  return fileParts.filter((part) => parts.includes(part));
}
