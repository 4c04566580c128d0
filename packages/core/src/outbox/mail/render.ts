import { z } from "zod";
import type { EmailMessage, EmailTemplate } from "../enqueue.ts";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

type Locale = EmailMessage["locale"];

export const EMAIL_TEMPLATES = [
  "verify_email", "reset_password", "team_invitation", "welcome_coop", "order_placed", "order_received", "order_notice_test", "slip_rejected",
  "coop_awaiting_approval", "coop_approved", "coop_suspended", "coop_restored", "order_auto_refunded",
] as const satisfies readonly EmailTemplate[];

/** The shape of an `email` outbox payload (written by enqueueEmail). */
export const emailMessageSchema = z.object({
  to: z.email(),
  template: z.enum(EMAIL_TEMPLATES),
  locale: z.enum(["th", "en"]),
  params: z.record(z.string(), z.string()),
});

const value = z.string().trim().min(1).max(1_000);
// Links are made by our own code; refusing anything but http(s) keeps `javascript:` out of an href anyway.
const lines = z.string().trim().min(1).max(5_000);
const link = z.url({ protocol: /^https?$/, message: "must be an http(s) link" });

const PARAMS = {
  verify_email: z.object({ name: value, coop: z.string().trim().max(1_000).optional(), link }),
  reset_password: z.object({ name: value, link }),
  team_invitation: z.object({ coop: value, inviter: value, role: value, link }),
  welcome_coop: z.object({ name: value, coop: value, link }),
  // Order notices: `items` holds one line per item ("ข้าวหอมมะลิ × 2 = ฿240.00"), `payment` the
  // plain-text payment instructions (may be several lines); amounts arrive formatted.
  order_placed: z.object({ name: value, coop: value, number: value, items: lines, total: value, payment: lines, link }),
  order_received: z.object({ coop: value, number: value, customer: value, phone: value, items: lines, total: value, payment: value, link }),
  order_notice_test: z.object({ coop: value, link }),
  // `contact`: how to reach the co-op (phone, LINE), may be empty.
  slip_rejected: z.object({ name: value, coop: value, number: value, reason: value, total: value, contact: z.string().trim().max(1_000), link }),
  // To regional staff: `link` opens the co-op in the staff console; `province` is its name in the reader's language.
  coop_awaiting_approval: z.object({ coop: value, province: value, registrationNo: value, contact: value, link }),
  // To a co-op's owners: `link` opens their back office.
  coop_approved: z.object({ name: value, coop: value, link }),
  coop_suspended: z.object({ name: value, coop: value, reason: value, link }),
  coop_restored: z.object({ name: value, coop: value, link }),
  // To a customer whose card payment came after the stock was gone: `link` is the order page.
  order_auto_refunded: z.object({ name: value, coop: value, number: value, total: value, link }),
} satisfies Record<EmailTemplate, z.ZodType>;

type Params<T extends EmailTemplate> = z.infer<(typeof PARAMS)[T]>;

/** What a template says; the layout turns it into text and (escaped) HTML. Every string is plain text. */
interface Content {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  after: string[];
}

const BRAND = { th: "เครือข่ายสหกรณ์", en: "Sahakorn Network" } as const;

const ROLE_LABELS: Record<Locale, Record<string, string>> = {
  th: { owner: "เจ้าของ", manager: "ผู้จัดการ", editor: "ผู้แก้ไขเนื้อหา" },
  en: { owner: "Owner", manager: "Manager", editor: "Editor" },
};

// Link lifetimes below follow LIFETIME_MS (accounts/user-tokens.ts) and INVITATION_DAYS (team/team.ts).
const TEMPLATES: { [T in EmailTemplate]: Record<Locale, (p: Params<T>) => Content> } = {
  verify_email: {
    th: (p) => ({
      subject: `ยืนยันอีเมลของคุณ | ${BRAND.th}`,
      greeting: `เรียน คุณ${p.name}`,
      paragraphs: [
        p.coop ? `ขอบคุณที่ลงทะเบียน ${p.coop} กับ${BRAND.th}` : `ขอบคุณที่สมัครใช้งาน${BRAND.th}`,
        "กรุณายืนยันอีเมลของคุณโดยกดปุ่มด้านล่าง ลิงก์นี้ใช้ได้ภายใน 7 วัน",
      ],
      action: { label: "ยืนยันอีเมล", url: p.link },
      after: ["หากคุณไม่ได้สมัครใช้งาน ไม่ต้องดำเนินการใด ๆ"],
    }),
    en: (p) => ({
      subject: `Confirm your e-mail address | ${BRAND.en}`,
      greeting: `Hello ${p.name},`,
      paragraphs: [
        p.coop ? `Thank you for registering ${p.coop} with ${BRAND.en}.` : `Thank you for signing up to ${BRAND.en}.`,
        "Please confirm your e-mail address with the button below. The link is valid for 7 days.",
      ],
      action: { label: "Confirm e-mail address", url: p.link },
      after: ["If you did not sign up, you can ignore this e-mail."],
    }),
  },
  reset_password: {
    th: (p) => ({
      subject: `ตั้งรหัสผ่านใหม่ | ${BRAND.th}`,
      greeting: `เรียน คุณ${p.name}`,
      paragraphs: [
        "เราได้รับคำขอตั้งรหัสผ่านใหม่สำหรับบัญชีของคุณ",
        "กดปุ่มด้านล่างเพื่อตั้งรหัสผ่านใหม่ ลิงก์นี้ใช้ได้ภายใน 1 ชั่วโมงและใช้ได้เพียงครั้งเดียว",
      ],
      action: { label: "ตั้งรหัสผ่านใหม่", url: p.link },
      after: ["หากคุณไม่ได้ขอตั้งรหัสผ่านใหม่ ไม่ต้องดำเนินการใด ๆ รหัสผ่านเดิมของคุณยังใช้ได้ตามปกติ"],
    }),
    en: (p) => ({
      subject: `Reset your password | ${BRAND.en}`,
      greeting: `Hello ${p.name},`,
      paragraphs: [
        "We received a request to reset the password of your account.",
        "Use the button below to choose a new password. The link is valid for 1 hour and can be used once.",
      ],
      action: { label: "Choose a new password", url: p.link },
      after: ["If you did not ask for this, you can ignore this e-mail: your password stays the same."],
    }),
  },
  team_invitation: {
    th: (p) => ({
      subject: `คำเชิญเข้าร่วมทีม ${p.coop} | ${BRAND.th}`,
      greeting: "สวัสดี",
      paragraphs: [
        `คุณ${p.inviter} เชิญคุณเข้าร่วมทีมดูแลเว็บไซต์ของ ${p.coop} บน${BRAND.th} ในฐานะ${ROLE_LABELS.th[p.role] ?? p.role}`,
        "กดปุ่มด้านล่างเพื่อตอบรับคำเชิญ คำเชิญนี้ใช้ได้ภายใน 7 วัน",
      ],
      action: { label: "ตอบรับคำเชิญ", url: p.link },
      after: ["หากคุณไม่ทราบเรื่องคำเชิญนี้ ไม่ต้องดำเนินการใด ๆ"],
    }),
    en: (p) => ({
      subject: `Invitation to join ${p.coop} | ${BRAND.en}`,
      greeting: "Hello,",
      paragraphs: [
        `${p.inviter} has invited you to help run the website of ${p.coop} on ${BRAND.en}, with the role ${ROLE_LABELS.en[p.role] ?? p.role}.`,
        "Use the button below to accept. The invitation is valid for 7 days.",
      ],
      action: { label: "Accept the invitation", url: p.link },
      after: ["If you were not expecting this invitation, you can ignore this e-mail."],
    }),
  },
  welcome_coop: {
    th: (p) => ({
      subject: `ยินดีต้อนรับ ${p.coop} สู่${BRAND.th}`,
      greeting: `เรียน คุณ${p.name}`,
      paragraphs: [
        `เว็บไซต์ของ ${p.coop} พร้อมใช้งานแล้ว ยินดีต้อนรับสู่${BRAND.th}`,
        "ขั้นตอนต่อไป: เพิ่มสินค้า ข้อมูลติดต่อ และช่องทางรับชำระเงิน ได้ที่หน้าจัดการเว็บไซต์",
      ],
      action: { label: "ไปที่หน้าจัดการเว็บไซต์", url: p.link },
      after: [],
    }),
    en: (p) => ({
      subject: `Welcome to ${BRAND.en}, ${p.coop}`,
      greeting: `Hello ${p.name},`,
      paragraphs: [
        `The website of ${p.coop} is ready. Welcome to ${BRAND.en}.`,
        "Next steps: add your products, your contact details and how customers can pay, in your site's back office.",
      ],
      action: { label: "Open the back office", url: p.link },
      after: [],
    }),
  },
  order_placed: {
    th: (p) => ({
      subject: `${p.coop} ได้รับคำสั่งซื้อ ${p.number} แล้ว | ${BRAND.th}`,
      greeting: `เรียน คุณ${p.name}`,
      paragraphs: [
        `${p.coop} ได้รับคำสั่งซื้อเลขที่ ${p.number} ของคุณแล้ว ขอบคุณที่อุดหนุนสินค้าของสหกรณ์`,
        "รายการสินค้า:",
        ...splitLines(p.items),
        `ยอดรวม ${p.total}`,
        ...splitLines(p.payment),
        "ดูสถานะคำสั่งซื้อและแนบสลิปการโอนเงินได้ที่ลิงก์ด้านล่าง ลิงก์นี้เป็นของคุณคนเดียว กรุณาอย่าส่งต่อ",
      ],
      action: { label: "ดูคำสั่งซื้อ", url: p.link },
      after: [],
    }),
    en: (p) => ({
      subject: `Order ${p.number} received by ${p.coop} | ${BRAND.en}`,
      greeting: `Hello ${p.name},`,
      paragraphs: [
        `${p.coop} has received your order ${p.number}. Thank you for supporting the co-operative.`,
        "Items:",
        ...splitLines(p.items),
        `Total ${p.total}`,
        ...splitLines(p.payment),
        "Follow your order and upload your transfer slip with the link below. The link is yours alone: please do not share it.",
      ],
      action: { label: "View your order", url: p.link },
      after: [],
    }),
  },
  order_received: {
    th: (p) => ({
      subject: `คำสั่งซื้อใหม่ ${p.number} ของ ${p.coop} | ${BRAND.th}`,
      greeting: "สวัสดี",
      paragraphs: [
        `มีคำสั่งซื้อใหม่เลขที่ ${p.number} จากคุณ${p.customer} (โทร ${p.phone})`,
        ...splitLines(p.items),
        `ยอดรวม ${p.total} · ${p.payment}`,
      ],
      action: { label: "เปิดคำสั่งซื้อ", url: p.link },
      after: [],
    }),
    en: (p) => ({
      subject: `New order ${p.number} for ${p.coop} | ${BRAND.en}`,
      greeting: "Hello,",
      paragraphs: [`A new order ${p.number} from ${p.customer} (tel. ${p.phone}).`, ...splitLines(p.items), `Total ${p.total} · ${p.payment}`],
      action: { label: "Open the order", url: p.link },
      after: [],
    }),
  },
  order_notice_test: {
    th: (p) => ({
      subject: `ทดสอบการแจ้งเตือนคำสั่งซื้อของ ${p.coop} | ${BRAND.th}`,
      greeting: "สวัสดี",
      paragraphs: [`นี่คืออีเมลทดสอบ เมื่อมีคำสั่งซื้อใหม่ที่ ${p.coop} ระบบจะแจ้งมาที่อีเมลนี้`],
      action: { label: "เปิดหน้าตั้งค่า", url: p.link },
      after: [],
    }),
    en: (p) => ({
      subject: `Test order notice for ${p.coop} | ${BRAND.en}`,
      greeting: "Hello,",
      paragraphs: [`This is a test. New orders at ${p.coop} will be notified to this address.`],
      action: { label: "Open settings", url: p.link },
      after: [],
    }),
  },
  slip_rejected: {
    th: (p) => ({
      subject: `สลิปของคำสั่งซื้อ ${p.number} ยังตรวจสอบไม่ผ่าน | ${p.coop} | ${BRAND.th}`,
      greeting: `เรียน คุณ${p.name}`,
      paragraphs: [
        `${p.coop} ตรวจสอบสลิปการโอนเงินของคำสั่งซื้อเลขที่ ${p.number} แล้ว แต่ยังยืนยันการชำระเงินไม่ได้`,
        `เหตุผล: ${p.reason}`,
        `คำสั่งซื้อของคุณยังอยู่ กรุณาตรวจสอบว่าโอนยอด ${p.total} ถูกต้อง แล้วแนบสลิปใหม่ที่ชัดเจนที่หน้าคำสั่งซื้อ (กดปุ่มด้านล่าง)`,
        ...(p.contact ? [`สอบถามสหกรณ์ได้ที่ ${p.contact}`] : []),
      ],
      action: { label: "แนบสลิปใหม่", url: p.link },
      after: ["ลิงก์เดิมในอีเมลยืนยันคำสั่งซื้อยังใช้ได้เช่นกัน กรุณาอย่าส่งต่อลิงก์นี้ให้ผู้อื่น"],
    }),
    en: (p) => ({
      subject: `The slip for order ${p.number} was not accepted | ${p.coop} | ${BRAND.en}`,
      greeting: `Hello ${p.name},`,
      paragraphs: [
        `${p.coop} checked the transfer slip for order ${p.number} but could not confirm the payment.`,
        `Reason: ${p.reason}`,
        `Your order is still open. Please check that you transferred ${p.total}, then upload a clear slip on your order page (button below).`,
        ...(p.contact ? [`Questions? Contact the co-op: ${p.contact}`] : []),
      ],
      action: { label: "Upload a new slip", url: p.link },
      after: ["The link in your order confirmation e-mail still works too. Please do not share this link."],
    }),
  },
  coop_awaiting_approval: {
    th: (p) => ({
      subject: `สหกรณ์ใหม่รออนุมัติ: ${p.coop} | ${BRAND.th}`,
      greeting: "เรียน เจ้าหน้าที่ภูมิภาค",
      paragraphs: [
        `${p.coop} (จังหวัด${p.province}) ลงทะเบียนกับ${BRAND.th} และรอการอนุมัติจากเจ้าหน้าที่ภูมิภาค`,
        `เลขทะเบียนสหกรณ์ ${p.registrationNo} · ผู้ติดต่อ ${p.contact}`,
        "เว็บไซต์ของสหกรณ์จะเปิดให้ประชาชนเข้าชมเมื่อได้รับการอนุมัติ ระหว่างนี้สหกรณ์เตรียมข้อมูลในระบบหลังร้านได้",
      ],
      action: { label: "ตรวจสอบและอนุมัติ", url: p.link },
      after: [],
    }),
    en: (p) => ({
      subject: `New co-op waiting for approval: ${p.coop} | ${BRAND.en}`,
      greeting: "Hello,",
      paragraphs: [
        `${p.coop} (${p.province}) has registered with ${BRAND.en} and is waiting for approval by regional staff.`,
        `Co-op registration no. ${p.registrationNo} · contact ${p.contact}`,
        "Its website opens to the public once approved; meanwhile the co-op can prepare its back office.",
      ],
      action: { label: "Review and approve", url: p.link },
      after: [],
    }),
  },
  coop_approved: {
    th: (p) => ({
      subject: `เว็บไซต์ของ ${p.coop} ได้รับการอนุมัติแล้ว | ${BRAND.th}`,
      greeting: `เรียน คุณ${p.name}`,
      paragraphs: [
        `เจ้าหน้าที่ภูมิภาคอนุมัติ ${p.coop} แล้ว เว็บไซต์ของสหกรณ์เปิดให้ประชาชนเข้าชมและสั่งซื้อสินค้าได้ตั้งแต่ตอนนี้`,
        "สหกรณ์จะปรากฏในหน้าเครือข่ายและผลการค้นหาภายในไม่กี่นาที",
      ],
      action: { label: "ไปที่หน้าจัดการเว็บไซต์", url: p.link },
      after: [],
    }),
    en: (p) => ({
      subject: `${p.coop} is approved and live | ${BRAND.en}`,
      greeting: `Hello ${p.name},`,
      paragraphs: [
        `Regional staff have approved ${p.coop}. Its website is now open to the public and can take orders.`,
        "The co-op will appear on the network pages and in search within a few minutes.",
      ],
      action: { label: "Open the back office", url: p.link },
      after: [],
    }),
  },
  coop_suspended: {
    th: (p) => ({
      subject: `เว็บไซต์ของ ${p.coop} ถูกระงับชั่วคราว | ${BRAND.th}`,
      greeting: `เรียน คุณ${p.name}`,
      paragraphs: [
        `เจ้าหน้าที่ภูมิภาคระงับเว็บไซต์ของ ${p.coop} ชั่วคราว`,
        `เหตุผล: ${p.reason}`,
        "ระหว่างนี้หน้าร้านแสดงประกาศปิดให้บริการชั่วคราว ระบบหลังร้านยังเข้าดูข้อมูลได้ แต่แก้ไขไม่ได้จนกว่าจะได้รับการคืนสถานะ",
        "กรุณาติดต่อศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ในพื้นที่เพื่อดำเนินการต่อ",
      ],
      action: { label: "ดูระบบหลังร้าน", url: p.link },
      after: [],
    }),
    en: (p) => ({
      subject: `The website of ${p.coop} is suspended | ${BRAND.en}`,
      greeting: `Hello ${p.name},`,
      paragraphs: [
        `Regional staff have suspended the website of ${p.coop} for now.`,
        `Reason: ${p.reason}`,
        "Meanwhile the site shows a notice that it is closed. Your back office stays open to look things up, but nothing can be changed until the site is restored.",
        "Please contact your regional co-operative technology centre to resolve it.",
      ],
      action: { label: "Open the back office", url: p.link },
      after: [],
    }),
  },
  coop_restored: {
    th: (p) => ({
      subject: `เว็บไซต์ของ ${p.coop} เปิดให้บริการอีกครั้ง | ${BRAND.th}`,
      greeting: `เรียน คุณ${p.name}`,
      paragraphs: [`เจ้าหน้าที่ภูมิภาคยกเลิกการระงับ ${p.coop} แล้ว เว็บไซต์เปิดให้บริการและระบบหลังร้านแก้ไขข้อมูลได้ตามปกติ`],
      action: { label: "ไปที่หน้าจัดการเว็บไซต์", url: p.link },
      after: [],
    }),
    en: (p) => ({
      subject: `The website of ${p.coop} is open again | ${BRAND.en}`,
      greeting: `Hello ${p.name},`,
      paragraphs: [`Regional staff have lifted the suspension of ${p.coop}. The website is open again and the back office can be edited as usual.`],
      action: { label: "Open the back office", url: p.link },
      after: [],
    }),
  },
  order_auto_refunded: {
    th: (p) => ({
      subject: `คืนเงินคำสั่งซื้อ ${p.number} | ${p.coop} | ${BRAND.th}`,
      greeting: `เรียน คุณ${p.name}`,
      paragraphs: [
        `${p.coop} ได้รับการชำระเงินของคำสั่งซื้อเลขที่ ${p.number} หลังหมดเวลาชำระ และสินค้าในคำสั่งซื้อนี้หมดไปแล้ว`,
        `ระบบจึงยกเลิกคำสั่งซื้อและคืนเงิน ${p.total} เต็มจำนวนให้อัตโนมัติ เงินจะกลับเข้าบัตรหรือบัญชีที่ใช้ชำระภายใน 5–10 วันทำการ`,
        "ขออภัยในความไม่สะดวก",
      ],
      action: { label: "ดูคำสั่งซื้อ", url: p.link },
      after: [],
    }),
    en: (p) => ({
      subject: `Refund for order ${p.number} | ${p.coop} | ${BRAND.en}`,
      greeting: `Hello ${p.name},`,
      paragraphs: [
        `${p.coop} received the payment for order ${p.number} after the time to pay had run out, and the items have since sold out.`,
        `The order is cancelled and the full ${p.total} is being refunded automatically. It reaches the card or account you paid with within 5–10 business days.`,
        "We are sorry for the inconvenience.",
      ],
      action: { label: "View your order", url: p.link },
      after: [],
    }),
  },
};

/** One paragraph per non-empty line of a multi-line param. */
function splitLines(text: string): string[] {
  return text.split("\n").map((line) => line.trim()).filter((line) => line.length > 0);
}

const CLOSING: Record<Locale, { signOff: string; team: string; copyLink: string; footer: string }> = {
  th: {
    signOff: "ด้วยความนับถือ",
    team: `ทีมงาน${BRAND.th}`,
    copyLink: "หากกดปุ่มไม่ได้ คัดลอกลิงก์นี้ไปเปิดในเบราว์เซอร์:",
    footer: `อีเมลฉบับนี้ส่งโดยระบบอัตโนมัติของ${BRAND.th} กรุณาอย่าตอบกลับ`,
  },
  en: {
    signOff: "Kind regards,",
    team: `The ${BRAND.en} team`,
    copyLink: "If the button does not work, copy this link into your browser:",
    footer: `This message was sent automatically by ${BRAND.en}. Please do not reply.`,
  },
};

/** Renders a queued e-mail in its locale. Throws when the template's params are missing or malformed. */
export function renderEmail(message: EmailMessage): RenderedEmail {
  const content = contentOf(message.template, message.locale, message.params);
  return layout(message.locale, content);
}

function contentOf<T extends EmailTemplate>(template: T, locale: Locale, params: Record<string, string>): Content {
  const parsed = PARAMS[template].safeParse(params);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "params"}: ${i.message}`).join("; ");
    throw new Error(`E-mail template "${template}" got bad params (${problems})`);
  }
  return TEMPLATES[template][locale](parsed.data as Params<T>);
}

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const COLORS = { leaf: "#3b5b29", leafLight: "#e2eed9", page: "#fbf8f2", ink: "#35271a", muted: "#6d4f30" } as const;

function layout(locale: Locale, content: Content): RenderedEmail {
  const closing = CLOSING[locale];
  // A subject is one header line: whatever a param holds, it stays on it.
  const subject = content.subject.replace(/\s+/g, " ").trim();
  const url = content.action.url;

  const text = [
    content.greeting,
    ...content.paragraphs,
    `${content.action.label}:\n${url}`,
    ...content.after,
    `${closing.signOff}\n${closing.team}`,
    `--\n${closing.footer}`,
  ].join("\n\n") + "\n";

  const e = escapeHtml;
  const p = (body: string, style = "") => `<p style="margin:0 0 16px;${style}">${body}</p>`;
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(subject)}</title></head>
<body style="margin:0;padding:0;background:${COLORS.page};color:${COLORS.ink};font-family:'Noto Sans Thai','Sarabun',Tahoma,Arial,sans-serif;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${COLORS.page};"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid ${COLORS.leafLight};border-radius:12px;">
<tr><td style="background:${COLORS.leaf};color:#ffffff;padding:16px 24px;border-radius:12px 12px 0 0;font-size:18px;font-weight:bold;">${e(BRAND[locale])}</td></tr>
<tr><td style="padding:24px;font-size:16px;line-height:1.6;">
${p(e(content.greeting))}
${content.paragraphs.map((para) => p(e(para))).join("\n")}
<p style="margin:24px 0;"><a href="${e(url)}" target="_blank" rel="noopener" style="display:inline-block;background:${COLORS.leaf};color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:bold;">${e(content.action.label)}</a></p>
${p(`${e(closing.copyLink)}<br><a href="${e(url)}" target="_blank" rel="noopener" style="color:${COLORS.leaf};word-break:break-all;">${e(url)}</a>`, `font-size:14px;color:${COLORS.muted};`)}
${content.after.map((para) => p(e(para))).join("\n")}
${p(`${e(closing.signOff)}<br>${e(closing.team)}`, "margin-bottom:0;")}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid ${COLORS.leafLight};font-size:12px;color:${COLORS.muted};">${e(closing.footer)}</td></tr>
</table>
</td></tr></table>
</body>
</html>
`;
  return { subject, text, html };
}
