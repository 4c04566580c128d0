import { en } from "./en.ts";
import type { Locale } from "./locale.ts";
import { th } from "./th.ts";

export type MessageKey = keyof typeof th;
/** A complete catalogue: exactly Thai's keys, no more, no fewer. */
export type Messages = { readonly [K in MessageKey]: string };

/** The `{name}` placeholders of a message, read from the Thai source at the type level. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;
export type MessageParams<K extends MessageKey> = Record<Placeholders<(typeof th)[K]>, string | number>;
type ParamsArg<K extends MessageKey> = [Placeholders<(typeof th)[K]>] extends [never]
  ? [params?: undefined]
  : [params: MessageParams<K>];

export const catalogues: Record<Locale, Messages> = { th, en };

export function interpolate(template: string, params: Record<string, string | number> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** `t("en", "error.unknownSite.body", { slug: "korat-rice" })` */
export function t<K extends MessageKey>(locale: Locale, key: K, ...[params]: ParamsArg<K>): string {
  return interpolate(catalogues[locale][key], params);
}

/** A `t` bound to one locale, for components that render many strings. */
export function translator(locale: Locale) {
  return <K extends MessageKey>(key: K, ...params: ParamsArg<K>): string => t(locale, key, ...params);
}
export type Translate = ReturnType<typeof translator>;
