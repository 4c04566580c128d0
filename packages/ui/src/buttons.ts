/** Class names of the buttons (and links that look like buttons) both sites use. */
export const primaryButtonClass =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-full bg-leaf-700 px-5 py-2.5 font-semibold text-white shadow-sm " +
  "transition-colors hover:bg-leaf-800 disabled:cursor-wait disabled:opacity-70";
export const secondaryButtonClass =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-full border border-earth-300 bg-white px-5 py-2.5 font-semibold text-earth-800 " +
  "transition-colors hover:bg-earth-100 disabled:cursor-wait disabled:opacity-70";
export const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-full border border-clay-800/30 bg-white px-4 py-2 font-semibold text-clay-800 " +
  "transition-colors hover:bg-clay-100 disabled:cursor-wait disabled:opacity-70";
export const linkClass = "font-medium text-leaf-700 underline underline-offset-4 hover:text-leaf-900";
