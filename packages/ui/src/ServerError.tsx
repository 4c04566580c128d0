import { type Locale, translator } from "@coop/i18n";
import { isRouteErrorResponse } from "react-router";
import { primaryButtonClass } from "./buttons.ts";
import { WiltIcon } from "./icons.tsx";
import { StatusPage } from "./StatusPage.tsx";

/** "Something went wrong", with the request id to quote to support. */
export function ServerError({ locale, error, requestId }: { locale: Locale; error: unknown; requestId: string | undefined }) {
  const tr = translator(locale);
  // Details only while developing; production shows a calm page and a reference for the logs.
  const detail = import.meta.env.DEV && error instanceof Error ? (error.stack ?? error.message) : null;
  return (
    <StatusPage
      icon={<WiltIcon className="size-10" />}
      code={isRouteErrorResponse(error) ? String(error.status) : "500"}
      title={tr("error.server.title")}
      actions={
        <a href="" className={primaryButtonClass}>
          {tr("error.server.retry")}
        </a>
      }
    >
      <p>{tr("error.server.body")}</p>
      {requestId ? <p className="text-sm text-earth-500">{tr("error.server.reference", { id: requestId })}</p> : null}
      {detail ? (
        <pre className="mt-6 overflow-x-auto rounded-lg bg-earth-900 p-4 text-left text-xs text-earth-50">{detail}</pre>
      ) : null}
    </StatusPage>
  );
}
