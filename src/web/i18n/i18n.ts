import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";
import { nl, type Messages } from "./nl.ts";

/**
 * Dutch by default, English on request. The choice is kept in localStorage and mirrored in <html lang>,
 * so screen readers pronounce the page in the right language.
 */
export const languages = ["nl", "en"] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = "ketenzicht.language";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === "en" ? "en" : "nl";
  } catch {
    return "nl";
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: typeof window === "undefined" ? "nl" : storedLanguage(),
  fallbackLng: "nl",
  supportedLngs: [...languages],
  initAsync: false,
  // React escapes text itself.
  interpolation: { escapeValue: false },
});

function applyLanguage(language: string) {
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

applyLanguage(i18n.language);
i18n.on("languageChanged", (language) => {
  applyLanguage(language);
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice lasts until the page is reloaded.
  }
});

export function currentLanguage(): Language {
  return i18n.language === "en" ? "en" : "nl";
}

/** Locale for dates and numbers: Dutch formats in Dutch, British English formats in English. */
export function locale(): string {
  return currentLanguage() === "en" ? "en-GB" : "nl-NL";
}
