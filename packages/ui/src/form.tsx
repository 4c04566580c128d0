import { type Locale, translator } from "@coop/i18n";
import { type ComponentProps, type ReactNode, type RefObject, useEffect, useId, useState } from "react";
import { useNavigation } from "react-router";
import { primaryButtonClass } from "./buttons.ts";
import { AlertIcon, CheckIcon, EyeIcon, EyeOffIcon, InfoIcon } from "./icons.tsx";

export const inputClass =
  "block w-full min-w-0 rounded-lg border border-earth-300 bg-white px-3 py-2.5 text-base text-earth-900 shadow-xs " +
  "placeholder:text-earth-400 focus:border-leaf-600 focus:outline-none focus:ring-3 focus:ring-leaf-600/25 " +
  "aria-invalid:border-clay-800 aria-invalid:ring-clay-800/15 disabled:bg-earth-100 disabled:text-earth-500";

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Already translated. */
  error?: string | undefined;
  optional?: string | undefined;
  children: ReactNode;
  className?: string;
}

/** Label, the control, a hint and the error, wired together for screen readers. */
export function FieldShell({ id, label, hint, error, optional, children, className }: FieldShellProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 flex flex-wrap items-baseline gap-x-2 font-medium text-earth-900">
        {label}
        {optional ? <span className="text-sm font-normal text-earth-500">{optional}</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1.5 text-sm text-earth-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 flex items-start gap-1.5 text-sm font-medium text-clay-800">
          <AlertIcon className="mt-0.5 size-4 shrink-0" />
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

type InputProps = Omit<ComponentProps<"input">, "id"> & {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: string | undefined;
  /** Text shown inside the box after the value, e.g. ".sahakorn.example". */
  suffix?: ReactNode;
  className?: string;
};

export function TextField({ label, hint, error, optional, suffix, className, ...input }: InputProps) {
  const id = useId();
  const control = (
    <input
      id={id}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, hint, error)}
      className={suffix ? `${inputClass} rounded-r-none` : inputClass}
      {...input}
    />
  );
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional} className={className}>
      {suffix ? (
        <div className="flex">
          {control}
          <span className="inline-flex max-w-[55%] items-center truncate rounded-r-lg border border-l-0 border-earth-300 bg-earth-100 px-3 text-sm text-earth-700">
            {suffix}
          </span>
        </div>
      ) : (
        control
      )}
    </FieldShell>
  );
}

type TextAreaProps = Omit<ComponentProps<"textarea">, "id"> & {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: string | undefined;
  className?: string;
};

export function TextAreaField({ label, hint, error, optional, className, ...textarea }: TextAreaProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional} className={className}>
      <textarea
        id={id}
        rows={5}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${inputClass} leading-relaxed`}
        {...textarea}
      />
    </FieldShell>
  );
}

type SelectProps = Omit<ComponentProps<"select">, "id"> & {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: string | undefined;
  className?: string;
};

export function SelectField({ label, hint, error, optional, className, children, ...select }: SelectProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional} className={className}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${inputClass} pr-8`}
        {...select}
      >
        {children}
      </select>
    </FieldShell>
  );
}

/** A password box with a show/hide button (the button only matters once scripts run). */
export function PasswordField({ locale, ...props }: Omit<InputProps, "type" | "suffix"> & { locale: Locale }) {
  const tr = translator(locale);
  const id = useId();
  const [visible, setVisible] = useState(false);
  const { label, hint, error, optional, className, ...input } = props;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional} className={className}>
      <div className="relative">
        <input
          id={id}
          type={visible ? "text" : "password"}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className={`${inputClass} pr-12`}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          {...input}
        />
        <button
          type="button"
          onClick={() => setVisible((v) => !v)}
          aria-pressed={visible}
          aria-controls={id}
          className="absolute inset-y-0 right-0 grid w-12 place-items-center rounded-r-lg text-earth-600 hover:text-earth-900"
        >
          {visible ? <EyeOffIcon className="size-5" /> : <EyeIcon className="size-5" />}
          <span className="sr-only">{visible ? tr("auth.password.hide") : tr("auth.password.show")}</span>
        </button>
      </div>
    </FieldShell>
  );
}

type Tone = "error" | "success" | "info" | "warning";

const TONE: Record<Tone, string> = {
  error: "border-clay-800/25 bg-clay-100 text-clay-800",
  success: "border-leaf-600/30 bg-leaf-50 text-leaf-800",
  info: "border-earth-300 bg-white text-earth-800",
  warning: "border-turmeric-800/25 bg-turmeric-100 text-turmeric-800",
};

/** A message about the whole form: errors are announced at once, the rest politely. */
export function Alert({ tone, title, children, className }: { tone: Tone; title?: ReactNode; children?: ReactNode; className?: string }) {
  const Icon = tone === "success" ? CheckIcon : tone === "error" || tone === "warning" ? AlertIcon : InfoIcon;
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`flex items-start gap-3 rounded-xl border px-4 py-3 ${TONE[tone]} ${className ?? ""}`}
    >
      <Icon className="mt-0.5 size-5 shrink-0" />
      <div className="min-w-0 space-y-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}

/**
 * After a refused submit, moves focus (and so the scroll position) to the first field marked
 * invalid: on a long form on a phone the message at the top is otherwise out of sight.
 * `refusal` is the action's answer when it refused, else null; a new answer triggers again.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, refusal: unknown) {
  useEffect(() => {
    if (!refusal) return;
    const field = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
    field?.scrollIntoView({ block: "center" });
  }, [form, refusal]);
}

/** True while this form (or, with `intent`, this one button of it) is being submitted. */
export function useSubmitting(intent?: string): boolean {
  const navigation = useNavigation();
  if (navigation.state !== "submitting") return false;
  return intent === undefined || navigation.formData?.get("intent") === intent;
}

export function SubmitButton({
  children,
  pendingLabel,
  intent,
  className,
  ...button
}: ComponentProps<"button"> & { pendingLabel?: ReactNode; intent?: string }) {
  const submitting = useSubmitting(intent);
  return (
    <button
      type="submit"
      name={intent ? "intent" : undefined}
      value={intent}
      disabled={submitting}
      className={className ?? primaryButtonClass}
      {...button}
    >
      {submitting && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** A titled group of fields. */
export function FormSection({
  title,
  description,
  children,
  id,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  const headingId = useId();
  return (
    <section id={id} aria-labelledby={headingId} className="scroll-mt-20 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6">
      <h2 id={headingId} className="text-lg font-semibold text-leaf-900">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-earth-600">{description}</p> : null}
      <div className="mt-5 space-y-5">{children}</div>
    </section>
  );
}
