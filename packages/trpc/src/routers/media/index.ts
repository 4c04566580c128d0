import { router } from "../../trpc.ts";
import { listProductPhotos } from "./list-product-photos.ts";
import { removeProductPhoto } from "./remove-product-photo.ts";
import { reorderProductPhotos } from "./reorder-product-photos.ts";

/**
 * Product photos in the co-op back office (uploads themselves are multipart HTTP, see the
 * API's media routes). Every procedure acts for the Host's co-op and needs products.edit.
 */
export const mediaRouter = router({ listProductPhotos, removeProductPhoto, reorderProductPhotos });
