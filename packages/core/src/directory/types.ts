/** A crop tag with its names (the crops reference table). */
export interface DirectoryCrop {
  code: string;
  nameTh: string;
  nameEn: string;
}

export interface DirectoryProvince {
  code: number;
  nameTh: string;
  nameEn: string;
}

/** A ศพก. (farm learning centre) as lists show it. */
export interface CentreCard {
  id: string;
  code: string;
  nameTh: string;
  nameEn: string | null;
  province: DirectoryProvince;
  districtTh: string;
  subdistrictTh: string | null;
  crops: DirectoryCrop[];
  modelFarmerName: string | null;
  phone: string | null;
}

export interface LinkedCoop {
  tenantId: string;
  slug: string;
  nameTh: string;
  nameEn: string | null;
  linkedAt: Date;
}

/** A joint meeting as the public sees it: when, where, what came of it. */
export interface PublicMeeting {
  id: string;
  heldOn: string;
  place: string;
  outcomes: string | null;
  coopSlug: string;
  coopNameTh: string;
  coopNameEn: string | null;
}

export interface SageCard {
  id: string;
  nameTh: string;
  nameEn: string | null;
  titleTh: string | null;
  expertiseTh: string;
  province: DirectoryProvince;
  districtTh: string | null;
  crops: DirectoryCrop[];
  photoKey: string | null;
  /** The photo at 256 px, or null (pages show initials). */
  photoUrl: string | null;
}

export interface CentreDetail extends CentreCard {
  address: string | null;
  descriptionTh: string | null;
  latitude: number | null;
  longitude: number | null;
  updatedAt: Date;
  linkedCoops: LinkedCoop[];
  meetings: PublicMeeting[];
  sages: SageCard[];
}

export interface SageArticle {
  id: string;
  tenantSlug: string;
  tenantNameTh: string;
  title: string;
  summary: string;
  publishedAt: Date;
}

export interface SageTalk {
  seminarId: string;
  tenantSlug: string;
  tenantNameTh: string;
  title: string;
  startsAt: Date;
  status: string;
}

export interface SageDetail extends SageCard {
  bioTh: string | null;
  phone: string | null;
  centre: { id: string; nameTh: string; nameEn: string | null } | null;
  addedByTenantId: string | null;
  updatedAt: Date;
  articles: SageArticle[];
  talks: SageTalk[];
}

export type LinkStatus = "proposed" | "confirmed" | "declined";

/** One of a co-op's own links, as its back office sees it. */
export interface TenantCentreLink {
  centreId: string;
  centreNameTh: string;
  centreNameEn: string | null;
  province: DirectoryProvince;
  districtTh: string;
  status: LinkStatus;
  note: string | null;
  proposedAt: Date;
  decidedAt: Date | null;
}

/** A meeting as the co-op that recorded it sees it (everything). */
export interface TenantMeeting {
  id: string;
  centreId: string;
  centreNameTh: string;
  heldOn: string;
  place: string;
  attendees: string;
  attendeeCount: number | null;
  minutes: string | null;
  outcomes: string | null;
  createdAt: Date;
}

/** A proposal waiting for a staff decision. */
export interface PendingLink {
  tenantId: string;
  tenantSlug: string;
  tenantNameTh: string;
  centreId: string;
  centreNameTh: string;
  note: string | null;
  proposedAt: Date;
}

export interface DirectoryPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}
