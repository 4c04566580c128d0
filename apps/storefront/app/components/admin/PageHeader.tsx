import type { ReactNode } from "react";

/** The title block at the top of each back-office page. */
export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{title}</h1>
        {description ? <p className="mt-1 max-w-prose text-earth-700">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

/** A white panel with an optional heading. */
export function Card({ title, action, children, className }: { title?: ReactNode; action?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6 ${className ?? ""}`}>
      {title ? (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold text-leaf-900">{title}</h2>
          {action}
        </div>
      ) : null}
      {children}
    </section>
  );
}
