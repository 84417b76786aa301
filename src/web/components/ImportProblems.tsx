import { Alert, Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import type { ApiProblem } from "../api/client.ts";
import { FileTable } from "../pages/care/file/FileTable.tsx";

/** One wrong line of an imported file: its line number (null: the whole file), column and reason. */
export interface RowProblem { key: string; row: number | null; column: string; reason: string }

/**
 * The server's invalid params of a refused import as lines: "rows[7].jaar" → line 7, column jaar; "file" →
 * the whole file. With `columns`, only those names count as a column (the rest is said in the reason).
 */
export function rowProblems(problem: ApiProblem, columns?: ReadonlySet<string>): RowProblem[] {
  return problem.invalidParams.map((p, index) => {
    const match = /^rows\[(\d+)\]\.(.+)$/.exec(p.name);
    const column = match && (!columns || columns.has(match[2]!)) ? match[2]! : "";
    return { key: `${p.name}-${index}`, row: match ? Number(match[1]) : null, column, reason: p.reason };
  });
}

/**
 * A refused import (all or nothing): the server's message and a table of every wrong line with its number,
 * column and reason. The texts come from the importing page's namespace (`errorsHeading`, `errorsCaption`,
 * `row`, `rowN`, `wholeFile`, `column`, `reason`).
 */
export function ImportProblems({ ns, file, detail, problems }: { ns: "training.import" | "monitorHistoric.import"; file: string; detail: string; problems: RowProblem[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="error">
        <Heading level={3}>{t(`${ns}.errorsHeading`, { file })}</Heading>
        <Paragraph>{detail}</Paragraph>
      </Alert>
      {problems.length > 0 ? (
        <FileTable
          caption={t(`${ns}.errorsCaption`, { file })}
          items={problems}
          itemKey={(p) => p.key}
          columns={[
            { key: "row", header: t(`${ns}.row`), cell: (p) => (p.row === null ? t(`${ns}.wholeFile`) : t(`${ns}.rowN`, { row: p.row })) },
            { key: "column", header: t(`${ns}.column`), cell: (p) => p.column || "—" },
            { key: "reason", header: t(`${ns}.reason`), cell: (p) => p.reason },
          ]}
        />
      ) : null}
    </>
  );
}
