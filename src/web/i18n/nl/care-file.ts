/** Care coordination: one victim file with its sections and actions. */
export const careFileNl = {
  titleFallback: "Dossier",
};
