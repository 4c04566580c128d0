import type { ReactNode } from "react";

interface StatusPageProps {
  icon: ReactNode;
  /** Shown small above the title, e.g. "404". */
  code?: string;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}

/** The calm, centred page used for "not found", "closed" and "something went wrong". */
export function StatusPage({ icon, code, title, children, actions }: StatusPageProps) {
  return (
    <section aria-labelledby="status-title" className="container-page py-16 sm:py-24">
      <div className="mx-auto max-w-xl text-center">
        <div className="mx-auto grid size-20 place-items-center rounded-full bg-leaf-100 text-leaf-700 ring-8 ring-leaf-50">
          {icon}
        </div>
        {code ? <p className="mt-8 text-sm font-semibold tracking-widest text-earth-500">{code}</p> : null}
        <h1 id="status-title" className={(code ? "mt-2" : "mt-8") + " text-2xl font-bold text-leaf-900 sm:text-3xl"}>
          {title}
        </h1>
        <div className="mt-4 space-y-3 text-earth-700">{children}</div>
        {actions ? <div className="mt-8 flex flex-wrap justify-center gap-3">{actions}</div> : null}
      </div>
    </section>
  );
}
