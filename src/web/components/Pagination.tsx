import { useTranslation } from "react-i18next";
import { useLocation } from "react-router-dom";
import { AppLink } from "./links.tsx";

/** Previous/next links that keep the other query parameters; "pagina" (or `param`) holds the page number. */
interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** The query parameter with the page number, when a page has more than one paged list. */
  param?: string;
  label?: string;
}

export function Pagination({ page, pageSize, total, param = "pagina", label }: PaginationProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;

  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set(param, String(target));
    return `${location.pathname}?${params.toString()}`;
  };

  return (
    <nav aria-label={label ?? t("pagination.label")} className="kz-pagination">
      <ul className="kz-pagination__list">
        {page > 1 ? (
          <li>
            <AppLink to={hrefFor(page - 1)} rel="prev">
              {t("pagination.previous")}
            </AppLink>
          </li>
        ) : null}
        <li className="kz-pagination__status">
          {t("pagination.status", { page, pages })}
        </li>
        {page < pages ? (
          <li>
            <AppLink to={hrefFor(page + 1)} rel="next">
              {t("pagination.next")}
            </AppLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
