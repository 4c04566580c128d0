import { type Locale, translator } from "@coop/i18n";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { Alert, type FormErrors, FormSection, localized, SelectField, SubmitButton, TextAreaField, TextField, translateKey } from "@coop/ui";
import { type Province, type SeminarFormValues, type SeminarOptions, TOPICS } from "./values.ts";

/** The seminar's details: the same form for a new seminar and for editing one (works without scripts). */
export function SeminarForm({
  locale,
  mode,
  values,
  errors,
  crops,
  provinces,
  disabled = false,
  secondaryAction,
}: {
  locale: Locale;
  mode: "create" | "edit";
  values: SeminarFormValues;
  errors: FormErrors | null;
  crops: SeminarOptions["crops"];
  provinces: Province[];
  disabled?: boolean;
  secondaryAction?: ReactNode;
}) {
  const tr = translator(locale);
  const fieldError = (name: string) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);
  const optional = tr("seminar.form.optional");
  return (
    <Form method="post" noValidate className="space-y-5">
      <input type="hidden" name="intent" value="details" />
      {errors?.formError ? <Alert tone="error">{translateKey(locale, errors.formError, errors.params)}</Alert> : null}
      {errors && !errors.formError && Object.keys(errors.fields).length > 0 ? <Alert tone="error">{tr("validation.check_fields")}</Alert> : null}
      <fieldset disabled={disabled} className="min-w-0 space-y-5">
        <FormSection title={tr("seminar.admin.details")}>
          <div className="space-y-4">
            <TextField label={tr("seminar.form.title")} name="title" defaultValue={values.title} maxLength={200} required error={fieldError("title")} />
            <TextAreaField
              label={tr("seminar.form.description")}
              name="description"
              defaultValue={values.description}
              maxLength={10000}
              rows={6}
              hint={tr("seminar.form.descriptionHint")}
              optional={optional}
              error={fieldError("description")}
            />
            <SelectField label={tr("seminar.form.topic")} name="topic" defaultValue={values.topic} error={fieldError("topic")}>
              {TOPICS.map((topic) => (
                <option key={topic} value={topic}>
                  {tr(`seminar.topic.${topic}`)}
                </option>
              ))}
            </SelectField>
            <fieldset className="min-w-0">
              <legend className="mb-1.5 font-medium text-earth-900">
                {tr("seminar.form.crops")} <span className="text-sm font-normal text-earth-500">{optional}</span>
              </legend>
              <div className="flex flex-wrap gap-2">
                {crops.map((crop) => (
                  <label
                    key={crop.code}
                    className="inline-flex cursor-pointer items-center gap-2 rounded-full border border-earth-300 bg-white px-3 py-1.5 text-sm has-checked:border-leaf-700 has-checked:bg-leaf-50 has-checked:text-leaf-900"
                  >
                    <input type="checkbox" name="crops" value={crop.code} defaultChecked={values.crops.includes(crop.code)} className="size-4 accent-leaf-700" />
                    {localized(locale, crop.nameTh, crop.nameEn)}
                  </label>
                ))}
              </div>
              {fieldError("crops") ? <p className="mt-1.5 text-sm font-medium text-clay-800">{fieldError("crops")}</p> : null}
            </fieldset>
          </div>
        </FormSection>

        <FormSection title={tr("seminar.form.when")}>
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField label={tr("seminar.form.startDate")} name="startDate" type="date" defaultValue={values.startDate} required error={fieldError("startDate")} />
            <TextField label={tr("seminar.form.startTime")} name="startTime" type="time" defaultValue={values.startTime} required error={fieldError("startTime")} />
            <TextField label={tr("seminar.form.endTime")} name="endTime" type="time" defaultValue={values.endTime} required error={fieldError("endTime")} />
            <TextField
              label={tr("seminar.form.endDate")}
              name="endDate"
              type="date"
              defaultValue={values.endDate}
              optional={optional}
              hint={tr("seminar.form.endDateHint")}
              error={fieldError("endDate")}
              className="sm:col-span-3 sm:max-w-xs"
            />
          </div>
        </FormSection>

        <FormSection title={tr("seminar.form.where")} description={tr("seminar.form.whereHint")}>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label={tr("seminar.form.place")} name="place" defaultValue={values.place} maxLength={300} error={fieldError("place")} className="sm:col-span-2" />
            <SelectField label={tr("seminar.form.province")} name="provinceCode" defaultValue={values.provinceCode} optional={optional} error={fieldError("provinceCode")}>
              <option value="">{tr("seminar.form.noProvince")}</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {localized(locale, p.nameTh, p.nameEn)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={tr("seminar.form.capacity")}
              name="capacity"
              type="number"
              inputMode="numeric"
              min={1}
              max={100000}
              defaultValue={values.capacity}
              required
              error={fieldError("capacity")}
            />
            <TextField
              label={tr("seminar.form.onlineUrl")}
              name="onlineUrl"
              type="url"
              defaultValue={values.onlineUrl}
              maxLength={500}
              placeholder="https://"
              hint={tr("seminar.form.onlineUrlHint")}
              error={fieldError("onlineUrl")}
              className="sm:col-span-2"
            />
          </div>
        </FormSection>

        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton>{tr(mode === "create" ? "seminar.form.create" : "seminar.form.save")}</SubmitButton>
          {secondaryAction}
        </div>
      </fieldset>
    </Form>
  );
}
