import { type Locale, translator } from "@coop/i18n";
import { SignpostIcon } from "./icons.tsx";
import { buttonClass, StatusPage } from "./StatusPage.tsx";

export function NotFound({ locale }: { locale: Locale }) {
  const tr = translator(locale);
  return (
    <StatusPage
      icon={<SignpostIcon className="size-10" />}
      code="404"
      title={tr("error.notFound.title")}
      actions={
        <a href="/" className={buttonClass}>
          {tr("error.notFound.home")}
        </a>
      }
    >
      <p>{tr("error.notFound.body")}</p>
    </StatusPage>
  );
}
