/** Care coordination: the coordinator's overview, the list of files, opening a file, transfers. */
export const careOverviewEn = {
  nav: "Care coordination",
};
