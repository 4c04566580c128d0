import { describe, expect, it } from "vitest";
import { loader } from "./staff.reports.csv.tsx";

// The CSV resource route with a stand-in tRPC caller: it checks for staff itself (the console
// layout's loader does not run for it) and writes through the shared CSV writer.

const zero = { placed: 0, cancelled: 0, refunded: 0, kept: 0, salesSatang: 0 };
const figures = (products: number, salesSatang: number) => ({
  coops: { active: 1, pending: 0, suspended: 0, complete: 1 },
  products,
  orders: { ...zero, placed: 2, kept: 2, salesSatang },
  articles: { published: 1, shared: 1 },
  links: { proposed: 0, confirmed: 1 },
  meetings: { held: 1, attendees: 12 },
  seminars: { held: 1, registrants: 5, harvest: 2 },
});

function refusal(code: string, messageKey: string) {
  return Object.assign(new Error(messageKey), { name: "TRPCError", code, cause: { messageKey, fields: {}, params: {} } });
}

function context(me: unknown, report: (input: unknown) => Promise<unknown>, calls: unknown[] = []) {
  return {
    trpc: {
      staff: {
        me: async () => me,
        report: async (input: unknown) => {
          calls.push(input);
          return report(input);
        },
      },
    },
  };
}

const run = (url: string, ctx: unknown) =>
  loader({ request: new Request(url, { headers: { Cookie: "lang=th" } }), context: ctx, params: {} } as never) as Promise<Response>;

describe("the report's CSV file", () => {
  it("sends anyone who is not staff to the staff sign-in", async () => {
    const thrown = await run("http://localhost/staff/reports/csv?from=2026-10-01&to=2026-10-31", context(null, async () => ({}))).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(302);
    expect((thrown as Response).headers.get("Location")).toBe("/staff/sign-in");
  });

  it("writes the rows, subtotals and total with a BOM, Thai headers and defused formula cells", async () => {
    const calls: unknown[] = [];
    const report = {
      from: "2026-10-01",
      to: "2026-10-31",
      regions: [
        {
          id: 5, nameTh: "ศูนย์ที่ 5", nameEn: "Centre 5", subtotal: figures(3, 123_450),
          provinces: [{ provinceCode: 30, nameTh: "=HYPERLINK(\"http://x\")", nameEn: "Korat", ...figures(3, 123_450) }],
        },
      ],
      total: figures(3, 123_450),
    };
    const res = await run("http://localhost/staff/reports/csv?region=5&from=2026-10-01&to=2026-10-31", context({ isAdmin: false }, async () => report, calls));
    expect(calls).toEqual([{ regionId: "5", provinceCode: "", from: "2026-10-01", to: "2026-10-31" }]);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="activity-report-region-5-2026-10-01_2026-10-31.csv"');
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith("\uFEFFภูมิภาค,จังหวัด,ระดับ,สหกรณ์ที่เปิดใช้งาน,")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines).toHaveLength(5); // header, one province, the subtotal, the total, and the final CRLF
    expect(lines[1]).toBe(`ศูนย์ที่ 5,"'=HYPERLINK(""http://x"")",จังหวัด,1,1,0,0,3,2,0,0,2,1234.50,1,1,1,0,1,12,1,5,2`);
    expect(lines[2]).toMatch(/^ศูนย์ที่ 5,,รวมภูมิภาค,/);
    expect(lines[3]).toMatch(/^,,รวมทั้งหมด,1,1,0,0,3,2,0,0,2,1234.50,/);
  });

  it("answers a refused query with its message and a 4xx, never a 500", async () => {
    const notFound = await run("http://localhost/staff/reports/csv?region=7&from=2026-10-01&to=2026-10-31", context({ isAdmin: false }, async () => {
      throw refusal("NOT_FOUND", "staff.errors.region_unknown");
    }));
    expect(notFound.status).toBe(404);
    expect(await notFound.text()).toBe("ไม่รู้จักภูมิภาคที่ระบุ");
    const bad = await run("http://localhost/staff/reports/csv?from=2026-10-31&to=2026-10-01", context({ isAdmin: false }, async () => {
      throw refusal("BAD_REQUEST", "staff.reports.errors.range_order");
    }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get("Cache-Control")).toBe("private, no-store");
  });
});
