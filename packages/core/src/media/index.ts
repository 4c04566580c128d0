export { detectImageType, inspectUpload, MAX_UPLOAD_BYTES, IMAGE_TYPES, IMAGE_MIME } from "./inspect.ts";
export type { ImageType } from "./inspect.ts";
export {
  processImage, plannedSizes, MAX_INPUT_PIXELS, MAX_CONCURRENT_IMAGE_JOBS, PRODUCT_PHOTO_VARIANTS, LOGO_VARIANTS, COVER_VARIANTS,
} from "./process.ts";
export type { ProcessedImage, ImageVariant, VariantSpec, ProcessOptions } from "./process.ts";
export { readMediaEnv } from "./env.ts";
export type { MediaEnv, S3Config } from "./env.ts";
export {
  LocalDiskStorage, S3Storage, createMediaStorage, isSafeMediaKey, contentTypeForKey, UnsafeMediaKeyError,
} from "./storage.ts";
export type { MediaStorage, StoredObject, S3StorageOptions } from "./storage.ts";
export { mediaUrl, tenantMediaPrefix, MEDIA_PATH_PREFIX } from "./urls.ts";
export {
  addProductPhoto, listProductPhotos, removeProductPhoto, reorderProductPhotos, setCoopImage, coopImageVariants, MAX_PHOTOS_PER_PRODUCT,
} from "./service.ts";
export { enqueueMediaDeletion, createMediaDeleteHandler, MEDIA_DELETE_KIND } from "./cleanup.ts";
export type { MediaDeletePayload } from "./cleanup.ts";
export type {
  AddProductPhotoInput, SetCoopImageInput, ProductPhotoView, MediaVariantView, CoopImageKind, CoopImageView, CoopImageVariantView,
} from "./service.ts";
export {
  uploadOrderSlip, listOrderSlips, readOrderSlip, readSlipByTrackingToken, isSlipKey, SLIP_VARIANTS, SLIP_UPLOADED_NOTE,
} from "../orders/slips.ts";
export type { OrderSlipView } from "../orders/slips.ts";
