import { type Locale, translator } from "@coop/i18n";
import { Form } from "react-router";
import { FormSection, secondaryButtonClass, SubmitButton } from "@coop/ui";

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

function monthName(month: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "th" ? "th-TH" : "en-GB", { month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, month - 1, 1)));
}

/** Featured on the home page, and the months the product is in season (posted with intent "showcase"). */
export function ShowcaseForm({ locale, featured, harvestMonths }: { locale: Locale; featured: boolean; harvestMonths: number[] }) {
  const tr = translator(locale);
  return (
    <FormSection id="showcase" title={tr("admin.products.showcase.title")} description={tr("admin.products.showcase.lead")}>
      <Form method="post" className="space-y-5" key={`${featured}|${harvestMonths.join(",")}`}>
        <label className="flex items-start gap-3">
          <input type="checkbox" name="featured" defaultChecked={featured} className="mt-1 size-5 shrink-0 accent-leaf-700" />
          <span>
            <span className="block font-medium text-earth-900">{tr("admin.products.showcase.featured")}</span>
            <span className="block text-sm text-earth-600">{tr("admin.products.showcase.featuredHint")}</span>
          </span>
        </label>
        <fieldset>
          <legend className="font-medium text-earth-900">{tr("admin.products.showcase.months")}</legend>
          <p className="mb-3 text-sm text-earth-600">{tr("admin.products.showcase.monthsHint")}</p>
          <div className="grid grid-cols-4 gap-2 sm:grid-cols-6">
            {MONTHS.map((m) => (
              <label key={m} className="flex items-center justify-center gap-1.5 rounded-lg border border-earth-200 px-2 py-2 text-sm has-[:checked]:border-leaf-600 has-[:checked]:bg-leaf-50">
                <input type="checkbox" name="harvestMonths" value={m} defaultChecked={harvestMonths.includes(m)} className="size-4 accent-leaf-700" />
                {monthName(m, locale)}
              </label>
            ))}
          </div>
        </fieldset>
        <SubmitButton intent="showcase" className={secondaryButtonClass} pendingLabel={tr("admin.products.form.saving")}>
          {tr("admin.products.showcase.save")}
        </SubmitButton>
      </Form>
    </FormSection>
  );
}
