import type { WebLoadContext } from "@coop/trpc";
import { text } from "@coop/ui";
import { bangkokParts } from "../../seminars/format.ts";

type Trpc = WebLoadContext["trpc"];
export type AdminSeminar = Awaited<ReturnType<Trpc["seminarsAdmin"]["get"]>>;
export type AdminSeminarRow = Awaited<ReturnType<Trpc["seminarsAdmin"]["list"]>>["items"][number];
export type SeminarOptions = Awaited<ReturnType<Trpc["seminarsAdmin"]["options"]>>;
export type Province = Awaited<ReturnType<Trpc["signup"]["provinces"]>>["items"][number];

/** The seminar form's boxes, as typed (sent back unchanged after a refusal). */
export interface SeminarFormValues {
  title: string;
  description: string;
  topic: string;
  crops: string[];
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  place: string;
  provinceCode: string;
  onlineUrl: string;
  capacity: string;
}

export const EMPTY_SEMINAR: SeminarFormValues = {
  title: "", description: "", topic: "production", crops: [], startDate: "", startTime: "09:00", endDate: "", endTime: "12:00", place: "", provinceCode: "",
  onlineUrl: "", capacity: "50",
};

export const TOPICS = ["production", "processing", "marketing", "management", "technology"] as const;

export const STATUS_TONE = {
  draft: "bg-earth-100 text-earth-700 ring-earth-300",
  published: "bg-leaf-50 text-leaf-800 ring-leaf-600/40",
  cancelled: "bg-clay-50 text-clay-800 ring-clay-800/30",
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isSeminarId = (value: string | undefined): value is string => typeof value === "string" && UUID.test(value);

export function readSeminarForm(form: FormData): SeminarFormValues {
  return {
    title: text(form, "title"),
    description: text(form, "description"),
    topic: text(form, "topic"),
    crops: form.getAll("crops").filter((v): v is string => typeof v === "string").slice(0, 20),
    startDate: text(form, "startDate"),
    startTime: text(form, "startTime"),
    endDate: text(form, "endDate"),
    endTime: text(form, "endTime"),
    place: text(form, "place"),
    provinceCode: text(form, "provinceCode"),
    onlineUrl: text(form, "onlineUrl"),
    capacity: text(form, "capacity"),
  };
}

/** The procedure's input: the schema does the checking (and says what is wrong). */
export function seminarInput(v: SeminarFormValues) {
  return {
    title: v.title,
    description: v.description,
    topic: v.topic as (typeof TOPICS)[number],
    crops: v.crops,
    startDate: v.startDate,
    startTime: v.startTime,
    endDate: v.endDate,
    endTime: v.endTime,
    place: v.place,
    provinceCode: v.provinceCode ? Number(v.provinceCode) : null,
    onlineUrl: v.onlineUrl,
    capacity: v.capacity.trim() === "" ? Number.NaN : Number(v.capacity.replace(/,/g, "")),
  };
}

export function seminarToValues(s: AdminSeminar): SeminarFormValues {
  const start = bangkokParts(new Date(s.startsAt));
  const end = bangkokParts(new Date(s.endsAt));
  return {
    title: s.title,
    description: s.description,
    topic: s.topic,
    crops: s.crops.map((c) => c.code),
    startDate: start.date,
    startTime: start.time,
    endDate: end.date === start.date ? "" : end.date,
    endTime: end.time,
    place: s.place ?? "",
    provinceCode: s.province ? String(s.province.code) : "",
    onlineUrl: s.onlineUrl ?? "",
    capacity: String(s.capacity),
  };
}
