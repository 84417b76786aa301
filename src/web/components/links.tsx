import { forwardRef } from "react";
import { Link as RouterLink, NavLink, type LinkProps, type NavLinkProps } from "react-router-dom";

/**
 * The router's links dressed as NL Design System links and button links, so navigation stays client-side
 * and looks like the rest of the design system.
 */
function classes(...names: (string | false | undefined)[]) {
  return names.filter(Boolean).join(" ");
}

export const AppLink = forwardRef<HTMLAnchorElement, LinkProps>(function AppLink({ className, ...props }, ref) {
  return <RouterLink ref={ref} className={classes("utrecht-link", "utrecht-link--html-a", className)} {...props} />;
});

interface ButtonLinkProps extends LinkProps {
  appearance?: "primary-action-button" | "secondary-action-button" | "subtle-button";
}

const buttonAppearance = {
  "primary-action-button": "utrecht-button-link--primary-action",
  "secondary-action-button": "utrecht-button-link--secondary-action",
  "subtle-button": "utrecht-button-link--subtle",
} as const;

export function AppButtonLink({ appearance = "secondary-action-button", className, ...props }: ButtonLinkProps) {
  return (
    <RouterLink
      className={classes("utrecht-button-link", "utrecht-button-link--html-a", buttonAppearance[appearance], className)}
      {...props}
    />
  );
}

/** A menu item: aria-current="page" on the active one comes from NavLink. */
export function NavItem({ className, ...props }: NavLinkProps & { className?: string }) {
  return (
    <li className="utrecht-nav-list__item">
      <NavLink
        className={({ isActive }) =>
          classes("utrecht-link", "utrecht-link--html-a", "utrecht-nav-list__link", isActive && "kz-nav-link--current", className)
        }
        {...props}
      />
    </li>
  );
}
