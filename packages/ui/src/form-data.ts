/** A text field of a submitted form ("" when missing or a file). */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** Like `text`, but trimmed and `undefined` when empty (for optional inputs). */
export function optionalText(form: FormData, name: string): string | undefined {
  const value = text(form, name).trim();
  return value === "" ? undefined : value;
}
