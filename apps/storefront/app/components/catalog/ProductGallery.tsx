import { type Locale, translator } from "@coop/i18n";

export interface GalleryPhoto {
  src: string;
  srcSet: string;
  width: number;
  height: number;
}

/**
 * Every photo of a product in a swipeable strip (CSS scroll snap: no script needed); the first
 * loads eagerly, being the page's main image.
 */
export function ProductGallery({ photos, name, locale }: { photos: GalleryPhoto[]; name: string; locale: Locale }) {
  const tr = translator(locale);
  if (photos.length === 0) return null;
  return (
    <section aria-label={tr("catalog.public.product.photos")}>
      <ul className="flex snap-x snap-mandatory gap-3 overflow-x-auto rounded-2xl pb-2" data-testid="product-gallery">
        {photos.map((photo, i) => (
          <li key={photo.src} className={`shrink-0 snap-start ${photos.length > 1 ? "w-[85%]" : "w-full"}`}>
            <img
              src={photo.src}
              srcSet={photo.srcSet}
              sizes="(min-width: 1024px) 40vw, 90vw"
              width={photo.width}
              height={photo.height}
              alt={photos.length > 1 ? tr("catalog.public.product.photo", { n: i + 1, name }) : name}
              loading={i === 0 ? "eager" : "lazy"}
              decoding="async"
              className="aspect-[4/3] w-full rounded-2xl bg-earth-100 object-cover"
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
