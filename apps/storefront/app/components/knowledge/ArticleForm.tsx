import { type Locale, translator } from "@coop/i18n";
import { type ReactNode, type RefObject, useRef } from "react";
import { Form } from "react-router";
import { Alert, type FormErrors, FormSection, SelectField, SubmitButton, TextAreaField, TextField, translateKey, useFocusFirstInvalid } from "@coop/ui";
import { MarkdownEditor } from "./MarkdownEditor.tsx";
import { type ArticleFormOptions, type ArticleFormValues, KNOWLEDGE_TOPIC_CODES, SOURCE_KINDS } from "./values.ts";

interface ArticleFormProps {
  locale: Locale;
  mode: "create" | "edit";
  values: ArticleFormValues;
  /** The body as state (the image list below the form inserts into it). */
  bodyMd: string;
  onBodyChange: (value: string) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  previewHtml: string;
  errors: FormErrors | null;
  options: ArticleFormOptions;
  secondaryAction?: ReactNode;
}

/** Title, summary, topic, crops, source and the Markdown body with its live preview. */
export function ArticleForm({ locale, mode, values, bodyMd, onBodyChange, textareaRef, previewHtml, errors, options, secondaryAction }: ArticleFormProps) {
  const tr = translator(locale);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, errors);
  const fieldError = (name: string) => {
    const key = errors?.fields[name];
    return key ? translateKey(locale, key, errors?.params) : undefined;
  };
  const cropName = (c: ArticleFormOptions["crops"][number]) => (locale === "th" ? c.nameTh : c.nameEn);
  return (
    <Form ref={form} method="post" className="space-y-5" noValidate>
      {errors ? (
        <Alert tone="error" title={tr("knowledge.form.fixErrors")}>
          {errors.formError ? <p>{translateKey(locale, errors.formError, errors.params)}</p> : null}
        </Alert>
      ) : null}
      <FormSection title={mode === "create" ? tr("knowledge.form.newTitle") : tr("knowledge.form.editTitle")}>
        <TextField label={tr("knowledge.form.title")} name="title" defaultValue={values.title} maxLength={200} required error={fieldError("title")} />
        <TextAreaField
          label={tr("knowledge.form.summary")}
          name="summary"
          rows={3}
          defaultValue={values.summary}
          maxLength={500}
          hint={tr("knowledge.form.summaryHint")}
          error={fieldError("summary")}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <SelectField label={tr("knowledge.form.topic")} name="topic" defaultValue={values.topic} required error={fieldError("topic")}>
            <option value="">{tr("knowledge.form.topicChoose")}</option>
            {KNOWLEDGE_TOPIC_CODES.map((topic) => (
              <option key={topic} value={topic}>
                {tr(`knowledge.topic.${topic}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={tr("knowledge.form.source")} name="sourceKind" defaultValue={values.sourceKind} error={fieldError("sourceKind")}>
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tr(`knowledge.source.${kind}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <SelectField label={tr("knowledge.form.sourceCentre")} name="sourceCentreId" defaultValue={values.sourceCentreId} error={fieldError("sourceCentreId")}>
            <option value="">{tr("knowledge.form.sourceNone")}</option>
            {options.centres.map((c) => (
              <option key={c.id} value={c.id}>
                {c.nameTh}
              </option>
            ))}
          </SelectField>
          <SelectField label={tr("knowledge.form.sourceSage")} name="sourceSageId" defaultValue={values.sourceSageId} error={fieldError("sourceSageId")}>
            <option value="">{tr("knowledge.form.sourceNone")}</option>
            {options.sages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.nameTh}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset aria-invalid={fieldError("crops") ? true : undefined}>
          <legend className="mb-2 font-medium text-earth-900">{tr("knowledge.form.crops")}</legend>
          <div className="flex flex-wrap gap-2">
            {options.crops.map((crop) => (
              <label
                key={crop.code}
                className="inline-flex cursor-pointer items-center gap-2 rounded-full border border-earth-200 bg-white px-3 py-1.5 text-sm has-checked:border-leaf-600 has-checked:bg-leaf-50 has-checked:text-leaf-900"
              >
                <input type="checkbox" name="crops" value={crop.code} defaultChecked={values.crops.includes(crop.code)} className="size-4 accent-leaf-700" />
                {cropName(crop)}
              </label>
            ))}
          </div>
          {fieldError("crops") ? <p className="mt-1.5 text-sm font-medium text-clay-800">{fieldError("crops")}</p> : null}
        </fieldset>
      </FormSection>
      <section className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6">
        <MarkdownEditor
          locale={locale}
          value={bodyMd}
          onChange={onBodyChange}
          initialHtml={previewHtml}
          error={fieldError("bodyMd")}
          textareaRef={textareaRef}
        />
      </section>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton intent="save" pendingLabel="…">
          {mode === "create" ? tr("knowledge.form.create") : tr("knowledge.form.save")}
        </SubmitButton>
        {secondaryAction}
      </div>
    </Form>
  );
}
