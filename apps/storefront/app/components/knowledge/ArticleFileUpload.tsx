import { type Locale, translator } from "@coop/i18n";
import { type FormEvent, useId, useState } from "react";
import { useRevalidator } from "react-router";
import { secondaryButtonClass, translateKey } from "@coop/ui";
import type { ArticleFile } from "./values.ts";

type Status = { state: "idle" } | { state: "uploading" } | { state: "done" } | { state: "error"; message: string };

interface ArticleFileUploadProps {
  locale: Locale;
  articleId: string;
  kind: "image" | "cover" | "pdf";
  label: string;
  hint?: string;
  /** Called with the stored file once a scripted upload succeeds (e.g. to insert an image into the body). */
  onUploaded?: (file: ArticleFile) => void;
}

/**
 * A plain multipart form to the article upload endpoint: without scripts the endpoint sends the
 * browser back to the editor (`?upload=ok` / `?uploadError=<key>`); with scripts it uploads in
 * place, reports the outcome and refreshes the page's data.
 */
export function ArticleFileUpload({ locale, articleId, kind, label, hint, onUploaded }: ArticleFileUploadProps) {
  const tr = translator(locale);
  const id = useId();
  const revalidator = useRevalidator();
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const endpoint = `/admin/uploads/article-file?articleId=${articleId}&kind=${kind}`;
  const action = `${endpoint}&redirectTo=${encodeURIComponent(`/admin/knowledge/${articleId}`)}`;

  async function upload(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const file = new FormData(form).get("file");
    event.preventDefault();
    if (!(file instanceof File) || file.size === 0) {
      setStatus({ state: "error", message: translateKey(locale, "media.file_required") });
      return;
    }
    setStatus({ state: "uploading" });
    try {
      const response = await fetch(endpoint, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } });
      const body = (await response.json().catch(() => null)) as (ArticleFile & { error?: unknown; params?: Record<string, string | number> }) | null;
      if (!response.ok || !body) {
        const reason = typeof body?.error === "string" ? translateKey(locale, body.error, body.params) : String(response.status);
        setStatus({ state: "error", message: tr("knowledge.form.uploadFailed", { reason }) });
        return;
      }
      form.reset();
      setStatus({ state: "done" });
      onUploaded?.(body);
      await revalidator.revalidate();
    } catch {
      setStatus({ state: "error", message: tr("knowledge.form.uploadFailed", { reason: "—" }) });
    }
  }

  return (
    <form method="post" encType="multipart/form-data" action={action} onSubmit={upload} className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-earth-900">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          type="file"
          name="file"
          accept={kind === "pdf" ? "application/pdf,.pdf" : "image/jpeg,image/png,image/webp,image/heic,image/heif"}
          className="block min-w-0 max-w-full flex-1 text-sm text-earth-700 file:mr-3 file:rounded-lg file:border-0 file:bg-earth-100 file:px-3 file:py-2 file:font-medium file:text-earth-900"
        />
        <button type="submit" className={secondaryButtonClass} disabled={status.state === "uploading"}>
          {status.state === "uploading" ? "…" : tr("knowledge.form.upload")}
        </button>
      </div>
      {hint ? <p className="text-sm text-earth-600">{hint}</p> : null}
      <p role="status" className="text-sm">
        {status.state === "done" ? <span className="font-medium text-leaf-800">{tr("knowledge.form.uploaded")}</span> : null}
        {status.state === "error" ? <span className="font-medium text-clay-800">{status.message}</span> : null}
      </p>
    </form>
  );
}
