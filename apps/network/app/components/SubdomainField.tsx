import { type Locale, translator } from "@coop/i18n";
import { useEffect, useId, useRef, useState } from "react";
import { AlertIcon, CheckIcon, inputClass, queryProcedure, translateKey, useHydrated } from "@coop/ui";
import { SpinnerIcon } from "./icons.tsx";

type Check =
  | { available: true; slug: string }
  | { available: false; slug: string; reason: string; suggestions: string[] };

type Status =
  | { state: "idle" }
  | { state: "checking" }
  | { state: "done"; result: Check }
  | { state: "failed" };

interface SubdomainFieldProps {
  locale: Locale;
  /** e.g. "sahakorn.example" or "localhost:3000": what follows `<slug>.` */
  rootHost: string;
  defaultValue: string;
  /** The English name, to make better suggestions. */
  hint: string;
  /** From the server, after a submit (already a message key). */
  serverError?: string | undefined;
  serverSuggestions: string[];
}

const DEBOUNCE_MS = 350;

/** Lower case, spaces as hyphens: the way people type a name into an address. */
function normalise(value: string): string {
  return value.toLowerCase().replace(/\s+/g, "-");
}

/**
 * The wanted subdomain with a live availability check as it is typed (the same check runs
 * again on submit, on the server). Without scripts it is a plain text box.
 */
export function SubdomainField({ locale, rootHost, defaultValue, hint, serverError, serverSuggestions }: SubdomainFieldProps) {
  const tr = translator(locale);
  const id = useId();
  const hydrated = useHydrated();
  const [slug, setSlug] = useState(defaultValue);
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | null>(null);
  const hintRef = useRef(hint);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    hintRef.current = hint;
  }, [hint]);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    },
    [],
  );

  async function check(value: string) {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const result = await queryProcedure<Check>(
        "signup.checkSubdomain",
        { slug: value, ...(hintRef.current ? { hint: hintRef.current } : {}) },
        controller.signal,
      );
      if (!controller.signal.aborted) setStatus({ state: "done", result });
    } catch {
      if (!controller.signal.aborted) setStatus({ state: "failed" });
    }
  }

  function change(value: string) {
    const next = normalise(value);
    setSlug(next);
    clearTimeout(timer.current);
    inFlight.current?.abort();
    if (!next) {
      setStatus({ state: "idle" });
      return;
    }
    setStatus({ state: "checking" });
    timer.current = setTimeout(() => void check(next), DEBOUNCE_MS);
  }

  function choose(suggestion: string) {
    change(suggestion);
    inputRef.current?.focus();
  }

  // What to say under the box: the live answer once there is one, else the server's.
  const live = status.state === "done" ? status.result : null;
  const error = live ? (live.available ? undefined : translateKey(locale, live.reason)) : status.state === "idle" ? serverError : undefined;
  const suggestions = live ? (live.available ? [] : live.suggestions) : status.state === "idle" ? serverSuggestions : [];
  const ok = live?.available === true;

  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block font-medium text-earth-900">
        {tr("signup.slug")}
      </label>
      <div className="flex">
        <input
          ref={inputRef}
          id={id}
          name="slug"
          value={slug}
          onChange={(e) => change(e.target.value)}
          required
          minLength={3}
          maxLength={40}
          autoCapitalize="none"
          autoCorrect="off"
          autoComplete="off"
          spellCheck={false}
          inputMode="url"
          lang="en"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint ${id}-status`}
          className={`${inputClass} rounded-r-none`}
        />
        <span className="inline-flex max-w-[50%] shrink-0 items-center truncate rounded-r-lg border border-l-0 border-earth-300 bg-earth-100 px-3 text-sm text-earth-700">
          .{rootHost}
        </span>
      </div>
      <p id={`${id}-hint`} className="mt-1.5 text-sm text-earth-600">
        {tr("signup.slugHint")}
      </p>
      <div id={`${id}-status`} aria-live="polite" className="mt-2 min-h-6 text-sm">
        {status.state === "checking" ? (
          <p className="flex items-center gap-1.5 text-earth-600">
            <SpinnerIcon className="size-4 animate-spin" />
            {tr("signup.slugChecking")}
          </p>
        ) : null}
        {status.state === "failed" ? <p className="text-earth-600">{tr("signup.slugCheckFailed")}</p> : null}
        {ok ? (
          <p className="flex items-start gap-1.5 font-medium text-leaf-700">
            <CheckIcon className="mt-0.5 size-4 shrink-0" />
            <span>
              {tr("signup.slugAvailable")}{" "}
              <span lang="en" className="break-all font-semibold">
                {slug}.{rootHost}
              </span>
            </span>
          </p>
        ) : null}
        {error ? (
          <p className="flex items-start gap-1.5 font-medium text-clay-800">
            <AlertIcon className="mt-0.5 size-4 shrink-0" />
            {error}
          </p>
        ) : null}
        {suggestions.length > 0 ? (
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <span className="text-earth-700">{tr("signup.slugTry")}</span>
            {suggestions.map((s) =>
              hydrated ? (
                <button
                  key={s}
                  type="button"
                  onClick={() => choose(s)}
                  lang="en"
                  className="rounded-full border border-leaf-600/40 bg-leaf-50 px-3 py-1 font-medium text-leaf-800 hover:bg-leaf-100"
                >
                  {s}
                </button>
              ) : (
                <code key={s} lang="en" className="rounded-full bg-earth-100 px-3 py-1">
                  {s}
                </code>
              ),
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}
