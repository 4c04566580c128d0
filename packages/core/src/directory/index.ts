// Public entry of the directory domain: ศพก. centres, farmer sages, co-op ↔ centre links and joint meetings.
export {
  listCentres, getCentre, createCentre, updateCentre, centreFilterOptions, centreOptions, listDirectoryCrops,
} from "./centres.ts";
export { listSages, getSage, createSage, updateSage, listSagesAddedBy, getSageForEdit } from "./sages.ts";
export type { SageEditor } from "./sages.ts";
export {
  proposeCentreLink, withdrawCentreLink, decideCentreLink, listPendingCentreLinks, listTenantCentreLinks, listConfirmedCentresOfTenant, staffRegionIds,
} from "./links.ts";
export { recordJointMeeting, listTenantMeetings } from "./meetings.ts";
export { importCentresCsv, CENTRE_CSV_COLUMNS, CENTRE_CSV_MAX_BYTES, CENTRE_CSV_MAX_ROWS } from "./csv-import.ts";
export type { CentreImportError, CentreImportReport } from "./csv-import.ts";
export {
  centreFields, updateCentreInput, sageFields, updateSageInput, listCentresInput, listSagesInput, proposeLinkInput, decideLinkInput,
  recordMeetingInput, centreCode,
} from "./schemas.ts";
export type { CentreFields, UpdateCentreInput, SageFields, UpdateSageInput, ListCentresInput, ListSagesInput, ProposeLinkInput, DecideLinkInput, RecordMeetingInput } from "./schemas.ts";
export type * from "./types.ts";
export { seedDemoDirectory } from "./demo.ts";
export { DEMO_CENTRES } from "./demo-data.ts";
export { setSagePhoto, sagePhotoUrl } from "./sage-photo.ts";
