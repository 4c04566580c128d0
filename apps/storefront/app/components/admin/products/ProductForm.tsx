import { type Locale, translator, UNIT_CODES, unitLabel } from "@coop/i18n";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { Alert, type FormErrors, FormSection, primaryButtonClass, SelectField, SubmitButton, TextAreaField, TextField, translateKey } from "@coop/ui";
import { type Category, PRODUCT_STATUSES, type ProductField, type ProductFormValues, STATUS_LABEL } from "./values.ts";

interface ProductFormProps {
  locale: Locale;
  mode: "create" | "edit";
  values: ProductFormValues;
  errors: FormErrors | null;
  categories: readonly Category[];
  /** Shown beside the save button (e.g. a cancel link). */
  secondaryAction?: ReactNode;
}

/**
 * Every field of a product, for adding one and for editing it. A plain POST form: it works
 * before (and without) scripts, and the server's field messages appear under each field with
 * what was typed kept.
 */
export function ProductForm({ locale, mode, values, errors, categories, secondaryAction }: ProductFormProps) {
  const tr = translator(locale);
  const fieldError = (name: ProductField) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);
  const optional = tr("admin.products.form.optional");
  const categoryName = (c: Category) => (locale === "th" ? c.nameTh : c.nameEn);

  return (
    <Form method="post" className="space-y-5" noValidate>
      {/* Enter in a text box saves: the first submit button of a form is its default. */}
      <button type="submit" name="intent" value="save" tabIndex={-1} aria-hidden="true" className="sr-only">
        {tr("admin.products.form.save")}
      </button>

      {errors ? (
        <Alert tone="error" title={tr("admin.products.form.checkFields")}>
          {errors.formError ? <p>{translateKey(locale, errors.formError, errors.params)}</p> : null}
        </Alert>
      ) : null}

      <FormSection title={tr("admin.products.form.section.basics")}>
        <TextField
          label={tr("admin.products.field.nameTh")}
          name="nameTh"
          required
          maxLength={200}
          autoComplete="off"
          placeholder={tr("admin.products.field.nameTh.placeholder")}
          defaultValue={values.nameTh}
          error={fieldError("nameTh")}
        />
        <TextField
          label={tr("admin.products.field.nameEn")}
          name="nameEn"
          lang="en"
          optional={optional}
          maxLength={200}
          autoComplete="off"
          defaultValue={values.nameEn}
          error={fieldError("nameEn")}
        />
        <SelectField
          label={tr("admin.products.field.category")}
          name="categoryId"
          optional={optional}
          defaultValue={values.categoryId}
          error={fieldError("categoryId")}
        >
          <option value="">{tr("admin.products.field.category.none")}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {categoryName(c)}
            </option>
          ))}
        </SelectField>
      </FormSection>

      <FormSection title={tr("admin.products.form.section.sale")}>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label={tr("admin.products.field.price")}
            name="price"
            required
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.00"
            suffix={tr("admin.products.field.price.suffix")}
            hint={tr("admin.products.field.price.hint")}
            defaultValue={values.price}
            error={fieldError("price")}
          />
          <SelectField label={tr("admin.products.field.unit")} name="unit" required defaultValue={values.unit} error={fieldError("unit")}>
            {UNIT_CODES.map((code) => (
              <option key={code} value={code}>
                {unitLabel(code, locale)}
              </option>
            ))}
          </SelectField>
        </div>
        <SelectField
          label={tr("admin.products.field.status")}
          name="status"
          hint={tr("admin.products.field.status.hint")}
          defaultValue={values.status}
          error={fieldError("status")}
        >
          {PRODUCT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {tr(STATUS_LABEL[status])}
            </option>
          ))}
        </SelectField>
        <TextField
          label={tr("admin.products.field.expectedHarvest")}
          name="expectedHarvest"
          type="month"
          placeholder="YYYY-MM"
          optional={tr("admin.products.field.expectedHarvest.when")}
          hint={tr("admin.products.field.expectedHarvest.hint")}
          defaultValue={values.expectedHarvest}
          error={fieldError("expectedHarvest")}
        />
        {mode === "create" ? (
          <TextField
            label={tr("admin.products.field.initialStock")}
            name="initialStock"
            inputMode="numeric"
            autoComplete="off"
            placeholder="0"
            hint={tr("admin.products.field.initialStock.hint")}
            defaultValue={values.initialStock}
            error={fieldError("initialStock")}
          />
        ) : null}
      </FormSection>

      <FormSection title={tr("admin.products.form.section.description")} description={tr("admin.products.form.section.description.lead")}>
        <TextAreaField
          label={tr("admin.products.field.descriptionTh")}
          name="descriptionTh"
          optional={optional}
          maxLength={5000}
          defaultValue={values.descriptionTh}
          error={fieldError("descriptionTh")}
        />
        <TextAreaField
          label={tr("admin.products.field.descriptionEn")}
          name="descriptionEn"
          lang="en"
          optional={optional}
          maxLength={5000}
          defaultValue={values.descriptionEn}
          error={fieldError("descriptionEn")}
        />
      </FormSection>

      <div className="sticky bottom-[calc(4.25rem+env(safe-area-inset-bottom))] z-20 -mx-4 border-t border-earth-200 bg-earth-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-2xl sm:border sm:px-5 lg:bottom-4">
        <div className="flex flex-wrap items-center justify-end gap-3">
          {secondaryAction}
          <SubmitButton intent="save" className={`${primaryButtonClass} grow sm:grow-0`} pendingLabel={tr("admin.products.form.saving")}>
            {mode === "create" ? tr("admin.products.form.create") : tr("admin.products.form.save")}
          </SubmitButton>
        </div>
      </div>
    </Form>
  );
}
