import { type Locale, translator } from "@coop/i18n";
import { type RefObject, useEffect, useId, useRef, useState } from "react";
import { useFetcher } from "react-router";
import { inputClass, secondaryButtonClass, useHydrated } from "@coop/ui";
import { articleBodyClass } from "./values.ts";

interface MarkdownEditorProps {
  locale: Locale;
  value: string;
  onChange: (value: string) => void;
  /** Sanitised HTML of the current body, rendered by the server (saved body or a script-less preview). */
  initialHtml: string;
  error?: string | undefined;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}

const DEBOUNCE_MS = 400;

/**
 * The Markdown box with its preview: side by side on a wide screen, two tabs on a phone. The
 * preview is rendered and sanitised by the server (the same code that renders on save): with
 * scripts, the current route's action is asked (`intent=preview`) a moment after typing stops;
 * without, the "preview" button submits the form and the page comes back with it.
 */
export function MarkdownEditor({ locale, value, onChange, initialHtml, error, textareaRef }: MarkdownEditorProps) {
  const tr = translator(locale);
  const id = useId();
  const hydrated = useHydrated();
  const fetcher = useFetcher<{ preview?: { html: string } }>();
  const [tab, setTab] = useState<"write" | "preview">("write");
  const first = useRef(true);
  const submit = fetcher.submit;

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      void submit({ intent: "preview", bodyMd: value }, { method: "post" });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, submit]);

  const html = fetcher.data?.preview?.html ?? initialHtml;
  const tabClass = (active: boolean) =>
    "flex-1 rounded-lg px-3 py-2 text-sm font-semibold " + (active ? "bg-white text-leaf-900 shadow-xs" : "text-earth-600 hover:text-earth-900");

  return (
    <div>
      {hydrated ? (
        <div role="tablist" aria-label={tr("knowledge.form.body")} className="mb-3 flex gap-1 rounded-xl bg-earth-100 p-1 lg:hidden">
          <button type="button" role="tab" aria-selected={tab === "write"} className={tabClass(tab === "write")} onClick={() => setTab("write")}>
            {tr("knowledge.form.write")}
          </button>
          <button type="button" role="tab" aria-selected={tab === "preview"} className={tabClass(tab === "preview")} onClick={() => setTab("preview")}>
            {tr("knowledge.form.preview")}
          </button>
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <div className={hydrated && tab !== "write" ? "hidden lg:block" : undefined}>
          <label htmlFor={id} className="mb-1.5 block font-medium text-earth-900">
            {tr("knowledge.form.body")}
          </label>
          <textarea
            ref={textareaRef}
            id={id}
            name="bodyMd"
            rows={22}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            maxLength={100_000}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
            className={`${inputClass} min-h-80 text-sm leading-relaxed`}
          />
          <p id={`${id}-hint`} className="mt-1.5 text-sm text-earth-600">
            {tr("knowledge.form.bodyHint")}
          </p>
          {error ? (
            <p id={`${id}-error`} className="mt-1.5 text-sm font-medium text-clay-800">
              {error}
            </p>
          ) : null}
          {/* Without scripts, the preview comes from submitting the form. */}
          {hydrated ? null : (
            <button type="submit" name="intent" value="preview" className={`${secondaryButtonClass} mt-3`}>
              {tr("knowledge.form.previewButton")}
            </button>
          )}
        </div>
        <div className={hydrated && tab !== "preview" ? "hidden lg:block" : undefined}>
          <p className="mb-1.5 flex items-center justify-between font-medium text-earth-900">
            {tr("knowledge.form.preview")}
            {fetcher.state !== "idle" ? <span className="text-xs font-normal text-earth-500">…</span> : null}
          </p>
          <div aria-live="polite" className="min-h-80 overflow-hidden rounded-lg border border-earth-200 bg-white px-4 py-2 lg:max-h-[42rem] lg:overflow-y-auto">
            {html.trim() ? (
              // Sanitised on the server by the same allow-list as the saved article.
              <div className={articleBodyClass} dangerouslySetInnerHTML={{ __html: html }} />
            ) : (
              <p className="py-6 text-center text-sm text-earth-500">{tr("knowledge.form.previewEmpty")}</p>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
