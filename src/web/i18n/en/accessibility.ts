import type { accessibilityNl } from "../nl/accessibility.ts";

export const accessibilityEn: typeof accessibilityNl = {
  title: "Accessibility statement",
  intro: "Ketenzicht wants everyone who works with it to be able to do so without barriers, including people with a disability and people using assistive technology such as a screen reader, magnification or only a keyboard.",
  standardHeading: "Which standard",
  standardText: "Ketenzicht is government software and must meet the European standard EN 301 549, and with it the Web Content Accessibility Guidelines (WCAG) 2.1 at levels A and AA. This is required by the Dutch Temporary Decree on Digital Accessibility of Government.",
  statusHeading: "Where we stand",
  statusText: "Ketenzicht is built with the components and theme of the NL Design System. Every page is tested automatically against the WCAG 2.1 A and AA criteria (with axe-core) on every change, and checked using only the keyboard. An independent evaluation by an expert party is planned; we will publish its outcome here.",
  measuresHeading: "What we do",
  measures1: "Every page has one main heading, recognisable regions (header, menu, content, footer) and a link to skip straight to the content.",
  measures2: "Every form field has a visible label. Error messages appear next to the field and in a summary at the top with links to the fields.",
  measures3: "After moving to another page the focus goes to the main heading, so a screen reader announces the new page.",
  measures4: "Colours meet the contrast requirement and the focus is always visible.",
  measures5: "Ketenzicht can be used in Dutch and in English.",
  limitsHeading: "Known limitations",
  limitsText: "The QR code for setting up the second factor is an image. Anyone who cannot scan it gets the same key as text to enter manually.",
  reportHeading: "Report a problem",
  reportText: "Do you run into an accessibility problem? Report it to the application administrator of your organisation, who passes it on to the Ketenzicht team. Tell us on which page it happened, what you were trying to do and which assistive technology you use. You will receive a reply within 5 working days; within 2 weeks you will hear what we will do about it.",
  complaintText: "Are you not satisfied with how your report was handled? Then you can file a complaint with the organisation that provides Ketenzicht to you, and after that with the National Ombudsman.",
  updated: "This statement was last updated on {{date}}.",
};
