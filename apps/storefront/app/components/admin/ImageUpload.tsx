import { type Locale, translator } from "@coop/i18n";
import { type FormEvent, useId, useState } from "react";
import { useRevalidator } from "react-router";
import { primaryButtonClass, translateKey } from "@coop/ui";
import { ImageIcon } from "./icons.tsx";

interface ImageUploadProps {
  locale: Locale;
  kind: "logo" | "cover";
  /** The current image, if any. */
  url: string | null;
  label: string;
  hint: string;
  /** The back-office page a plain (script-less) upload returns to, with `?upload=ok` or `?uploadError=<key>`. */
  returnTo: string;
}

type Status = { state: "idle" } | { state: "uploading" } | { state: "done" } | { state: "error"; message: string };

/**
 * A plain multipart form to the upload endpoint, which sends a script-less browser back to
 * `returnTo`; with scripts it uploads in place, shows the outcome and refreshes the page's data.
 */
export function ImageUpload({ locale, kind, url, label, hint, returnTo }: ImageUploadProps) {
  const tr = translator(locale);
  const id = useId();
  const revalidator = useRevalidator();
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const [fileName, setFileName] = useState<string | null>(null);
  // Scripts get JSON back; a plain form names the page to come back to.
  const endpoint = `/admin/uploads/coop-image?kind=${kind}`;
  const action = `${endpoint}&redirectTo=${encodeURIComponent(returnTo)}`;

  async function upload(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const file = new FormData(form).get("file");
    event.preventDefault();
    if (!(file instanceof File) || file.size === 0) {
      setStatus({ state: "error", message: tr("settings.images.chooseFile") });
      return;
    }
    setStatus({ state: "uploading" });
    try {
      const response = await fetch(endpoint, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } });
      if (!response.ok) {
        // The endpoint answers refusals as { error: messageKey, params? }.
        const body = (await response.json().catch(() => null)) as { error?: unknown; params?: Record<string, string | number> } | null;
        const key = typeof body?.error === "string" ? body.error : undefined;
        setStatus({ state: "error", message: key ? translateKey(locale, key, body?.params) : tr("settings.images.failed") });
        return;
      }
      form.reset();
      setFileName(null);
      setStatus({ state: "done" });
      await revalidator.revalidate();
    } catch {
      setStatus({ state: "error", message: tr("settings.images.failed") });
    }
  }

  return (
    <form method="post" encType="multipart/form-data" action={action} onSubmit={upload} className="flex flex-col gap-3">
      <p className="font-medium text-earth-900">{label}</p>
      <div
        className={
          "grid place-items-center overflow-hidden border border-earth-200 bg-earth-50 " +
          (kind === "logo" ? "size-28 rounded-2xl" : "aspect-[16/6] w-full rounded-xl")
        }
      >
        {url ? (
          <img src={url} alt={label} className={"size-full " + (kind === "logo" ? "object-contain p-1" : "object-cover")} />
        ) : (
          <span className="flex flex-col items-center gap-1 text-sm text-earth-500">
            <ImageIcon className="size-8" />
            {tr("settings.images.none")}
          </span>
        )}
      </div>
      <div>
        {/* The browser's own file button speaks the browser's language; this label speaks the page's. */}
        <input
          id={id}
          type="file"
          name="file"
          accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setFileName(e.target.files?.[0]?.name ?? null);
            setStatus({ state: "idle" });
          }}
          className="peer sr-only"
        />
        <label
          htmlFor={id}
          className="inline-flex max-w-full cursor-pointer items-center gap-2 rounded-full border border-earth-300 bg-white px-4 py-2 text-sm font-semibold text-earth-800 hover:bg-earth-100 peer-focus-visible:outline-3 peer-focus-visible:outline-leaf-600"
        >
          <ImageIcon className="size-4 shrink-0" />
          <span className="sr-only">{label}: </span>
          <span className="truncate">{fileName ?? tr("settings.images.choose")}</span>
        </label>
        <p id={`${id}-hint`} className="mt-1.5 text-sm text-earth-600">
          {hint}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={status.state === "uploading"} className={`${primaryButtonClass} min-h-10 py-2 text-sm`}>
          {status.state === "uploading" ? tr("settings.images.uploading") : tr("settings.images.upload")}
        </button>
        <p role="status" className="text-sm">
          {status.state === "done" ? <span className="font-medium text-leaf-700">{tr("settings.images.done")}</span> : null}
          {status.state === "error" ? <span className="font-medium text-clay-800">{status.message}</span> : null}
        </p>
      </div>
    </form>
  );
}
