import { SkipLink } from "@utrecht/component-library-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router-dom";
import { SiteFooter } from "./SiteFooter.tsx";
import { SiteHeader } from "./SiteHeader.tsx";

/**
 * Moves the focus to the page's h1 after every route change (not on the first load), so keyboard and
 * screen-reader users start at the top of the new content, as after a full page load.
 */
function useRouteFocus() {
  const { pathname } = useLocation();
  // The previous path, not a "first render" flag: React's StrictMode runs effects twice on mount.
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const frame = requestAnimationFrame(() => {
      const target = document.querySelector<HTMLElement>("main h1") ?? document.getElementById("main");
      window.scrollTo(0, 0);
      target?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}

export function Layout() {
  const { t } = useTranslation();
  useRouteFocus();
  return (
    <div className="utrecht-page kz-page">
      <SkipLink
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        {t("app.skipLink")}
      </SkipLink>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="utrecht-page-content kz-main">
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}
