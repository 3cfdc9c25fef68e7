"use client";

/** Opens the browser's print dialog (save as PDF); the print stylesheet drops the controls. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md border border-gray-300 px-3 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-100 print:hidden dark:border-gray-700 dark:text-gray-300 dark:hover:bg-gray-800"
    >
      Print or save as PDF
    </button>
  );
}
