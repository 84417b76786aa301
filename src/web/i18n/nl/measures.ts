/** The follow-up of actions, bringing a case in, and the register of administrative measures. */
export const measuresNl = {
  nav: "Maatregelen",
};
