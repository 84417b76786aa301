import { Button, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { Fragment, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Empty } from "./parts.tsx";

/** A column of a file table: its header, and what an item shows in it. */
export interface Column<T> {
  key: string;
  header: string;
  cell: (item: T) => ReactNode;
}

/** The action of a row ("Wijzigen"): a toggle that opens the row's form in a row below it. */
export interface RowEdit<T> {
  label: string;
  /** Added to the toggle's name, so it says which row: "Wijzigen: Veiligheid". */
  rowLabel: (item: T) => string;
  /** The form's row gets the id `${panel}-${key}` ("need-edit-safety"). */
  panel: string;
  /** Rows without the action keep an empty cell in the action column. */
  may?: (item: T) => boolean;
  form: (item: T, close: () => void) => ReactNode;
}

interface FileTableProps<T> {
  caption: string;
  /** The first column heads its row. */
  columns: readonly [Column<T>, ...Column<T>[]];
  items: readonly T[];
  itemKey: (item: T) => string;
  /** Said instead of the table when there are no items. */
  empty?: string;
  edit?: RowEdit<T> | undefined;
}

/**
 * A captioned table of the file's items, with an optional action column whose toggles open one row's form
 * at a time. On a phone each row becomes a card: the cells show their column's name from `data-label`.
 */
export function FileTable<T>({ caption, columns, items, itemKey, empty, edit }: FileTableProps<T>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  if (items.length === 0 && empty !== undefined) return <Empty>{empty}</Empty>;
  const [head, ...rest] = columns;
  const action = t("careFile.common.action");
  return (
    <div className="kz-table-scroll kz-file-table-wrap">
      <Table className="kz-table kz-file-table">
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c.key} scope="col">{c.header}</TableHeaderCell>
            ))}
            {edit ? <TableHeaderCell scope="col">{action}</TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => {
            const key = itemKey(item);
            const panel = edit ? `${edit.panel}-${key}` : "";
            return (
              <Fragment key={key}>
                <TableRow>
                  <TableHeaderCell scope="row">{head.cell(item)}</TableHeaderCell>
                  {rest.map((c) => (
                    <TableCell key={c.key} data-label={c.header}>{c.cell(item)}</TableCell>
                  ))}
                  {edit ? (
                    <TableCell data-label={action}>
                      {(edit.may?.(item) ?? true) ? (
                        <RowToggle
                          open={editing === key}
                          onToggle={() => setEditing((current) => (current === key ? null : key))}
                          label={edit.label}
                          rowLabel={edit.rowLabel(item)}
                          controls={panel}
                        />
                      ) : null}
                    </TableCell>
                  ) : null}
                </TableRow>
                {edit && editing === key ? (
                  <TableRow id={panel} className="kz-file-edit-row">
                    <TableCell colSpan={columns.length + 1}>{edit.form(item, () => setEditing(null))}</TableCell>
                  </TableRow>
                ) : null}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

/** A toggle in a table row that opens that row's edit form in the row below it; its name says which row. */
function RowToggle({ open, onToggle, label, rowLabel, controls }: { open: boolean; onToggle: () => void; label: string; rowLabel: string; controls: string }) {
  return (
    <Button
      appearance="subtle-button"
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      aria-label={`${label}: ${rowLabel}`}
      onClick={onToggle}
      className="kz-file-row-toggle"
    >
      {label}
    </Button>
  );
}
