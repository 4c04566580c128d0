export {
  DEFAULT_LOCALE,
  LOCALE_COOKIE,
  LOCALE_PARAM,
  LOCALES,
  isLocale,
  localeCookie,
  localeFromQuery,
  resolveLocale,
  type Locale,
} from "./locale.ts";
export { t, translator, type MessageKey, type MessageParams, type Messages, type Translate } from "./messages.ts";
export { formatBaht, formatDate, TIME_ZONE, type DateStyle } from "./format.ts";
export { isUnitCode, unitLabel, UNIT_CODES, type UnitCode } from "./units.ts";
export { localeSwitchHref, localeSwitchRedirect, withLocale } from "./switch.ts";
