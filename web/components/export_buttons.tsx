import { toCsv } from "../export/csv.ts";
import type { TableData } from "../export/table_data.ts";
import { toXlsx, XLSX_MIME } from "../export/xlsx.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** Saves `blob` as `fileName` through a temporary same-origin blob: link. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled (the download keeps its own reference).
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const fileStem = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, "_");

/** CSV (UTF-8 with a byte-order mark, so Excel reads Chinese) and XLSX downloads of one table. */
export function ExportButtons({ table }: { table: TableData }) {
  const { t } = useI18n();
  return (
    <span className="export-buttons">
      <button
        type="button"
        className="button button--small"
        data-testid="export-csv"
        onClick={() =>
          download(
            new Blob(["\uFEFF", toCsv(table)], { type: "text/csv;charset=utf-8" }),
            `${fileStem(table.name)}.csv`,
          )
        }
      >
        {t("export.csv")}
      </button>
      <button
        type="button"
        className="button button--small"
        data-testid="export-xlsx"
        onClick={() => {
          const bytes = toXlsx(table);
          download(new Blob([bytes.slice().buffer], { type: XLSX_MIME }), `${fileStem(table.name)}.xlsx`);
        }}
      >
        {t("export.xlsx")}
      </button>
    </span>
  );
}
