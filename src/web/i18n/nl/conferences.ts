/** Case conferences: the meetings list and one meeting with its agenda, decisions, actions and minutes. */
export const conferencesNl = {
  nav: "Overleg",
};
