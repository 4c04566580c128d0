import { type Locale, translator } from "@coop/i18n";
import { primaryButtonClass } from "./buttons.ts";
import { SignpostIcon } from "./icons.tsx";
import { StatusPage } from "./StatusPage.tsx";

export function NotFound({ locale }: { locale: Locale }) {
  const tr = translator(locale);
  return (
    <StatusPage
      icon={<SignpostIcon className="size-10" />}
      code="404"
      title={tr("error.notFound.title")}
      actions={
        <a href="/" className={primaryButtonClass}>
          {tr("error.notFound.home")}
        </a>
      }
    >
      <p>{tr("error.notFound.body")}</p>
    </StatusPage>
  );
}
