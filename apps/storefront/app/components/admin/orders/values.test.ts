import { describe, expect, it } from "vitest";
import { addressLines, needsReason, orderCsvHref, orderFilters, orderListHref, readOrderQuery } from "./values.ts";

const read = (search: string) => readOrderQuery(new URL(`http://korat.localhost/admin/orders${search}`));

describe("order list query", () => {
  it("reads the filters and builds the same address back", () => {
    const query = read("?status=paid&payment=cod&delivery=parcel&from=2026-11-01&to=2026-11-30&q=KR-12&page=3");
    expect(query).toEqual({ status: "paid", payment: "cod", delivery: "parcel", from: "2026-11-01", to: "2026-11-30", q: "KR-12", page: 3 });
    expect(orderListHref(query)).toBe("/admin/orders?status=paid&payment=cod&delivery=parcel&from=2026-11-01&to=2026-11-30&q=KR-12&page=3");
    expect(orderFilters(query)).toEqual({ status: "paid", paymentMethod: "cod", deliveryMethod: "parcel", from: "2026-11-01", to: "2026-11-30", search: "KR-12" });
  });

  it("drops what it does not know instead of failing", () => {
    expect(read("?status=lost&payment=card&from=2026-02-30&to=yesterday&page=-2")).toEqual({ status: "", payment: "", delivery: "", from: "", to: "", q: "", page: 1 });
    expect(orderFilters(read(""))).toEqual({});
  });

  it("exports the same filters as CSV, without the page", () => {
    expect(orderCsvHref(read("?status=packed&q=0812&page=2"))).toBe("/admin/orders.csv?status=packed&q=0812");
    expect(orderCsvHref(read(""))).toBe("/admin/orders.csv");
  });
});

describe("transitions", () => {
  it("asks for a reason only when a slip is rejected", () => {
    expect(needsReason("payment_review", "pending_payment")).toBe(true);
    expect(needsReason("payment_review", "paid")).toBe(false);
    expect(needsReason("paid", "cancelled")).toBe(false);
  });
});

describe("addressLines", () => {
  it("writes Thai addresses with ต./อ./จ., and แขวง/เขต in Bangkok", () => {
    expect(addressLines({ line: "99 หมู่ 3", subdistrict: "ในเมือง", district: "เมืองนครราชสีมา", provinceCode: 30, postcode: "30000" }, "นครราชสีมา")).toEqual([
      "99 หมู่ 3", "ต.ในเมือง อ.เมืองนครราชสีมา", "จ.นครราชสีมา 30000",
    ]);
    expect(addressLines({ line: "1 ถนนพระราม 6", subdistrict: "ทุ่งพญาไท", district: "ราชเทวี", provinceCode: 10, postcode: "10400" }, "กรุงเทพมหานคร")).toEqual([
      "1 ถนนพระราม 6", "แขวงทุ่งพญาไท เขตราชเทวี", "กรุงเทพมหานคร 10400",
    ]);
  });
});
