import { describe, expect, it } from "vitest";
import type { EmailMessage, EmailTemplate } from "../enqueue.ts";
import { EMAIL_TEMPLATES, escapeHtml, renderEmail } from "./render.ts";

const HOSTILE = `<script>alert("x")</script> & 'quotes'`;
const LINK = "https://korat.localhost:3000/verify?token=abc&next=%2Fadmin";

const PARAMS: Record<EmailTemplate, Record<string, string>> = {
  verify_email: { name: `สมศรี ${HOSTILE}`, coop: `สหกรณ์ ${HOSTILE}`, link: LINK },
  reset_password: { name: `สมศรี ${HOSTILE}`, link: LINK },
  team_invitation: { coop: `สหกรณ์ ${HOSTILE}`, inviter: `สมชาย ${HOSTILE}`, role: "manager", link: LINK },
  welcome_coop: { name: `สมศรี ${HOSTILE}`, coop: `สหกรณ์ ${HOSTILE}`, link: LINK },
  order_placed: {
    name: `สมศรี ${HOSTILE}`, coop: `สหกรณ์ ${HOSTILE}`, number: "KR-000001", items: `ข้าว × 2 = ฿240.00\n${HOSTILE}`, total: "฿240.00",
    payment: `โอนเงิน\n${HOSTILE}`, link: LINK,
  },
  order_received: {
    coop: `สหกรณ์ ${HOSTILE}`, number: "KR-000001", customer: `สมศรี ${HOSTILE}`, phone: "0812345678", items: "ข้าว × 2 = ฿240.00", total: "฿240.00",
    payment: "พร้อมเพย์", link: LINK,
  },
  order_notice_test: { coop: `สหกรณ์ ${HOSTILE}`, link: LINK },
  slip_rejected: {
    name: `สมศรี ${HOSTILE}`, coop: `สหกรณ์ ${HOSTILE}`, number: "KR-000001", reason: `ยอดไม่ตรง ${HOSTILE}`, total: "฿240.00",
    contact: `โทร 044123456 ${HOSTILE}`, link: LINK,
  },
  coop_awaiting_approval: {
    coop: `สหกรณ์ ${HOSTILE}`, province: `นครราชสีมา ${HOSTILE}`, registrationNo: `นม 123 ${HOSTILE}`, contact: `สมศรี ${HOSTILE}`, link: LINK,
  },
  coop_approved: { name: `สมศรี ${HOSTILE}`, coop: `สหกรณ์ ${HOSTILE}`, link: LINK },
  coop_suspended: { name: `สมศรี ${HOSTILE}`, coop: `สหกรณ์ ${HOSTILE}`, reason: `ข้อมูลไม่ถูกต้อง ${HOSTILE}`, link: LINK },
  coop_restored: { name: `สมศรี ${HOSTILE}`, coop: `สหกรณ์ ${HOSTILE}`, link: LINK },
  order_auto_refunded: { name: `สมศรี ${HOSTILE}`, coop: `สหกรณ์ ${HOSTILE}`, number: "KR-000001", total: "฿240.00", link: LINK },
};

const message = (template: EmailTemplate, locale: "th" | "en", params = PARAMS[template]): EmailMessage => ({
  to: "somsri@example.test",
  template,
  locale,
  params,
});

describe("renderEmail", () => {
  for (const template of EMAIL_TEMPLATES) {
    for (const locale of ["th", "en"] as const) {
      it(`renders ${template} in ${locale}, escaping every param in the HTML`, () => {
        const mail = renderEmail(message(template, locale));

        expect(mail.subject).not.toBe("");
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.subject).toContain(locale === "th" ? "เครือข่ายสหกรณ์" : "Sahakorn Network");
        expect(mail.html).toContain(`<html lang="${locale}">`);
        expect(mail.html).toContain(locale === "th" ? "เครือข่ายสหกรณ์" : "Sahakorn Network");

        // No param reaches the HTML unescaped; the escaped form is there.
        expect(mail.html).not.toContain("<script>");
        expect(mail.html).not.toContain(`"x"`);
        expect(mail.html).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;quotes&#39;");
        expect(mail.html).toContain(`href="${LINK.replace("&", "&#38;")}"`);

        // The text part carries the values as they are, and the link on a line of its own.
        expect(mail.text).toContain(HOSTILE);
        expect(mail.text).toContain(`\n${LINK}\n`);
      });
    }
  }

  it("writes Thai for Thai readers and English for English readers", () => {
    const th = renderEmail(message("reset_password", "th"));
    const en = renderEmail(message("reset_password", "en", { name: "Somsri", link: LINK }));
    expect(th.subject).toBe("ตั้งรหัสผ่านใหม่ | เครือข่ายสหกรณ์");
    expect(th.text).toContain("ตั้งรหัสผ่านใหม่");
    expect(th.text).toContain("1 ชั่วโมง");
    expect(en.subject).toBe("Reset your password | Sahakorn Network");
    expect(en.text).toContain("valid for 1 hour");
    expect(en.text).not.toMatch(/[\u0E00-\u0E7F]/);
  });

  it("names the role of an invitation in the reader's language", () => {
    expect(renderEmail(message("team_invitation", "th")).text).toContain("ในฐานะผู้จัดการ");
    expect(renderEmail(message("team_invitation", "en")).text).toContain("with the role Manager");
  });

  it("says who registered which co-op when verifying, and works without a co-op", () => {
    expect(renderEmail(message("verify_email", "th")).text).toContain(`ขอบคุณที่ลงทะเบียน สหกรณ์ ${HOSTILE}`);
    const plain = renderEmail(message("verify_email", "en", { name: "Somsri", link: LINK }));
    expect(plain.text).toContain("Thank you for signing up to Sahakorn Network.");
  });

  it("keeps a subject on one line whatever a param holds", () => {
    const mail = renderEmail(message("welcome_coop", "th", { name: "a", coop: "สหกรณ์\r\nBcc: victim@example.test", link: LINK }));
    expect(mail.subject).toBe("ยินดีต้อนรับ สหกรณ์ Bcc: victim@example.test สู่เครือข่ายสหกรณ์");
  });

  it("refuses missing params and links that are not http(s)", () => {
    expect(() => renderEmail(message("reset_password", "th", { link: LINK }))).toThrow(/reset_password.*name/);
    expect(() => renderEmail(message("reset_password", "th", { name: "a", link: "javascript:alert(1)" }))).toThrow(/link/);
  });
});

describe("order notices", () => {
  it("puts each item and each payment line in a paragraph of its own", () => {
    const mail = renderEmail(message("order_placed", "th", { ...PARAMS.order_placed, items: "ข้าว × 2 = ฿240.00\nน้ำผึ้ง × 1 = ฿250.50", payment: "บรรทัดหนึ่ง\nบรรทัดสอง" }));
    expect(mail.subject).toBe(`สหกรณ์ ${HOSTILE} ได้รับคำสั่งซื้อ KR-000001 แล้ว | เครือข่ายสหกรณ์`);
    expect(mail.text).toContain("\n\nข้าว × 2 = ฿240.00\n\nน้ำผึ้ง × 1 = ฿250.50\n\nยอดรวม ฿240.00\n\nบรรทัดหนึ่ง\n\nบรรทัดสอง\n\n");
    expect(mail.html).toContain(">น้ำผึ้ง × 1 = ฿250.50</p>");
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in content and attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;");
  });
});
