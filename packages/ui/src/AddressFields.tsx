import { type Locale, translator } from "@coop/i18n";
import { useRef, useState } from "react";
import { secondaryButtonClass } from "./buttons.ts";
import { SelectField, TextField } from "./form.tsx";
import { localized } from "./localized.ts";
import { queryProcedure } from "./trpc-fetch.ts";
import { useHydrated } from "./use-hydrated.ts";

/** The shapes signup.provinces, address.districts and address.subdistricts answer with. */
export interface Province {
  code: number;
  nameTh: string;
  nameEn: string | null;
  regionId: number;
  regionNameTh: string;
  regionNameEn: string | null;
}
export interface District {
  code: string;
  nameTh: string;
  nameEn: string | null;
}
export interface Subdistrict extends District {
  postcode: string;
}

interface AddressValues {
  addressProvinceCode: string;
  addressDistrict: string;
  addressSubdistrict: string;
  addressPostcode: string;
}

interface AddressFieldsProps {
  locale: Locale;
  provinces: Province[];
  districts: District[];
  subdistricts: Subdistrict[];
  values: AddressValues;
  errors: Partial<Record<keyof AddressValues, string>>;
}

/** Provinces under their regional centre, in Thai alphabetical order within each. */
export function groupProvinces(provinces: Province[], locale: Locale) {
  const groups = new Map<number, { label: string; items: Province[] }>();
  for (const p of provinces) {
    const group = groups.get(p.regionId) ?? { label: localized(locale, p.regionNameTh, p.regionNameEn), items: [] };
    group.items.push(p);
    groups.set(p.regionId, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, g]) => g);
}

/** A saved name the list no longer has is kept as a choice, so saving other fields never loses it. */
function withSaved<T extends { nameTh: string }>(items: T[], saved: string, make: (name: string) => T): T[] {
  return saved && !items.some((i) => i.nameTh === saved) ? [make(saved), ...items] : items;
}

/**
 * The Thai address pickers both sites use (co-op settings, shop checkout, marketplace checkout).
 * Province → district → sub-district → postcode. The server renders every list for the
 * saved (or just submitted) choice, and a "show districts" button reloads them without
 * scripts; with scripts each choice fetches the next list at once and fills the postcode.
 */
export function AddressFields({ locale, provinces, districts: initialDistricts, subdistricts: initialSubdistricts, values, errors }: AddressFieldsProps) {
  const tr = translator(locale);
  const hydrated = useHydrated();
  const [province, setProvince] = useState(values.addressProvinceCode);
  const [district, setDistrict] = useState(values.addressDistrict);
  const [subdistrict, setSubdistrict] = useState(values.addressSubdistrict);
  const [postcode, setPostcode] = useState(values.addressPostcode);
  const [districts, setDistricts] = useState(initialDistricts);
  const [subdistricts, setSubdistricts] = useState(initialSubdistricts);
  const [loading, setLoading] = useState<"districts" | "subdistricts" | null>(null);
  const [failed, setFailed] = useState(false);
  // Only the latest choice's answer may fill the lists.
  const latest = useRef(0);

  async function load<T>(kind: "districts" | "subdistricts", fetcher: () => Promise<T[]>, set: (items: T[]) => void) {
    const ticket = ++latest.current;
    setLoading(kind);
    setFailed(false);
    try {
      const items = await fetcher();
      if (ticket === latest.current) set(items);
    } catch {
      if (ticket === latest.current) setFailed(true);
    } finally {
      if (ticket === latest.current) setLoading(null);
    }
  }

  function chooseProvince(code: string) {
    setProvince(code);
    setDistrict("");
    setSubdistrict("");
    setDistricts([]);
    setSubdistricts([]);
    if (code) {
      void load("districts", async () => (await queryProcedure<{ items: District[] }>("address.districts", { provinceCode: Number(code) })).items, setDistricts);
    }
  }

  function chooseDistrict(name: string) {
    setDistrict(name);
    setSubdistrict("");
    setSubdistricts([]);
    const code = districts.find((d) => d.nameTh === name)?.code;
    if (code) {
      void load(
        "subdistricts",
        async () => (await queryProcedure<{ items: Subdistrict[] }>("address.subdistricts", { districtCode: code })).items,
        setSubdistricts,
      );
    }
  }

  function chooseSubdistrict(name: string) {
    setSubdistrict(name);
    const found = subdistricts.find((s) => s.nameTh === name);
    if (found?.postcode) setPostcode(found.postcode);
  }

  const districtOptions = withSaved(districts, district, (name) => ({ code: "", nameTh: name, nameEn: name }));
  const subdistrictOptions = withSaved(subdistricts, subdistrict, (name) => ({ code: "", nameTh: name, nameEn: name, postcode: "" }));
  const name = (item: { nameTh: string; nameEn: string | null }) => localized(locale, item.nameTh, item.nameEn);

  return (
    <div className="space-y-5">
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          label={tr("settings.address.province")}
          name="addressProvinceCode"
          value={province}
          onChange={(e) => chooseProvince(e.target.value)}
          error={errors.addressProvinceCode}
        >
          <option value="">{tr("settings.address.chooseProvince")}</option>
          {groupProvinces(provinces, locale).map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.items.map((p) => (
                <option key={p.code} value={String(p.code)}>
                  {name(p)}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <SelectField
          label={tr("settings.address.district")}
          name="addressDistrict"
          value={district}
          onChange={(e) => chooseDistrict(e.target.value)}
          disabled={hydrated && (!province || loading === "districts")}
          aria-busy={loading === "districts" || undefined}
          error={errors.addressDistrict}
        >
          <option value="">{loading === "districts" ? tr("admin.loading") : tr("settings.address.chooseDistrict")}</option>
          {districtOptions.map((d) => (
            <option key={d.code || d.nameTh} value={d.nameTh}>
              {name(d)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={tr("settings.address.subdistrict")}
          name="addressSubdistrict"
          value={subdistrict}
          onChange={(e) => chooseSubdistrict(e.target.value)}
          disabled={hydrated && (!district || loading === "subdistricts")}
          aria-busy={loading === "subdistricts" || undefined}
          error={errors.addressSubdistrict}
        >
          <option value="">{loading === "subdistricts" ? tr("admin.loading") : tr("settings.address.chooseSubdistrict")}</option>
          {subdistrictOptions.map((s) => (
            <option key={s.code || s.nameTh} value={s.nameTh}>
              {name(s)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={tr("settings.address.postcode")}
          name="addressPostcode"
          value={postcode}
          onChange={(e) => setPostcode(e.target.value)}
          inputMode="numeric"
          autoComplete="postal-code"
          maxLength={5}
          pattern="[0-9]{5}"
          error={errors.addressPostcode}
        />
      </div>
      {failed ? <p className="text-sm font-medium text-clay-800">{tr("settings.address.loadFailed")}</p> : null}
      {!hydrated ? (
        <div className="rounded-xl bg-earth-50 p-3 text-sm text-earth-700">
          <p>{tr("settings.address.noScript")}</p>
          <button type="submit" name="intent" value="address" formNoValidate className={`${secondaryButtonClass} mt-2 min-h-9 py-1.5 text-sm`}>
            {tr("settings.address.refresh")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
