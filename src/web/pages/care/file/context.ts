import { createContext, useContext } from "react";
import type { CareNetwork, VictimFile } from "../types.ts";

/**
 * What every section of the file page shares: the file as the server last returned it, the region's
 * network (for the coordinator's pickers; null for partners or while it loads) and `done`, which shows an
 * action's result and its message in the section where the action was taken.
 */
export const sectionIds = [
  "overview", "person", "exploitation", "youth", "consent", "team", "care-plan", "shelter", "residence", "registration",
  "conference", "lifecycle", "history",
] as const;
export type SectionId = (typeof sectionIds)[number];

export interface FileMessage {
  text: string;
  section: SectionId;
  /** Counts messages, so the same text twice still moves the focus. */
  n: number;
}

/** An action's result: the file the server returned (or null: reload it) and the message for its section. */
export type FileDone = (next: VictimFile | null, text: string, section: SectionId) => void;

export interface FileContextValue {
  file: VictimFile;
  network: CareNetwork | null;
  done: FileDone;
  message: FileMessage | null;
}

export const FileContext = createContext<FileContextValue | null>(null);

export function useFile(): FileContextValue {
  const value = useContext(FileContext);
  if (!value) throw new Error("useFile() outside the victim file page");
  return value;
}

const enc = encodeURIComponent;
/** The file's API path, with an optional sub-resource: filePath(file, "goals", goalId). */
export const filePath = (file: Pick<VictimFile, "id">, ...rest: string[]) => ["/victim-files", enc(file.id), ...rest.map(enc)].join("/");
