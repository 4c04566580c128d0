/** Thai messages for a co-op's pending and suspended states in the back office and sign-up (merged into th.ts; keys are prefixed "coopStatus."). */
export const coopStatusTh = {
  // ---- the back office's banner while the public site is closed ----
  "coopStatus.banner.suspended.title": "เว็บไซต์ของสหกรณ์ถูกระงับชั่วคราว",
  "coopStatus.banner.suspended.reason": "เหตุผลจากเจ้าหน้าที่: {reason}",
  "coopStatus.banner.suspended.since": "ระงับเมื่อ {date}",
  "coopStatus.banner.pending.title": "รอการอนุมัติจากเจ้าหน้าที่ภูมิภาค",
  "coopStatus.banner.pending.body":
    "เตรียมสินค้า ข้อมูลติดต่อ และช่องทางรับชำระเงินได้เลย หน้าร้านจะเปิดให้ประชาชนเข้าชมเมื่อเจ้าหน้าที่อนุมัติ และเราจะแจ้งให้ทราบทางอีเมล",
  // ---- a change refused because the back office is read-only ----
  "coopStatus.readOnly.title": "ระบบหลังร้านดูได้อย่างเดียว",
  // ---- the public site of a co-op waiting for approval ----
  "coopStatus.openingSoon.meta": "เร็ว ๆ นี้",
  "coopStatus.openingSoon.title": "เปิดให้บริการเร็ว ๆ นี้",
  "coopStatus.openingSoon.body": "{name} กำลังเตรียมเว็บไซต์ และจะเปิดให้บริการเมื่อได้รับการอนุมัติจากเจ้าหน้าที่ภูมิภาค",
  "coopStatus.openingSoon.cta": "ดูสหกรณ์อื่นในเครือข่าย",
  "coopStatus.teamSignIn": "สำหรับทีมงานของสหกรณ์: เข้าสู่ระบบหลังร้าน",
  // ---- the sign-up form, where a region's staff approve new co-ops first ----
  "coopStatus.signup.approvalRegion": "เปิดหน้าร้านหลังเจ้าหน้าที่อนุมัติ",
  "coopStatus.signup.approvalHint":
    "ในภาคที่ระบุไว้ในรายการ หน้าร้านจะเปิดให้ประชาชนเข้าชมเมื่อเจ้าหน้าที่ภูมิภาคอนุมัติ ระหว่างนี้เข้าระบบหลังร้านและเตรียมข้อมูลได้ทันที",
  "coopStatus.welcomePending.title": "สมัครเรียบร้อยแล้ว รอเจ้าหน้าที่อนุมัติ",
  "coopStatus.welcomePending.body": "ระหว่างรอ ทำตามรายการด้านล่างเพื่อเตรียมเว็บไซต์ให้พร้อม: ใส่โลโก้ เล่าเรื่องราวของสหกรณ์ ตั้งค่าการรับเงิน และเพิ่มสินค้า เว็บไซต์จะเปิดให้ลูกค้าเห็นเมื่อเจ้าหน้าที่ภูมิภาคอนุมัติ",
  "coopStatus.orderClosed.title": "สหกรณ์ปิดให้บริการชั่วคราว",
  "coopStatus.orderClosed.body": "คำสั่งซื้อของท่านยังอยู่ครบถ้วน ดูรายละเอียดและสถานะได้ที่หน้านี้ แต่ยังชำระเงินหรือส่งสลิปไม่ได้จนกว่าสหกรณ์จะกลับมาเปิด หากมีข้อสงสัยโปรดติดต่อสหกรณ์โดยตรง",
} as const;
