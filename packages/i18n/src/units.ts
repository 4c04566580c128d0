import type { Locale } from "./locale.ts";

/** Labels for the product unit codes co-ops choose from. */
const UNIT_LABELS = {
  kg: { th: "กก.", en: "kg" },
  g: { th: "กรัม", en: "g" },
  bag: { th: "ถุง", en: "bag" },
  crate: { th: "ลัง", en: "crate" },
  box: { th: "กล่อง", en: "box" },
  piece: { th: "ชิ้น", en: "piece" },
  bottle: { th: "ขวด", en: "bottle" },
  pack: { th: "แพ็ค", en: "pack" },
  bunch: { th: "กำ", en: "bunch" },
  dozen: { th: "โหล", en: "dozen" },
  litre: { th: "ลิตร", en: "litre" },
  tray: { th: "ถาด", en: "tray" },
  sack: { th: "กระสอบ", en: "sack" },
} as const satisfies Record<string, Record<Locale, string>>;

export type UnitCode = keyof typeof UNIT_LABELS;
export const UNIT_CODES = Object.keys(UNIT_LABELS) as UnitCode[];

export function isUnitCode(code: string): code is UnitCode {
  return Object.hasOwn(UNIT_LABELS, code);
}

/** The unit's label in the locale; an unknown code is shown as it is rather than hidden. */
export function unitLabel(unit: string, locale: Locale): string {
  return isUnitCode(unit) ? UNIT_LABELS[unit][locale] : unit;
}
