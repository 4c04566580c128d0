import { type Locale, translator } from "@coop/i18n";
import type { ReactNode } from "react";
import { LanguageSwitch, LogoMark } from "@coop/ui";
import { ArrowLeftIcon } from "../icons.tsx";

interface AuthLayoutProps {
  locale: Locale;
  coopName: string;
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  /** Under the card, e.g. "Forgot your password?". */
  footer?: ReactNode;
}

/** The quiet frame of the sign-in, password and invitation pages: the co-op's name and one card. */
export function AuthLayout({ locale, coopName, title, lead, children, footer }: AuthLayoutProps) {
  const tr = translator(locale);
  return (
    <div className="flex min-h-dvh flex-col bg-linear-to-b from-leaf-50 to-earth-50">
      <header className="border-b border-earth-200/70">
        <div className="mx-auto flex min-h-16 w-full max-w-xl items-center justify-between gap-3 px-4 py-3">
          <a href="/" className="flex min-w-0 items-center gap-3 rounded-md">
            <LogoMark className="size-9 shrink-0 text-leaf-700" />
            <span className="min-w-0">
              <span className="block truncate font-semibold leading-snug text-leaf-900">{coopName}</span>
              <span className="block text-xs text-earth-600">{tr("admin.backOffice")}</span>
            </span>
          </a>
          <LanguageSwitch locale={locale} />
        </div>
      </header>
      <main id="main" className="flex-1 px-4 py-8 sm:py-14">
        <div className="mx-auto w-full max-w-md">
          <div className="rounded-2xl border border-earth-200 bg-white p-5 shadow-sm sm:p-8">
            <h1 className="text-2xl font-bold text-leaf-900">{title}</h1>
            {lead ? <div className="mt-2 text-earth-700">{lead}</div> : null}
            <div className="mt-6">{children}</div>
          </div>
          {footer ? <div className="mt-6 text-center text-sm text-earth-700">{footer}</div> : null}
          <p className="mt-8 text-center text-sm">
            <a href="/" className="inline-flex items-center gap-1.5 text-earth-700 hover:text-earth-900 hover:underline">
              <ArrowLeftIcon className="size-4" />
              {tr("admin.backToSite")}
            </a>
          </p>
        </div>
      </main>
    </div>
  );
}
