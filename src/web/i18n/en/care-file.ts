/** Care coordination: one victim file with its sections and actions. */
export const careFileEn = {
  titleFallback: "File",
};
