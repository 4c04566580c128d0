// Public entry of the seminars domain (เสวนา).
export {
  createSeminar, updateSeminar, publishSeminar, cancelSeminar, setSeminarSpeakers, listAdminSeminars, getAdminSeminar, listSageOptions, reindexSeminar, seminarFormOptions,
} from "./admin.ts";
export { listRegistrants, registrantsCsv, REGISTRANTS_CSV_MAX_ROWS } from "./registrants.ts";
export { addSeminarHarvest, removeSeminarHarvest, listHarvestArticleOptions, MAX_HARVEST_ITEMS } from "./harvest.ts";
export { listPublicSeminars, getPublicSeminar, registerForSeminar, cancelRegistration, describeRegistration, cancelPath } from "./public.ts";
export { seedDemoSeminars } from "./demo.ts";
export {
  seminarFieldsInput, seminarIdInput, updateSeminarInput, listAdminSeminarsInput, setSpeakersInput, listRegistrantsInput, registerInput, cancelTokenInput,
  listPublicSeminarsInput, addHarvestInput, removeHarvestInput, thaiPhoneSchema, isVideoUrl, bangkokInstant, bangkokParts, httpUrlSchema,
  MAX_SEMINAR_CAPACITY, MAX_SPEAKERS, SEMINAR_PAGE_SIZE_MAX, REGISTRANTS_PAGE_SIZE_MAX,
} from "./schemas.ts";
export type {
  SeminarFieldsInput, SeminarFields, UpdateSeminarInput, UpdateSeminar, ListAdminSeminarsInput, SetSpeakersInput, ListRegistrantsInput, RegisterInput, CancelTokenInput,
  ListPublicSeminarsInput, AddHarvestInput,
} from "./schemas.ts";
export type {
  SeminarStatus, HarvestKind, CropLabel, SeminarSpeaker, SeminarHarvestItem, SeminarSummary, AdminSeminarRow, AdminSeminar, PublicSeminarCard, PublicSeminar,
  Registrant, RegistrationReceipt,
} from "./types.ts";
