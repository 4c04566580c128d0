import { type Locale, translator } from "@coop/i18n";
import { Form } from "react-router";
import { Alert, primaryButtonClass } from "@coop/ui";

export interface PhotoView {
  id: string;
  position: number;
  url: string;
  variants: Array<{ width: number; url: string }>;
}

/**
 * The product's photos: upload (a plain multipart form that works without JavaScript; the
 * server answers with a redirect back here), make one the cover, remove.
 */
export function ProductPhotos({
  productId,
  photos,
  max,
  locale,
  uploadResult,
}: {
  productId: string;
  photos: PhotoView[];
  max: number;
  locale: Locale;
  uploadResult: { ok: true } | { ok: false; messageKey: string } | null;
}) {
  const tr = translator(locale);
  const back = `/admin/products/${productId}`;
  const full = photos.length >= max;
  return (
    <div className="space-y-4" data-testid="product-photos">
      {uploadResult?.ok ? <Alert tone="success">{tr("admin.products.photos.added")}</Alert> : null}
      {uploadResult && !uploadResult.ok ? (
        <Alert tone="error">{tr(uploadResult.messageKey as never, { max, maxMegabytes: 10 } as never) ?? tr("admin.products.photos.failed")}</Alert>
      ) : null}
      {photos.length > 0 ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {photos.map((photo, index) => (
            <li key={photo.id} className="overflow-hidden rounded-xl border border-earth-200 bg-white">
              <img
                src={photo.variants[0]?.url ?? photo.url}
                srcSet={photo.variants.map((v) => `${v.url} ${v.width}w`).join(", ")}
                sizes="(min-width: 640px) 12rem, 45vw"
                alt={tr("admin.products.photos.alt", { n: index + 1 })}
                className="aspect-square w-full object-cover"
              />
              <div className="flex flex-wrap items-center justify-between gap-2 p-2 text-sm">
                {index === 0 ? (
                  <span className="rounded-full bg-leaf-100 px-2 py-0.5 text-xs font-semibold text-leaf-800">{tr("admin.products.photos.cover")}</span>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="photo-cover" />
                    <input type="hidden" name="photoId" value={photo.id} />
                    <button type="submit" className="font-medium text-leaf-700 hover:underline">
                      {tr("admin.products.photos.makeCover")}
                    </button>
                  </Form>
                )}
                <Form method="post">
                  <input type="hidden" name="intent" value="photo-remove" />
                  <input type="hidden" name="photoId" value={photo.id} />
                  <button type="submit" className="font-medium text-clay-700 hover:underline">
                    {tr("admin.products.photos.remove")}
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-earth-600">{tr("admin.products.photos.none")}</p>
      )}
      {full ? (
        <p className="text-sm text-earth-600">{tr("admin.products.photos.full", { max })}</p>
      ) : (
        <form
          method="post"
          encType="multipart/form-data"
          action={`/admin/uploads/product-photo?productId=${productId}&redirectTo=${encodeURIComponent(back)}`}
          className="flex flex-col gap-3 rounded-xl border border-dashed border-earth-300 bg-earth-50 p-4 sm:flex-row sm:items-end"
        >
          <label className="flex-1 text-sm font-medium text-earth-900">
            {tr("admin.products.photos.choose")}
            <input
              type="file"
              name="file"
              required
              accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"
              className="mt-1.5 block w-full text-sm file:mr-3 file:rounded-full file:border-0 file:bg-leaf-700 file:px-4 file:py-2 file:font-semibold file:text-white"
            />
            <span className="mt-1 block font-normal text-earth-600">{tr("admin.products.photos.hint")}</span>
          </label>
          <button type="submit" className={primaryButtonClass}>
            {tr("admin.products.photos.upload")}
          </button>
        </form>
      )}
    </div>
  );
}
