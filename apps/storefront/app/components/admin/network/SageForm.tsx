import { type Locale, translator } from "@coop/i18n";
import { Form } from "react-router";
import { Alert, type FormErrors, SelectField, SubmitButton, TextAreaField, TextField, translateKey } from "@coop/ui";
import type { ReactNode } from "react";

export interface SageFormValues {
  nameTh: string;
  nameEn: string;
  titleTh: string;
  expertiseTh: string;
  bioTh: string;
  provinceCode: string;
  districtTh: string;
  crops: string[];
  phone: string;
  centreId: string;
}

export const EMPTY_SAGE: SageFormValues = {
  nameTh: "", nameEn: "", titleTh: "", expertiseTh: "", bioTh: "", provinceCode: "", districtTh: "", crops: [], phone: "", centreId: "",
};

export function readSageForm(form: FormData): SageFormValues {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  return {
    nameTh: text("nameTh"), nameEn: text("nameEn"), titleTh: text("titleTh"), expertiseTh: text("expertiseTh"), bioTh: text("bioTh"),
    provinceCode: text("provinceCode"), districtTh: text("districtTh"),
    crops: form.getAll("crops").filter((v): v is string => typeof v === "string").slice(0, 30),
    phone: text("phone"), centreId: text("centreId"),
  };
}

/** The procedure input for the form's values (the procedure validates; empty optional text becomes null). */
export function sageInput(values: SageFormValues) {
  return {
    nameTh: values.nameTh, nameEn: values.nameEn, titleTh: values.titleTh, expertiseTh: values.expertiseTh, bioTh: values.bioTh,
    provinceCode: values.provinceCode as unknown as number, districtTh: values.districtTh, crops: values.crops, phone: values.phone,
    centreId: values.centreId === "" ? null : values.centreId,
  };
}

interface Option {
  value: string;
  label: string;
}

export function SageForm({
  locale, values, errors, provinces, crops, centres, secondaryAction, photoNote = true,
}: {
  locale: Locale;
  values: SageFormValues;
  errors: FormErrors | null;
  provinces: Option[];
  crops: Option[];
  centres: Option[];
  secondaryAction: ReactNode;
  /** Say that a photo can be added after saving (the new-sage page). */
  photoNote?: boolean;
}) {
  const tr = translator(locale);
  const err = (field: string) => (errors?.fields[field] ? translateKey(locale, errors.fields[field], errors.params) : undefined);
  const optional = tr("directory.admin.optional");
  const cropError = err("crops") ?? Object.entries(errors?.fields ?? {}).find(([k]) => k.startsWith("crops."))?.[1];
  return (
    <Form method="post" className="space-y-5 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6" noValidate>
      {errors?.formError ? <Alert tone="error">{translateKey(locale, errors.formError, errors.params)}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={tr("directory.sageForm.nameTh")} name="nameTh" required maxLength={200} defaultValue={values.nameTh} error={err("nameTh")} />
        <TextField label={tr("directory.sageForm.nameEn")} name="nameEn" maxLength={200} optional={optional} defaultValue={values.nameEn} error={err("nameEn")} />
      </div>
      <TextField label={tr("directory.sageForm.titleTh")} name="titleTh" maxLength={200} optional={optional} defaultValue={values.titleTh} error={err("titleTh")} />
      <TextField label={tr("directory.sageForm.expertiseTh")} hint={tr("directory.sageForm.expertiseHint")} name="expertiseTh" required maxLength={500} defaultValue={values.expertiseTh} error={err("expertiseTh")} />
      <TextAreaField label={tr("directory.sageForm.bioTh")} name="bioTh" rows={5} maxLength={10000} optional={optional} defaultValue={values.bioTh} error={err("bioTh")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={tr("directory.sageForm.province")} name="provinceCode" required defaultValue={values.provinceCode} error={err("provinceCode")}>
          <option value="">{tr("directory.sageForm.chooseProvince")}</option>
          {provinces.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </SelectField>
        <TextField label={tr("directory.sageForm.districtTh")} name="districtTh" maxLength={100} optional={optional} defaultValue={values.districtTh} error={err("districtTh")} />
      </div>
      <fieldset>
        <legend className="mb-2 font-medium text-earth-900">
          {tr("directory.sageForm.crops")} <span className="text-sm font-normal text-earth-600">({optional})</span>
        </legend>
        <div className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3 lg:grid-cols-4">
          {crops.map((c) => (
            <label key={c.value} className="flex items-center gap-2 text-earth-800">
              <input type="checkbox" name="crops" value={c.value} defaultChecked={values.crops.includes(c.value)} className="size-4 accent-leaf-700" />
              {c.label}
            </label>
          ))}
        </div>
        {cropError ? <p className="mt-1 text-sm font-medium text-red-700">{translateKey(locale, cropError, errors?.params)}</p> : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={tr("directory.sageForm.phone")} name="phone" type="tel" maxLength={30} optional={optional} defaultValue={values.phone} error={err("phone")} />
        <SelectField label={tr("directory.sageForm.centre")} name="centreId" defaultValue={values.centreId} error={err("centreId")}>
          <option value="">{tr("directory.sageForm.noCentre")}</option>
          {centres.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
      </div>
      {photoNote ? <p className="text-sm text-earth-600">{tr("directory.sageForm.photoNote")}</p> : null}
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel={tr("directory.admin.saving")}>{tr("directory.admin.save")}</SubmitButton>
        {secondaryAction}
      </div>
    </Form>
  );
}
