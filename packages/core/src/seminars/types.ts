import type { KnowledgeTopic } from "@coop/db";

export type SeminarStatus = "draft" | "published" | "cancelled";
export type HarvestKind = "article" | "video" | "slides" | "link";

export interface CropLabel {
  code: string;
  nameTh: string;
  nameEn: string;
}

export interface SeminarSpeaker {
  sageId: string;
  nameTh: string;
  nameEn: string | null;
  titleTh: string | null;
  expertiseTh: string;
  position: number;
}

export interface SeminarHarvestItem {
  id: string;
  kind: HarvestKind;
  title: string;
  /** Where the item opens: the article's network page for an article, the link otherwise. */
  url: string | null;
  articleId: string | null;
  createdAt: Date;
}

/** The fields every view of a seminar shares. */
export interface SeminarSummary {
  id: string;
  title: string;
  topic: KnowledgeTopic;
  crops: CropLabel[];
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  province: { code: number; nameTh: string; nameEn: string } | null;
  onlineUrl: string | null;
  capacity: number;
  registeredCount: number;
  seatsLeft: number;
  status: SeminarStatus;
  /** As of loading: the event has begun / is over (pages must not read the clock while rendering). */
  started: boolean;
  ended: boolean;
}

export interface AdminSeminarRow extends SeminarSummary {
  updatedAt: Date;
}

export interface AdminSeminar extends SeminarSummary {
  description: string;
  speakers: SeminarSpeaker[];
  harvest: SeminarHarvestItem[];
  cancelledCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface PublicSeminarCard extends SeminarSummary {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  speakerNames: string[];
}

export interface PublicSeminar extends PublicSeminarCard {
  description: string;
  speakers: SeminarSpeaker[];
  harvest: SeminarHarvestItem[];
  /** "open" takes registrations; the others say why not. */
  registration: "open" | "full" | "ended" | "cancelled";
}

export interface Registrant {
  id: string;
  name: string;
  phone: string;
  interest: string | null;
  status: "registered" | "cancelled";
  createdAt: Date;
  cancelledAt: Date | null;
}

export interface RegistrationReceipt {
  registrationId: string;
  /** Shown once: only its hash is stored. */
  cancelToken: string;
  cancelPath: string;
  seminarTitle: string;
  startsAt: Date;
  seatsLeft: number;
}
