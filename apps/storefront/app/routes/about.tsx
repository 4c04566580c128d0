import { resolveLocale, t, translator } from "@coop/i18n";
import { FieldsArt, linkClass, localized, paragraphs, PinIcon } from "@coop/ui";
import type { ReactNode } from "react";
import type { Route } from "./+types/about";
import { formatAddress, lineAddUrl, mapsSearchUrl } from "../components/catalog/format.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const [tenant, contact] = await Promise.all([context.trpc.site.current(), context.trpc.catalog.contact()]);
  const name = localized(locale, tenant.nameTh, tenant.nameEn);
  const address = formatAddress(contact.address, locale);
  // Google Maps finds a Thai address best when given in Thai, whatever the page's language.
  const mapsQuery = formatAddress(contact.address, "th");
  return {
    locale,
    name,
    story: paragraphs(localized(locale, tenant.storyTh ?? "", tenant.storyEn)),
    coverUrl: tenant.coverUrl,
    contact: {
      phone: contact.phone,
      email: contact.email,
      line: contact.lineId ? { id: contact.lineId, url: lineAddUrl(contact.lineId) } : null,
      facebookUrl: contact.facebookUrl,
      openingHours: contact.openingHours,
      address: address || null,
      mapUrl: address ? mapsSearchUrl(mapsQuery) : null,
    },
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, name } = loaderData;
  return [
    { title: `${t(locale, "about.title", { name })}` },
    { name: "description", content: t(locale, "about.meta.description", { name }) },
    { property: "og:title", content: t(locale, "about.title", { name }) },
  ];
};

/** Digits and + only, for a tel: link ("044 123 456" → "044123456"). */
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-3">
      <dt className="text-sm font-medium text-earth-600">{label}</dt>
      <dd className="mt-0.5 break-words text-earth-900">{children}</dd>
    </div>
  );
}

export default function About({ loaderData }: Route.ComponentProps) {
  const { locale, name, story, coverUrl, contact } = loaderData;
  const tr = translator(locale);
  const hasContact = Boolean(contact.phone || contact.email || contact.line || contact.facebookUrl || contact.openingHours || contact.address);
  return (
    <div className="container-page grid gap-10 py-8 sm:py-12 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)]">
      <section aria-labelledby="about-heading">
        <h1 id="about-heading" className="text-2xl font-bold text-leaf-900 sm:text-3xl">
          {tr("about.title", { name })}
        </h1>
        {coverUrl ? <img src={coverUrl} alt="" className="mt-6 aspect-[16/9] w-full rounded-2xl object-cover" /> : null}
        <h2 className="mt-6 text-lg font-semibold text-earth-900">{tr("about.story")}</h2>
        {story.length > 0 ? (
          <div className="mt-2 max-w-prose space-y-3 text-earth-800" data-testid="about-story">
            {story.map((paragraph, i) => (
              <p key={i} className="whitespace-pre-line">
                {paragraph}
              </p>
            ))}
          </div>
        ) : (
          <p className="mt-2 text-earth-600">{tr("about.noStory")}</p>
        )}
        {!coverUrl ? <FieldsArt className="mt-8 hidden w-full max-w-md lg:block" /> : null}
      </section>
      <section aria-labelledby="contact-heading" className="self-start rounded-2xl border border-earth-200 bg-white p-5 sm:p-6">
        <h2 id="contact-heading" className="text-lg font-semibold text-earth-900">
          {tr("about.contact")}
        </h2>
        {hasContact ? (
          <dl className="mt-2 divide-y divide-earth-100" data-testid="about-contact">
            {contact.address ? (
              <Item label={tr("about.address")}>
                <p>{contact.address}</p>
                {contact.mapUrl ? (
                  <a href={contact.mapUrl} target="_blank" rel="noopener noreferrer" className={`${linkClass} mt-1 inline-flex items-center gap-1`} data-testid="map-link">
                    <PinIcon className="size-4" />
                    {tr("about.map")}
                  </a>
                ) : null}
              </Item>
            ) : null}
            {contact.openingHours ? (
              <Item label={tr("about.openingHours")}>
                <p className="whitespace-pre-line">{contact.openingHours}</p>
              </Item>
            ) : null}
            {contact.phone ? (
              <Item label={tr("about.phone")}>
                <a href={telHref(contact.phone)} className={linkClass}>
                  {contact.phone}
                </a>
              </Item>
            ) : null}
            {contact.line ? (
              <Item label={tr("about.line")}>
                <a href={contact.line.url} target="_blank" rel="noopener noreferrer" className={linkClass} data-testid="line-link">
                  {tr("about.lineAdd", { id: contact.line.id })}
                </a>
              </Item>
            ) : null}
            {contact.facebookUrl ? (
              <Item label={tr("about.facebook")}>
                <a href={contact.facebookUrl} target="_blank" rel="noopener noreferrer" className={linkClass} data-testid="facebook-link">
                  {tr("about.facebookPage")}
                </a>
              </Item>
            ) : null}
            {contact.email ? (
              <Item label={tr("about.email")}>
                <a href={`mailto:${contact.email}`} className={linkClass}>
                  {contact.email}
                </a>
              </Item>
            ) : null}
          </dl>
        ) : (
          <p className="mt-2 text-earth-600">{tr("about.noContact")}</p>
        )}
      </section>
    </div>
  );
}
