/** Thai messages for the marketplace cart and split checkout (domain messages; keys are prefixed "marketplace."). */
export const marketplaceTh = {
  "marketplace.product_unavailable": "สินค้านี้ไม่มีวางขายในตลาดแล้ว",
  "marketplace.parts_missing": "กรุณาเลือกวิธีรับสินค้าและวิธีชำระเงินของแต่ละสหกรณ์",
  "marketplace.part_repeated": "เลือกวิธีรับสินค้าและชำระเงินของสหกรณ์เดียวกันซ้ำ",
  "marketplace.stripe_all_or_none": "ชำระด้วยบัตรหรือพร้อมเพย์ออนไลน์ได้เมื่อชำระรวมทุกสหกรณ์ในครั้งเดียวเท่านั้น",
  "marketplace.cart_changed": "สินค้าในตะกร้าเปลี่ยนไป กรุณาตรวจสอบตะกร้าแล้วสั่งซื้ออีกครั้ง",
  "marketplace.stripe_unavailable": "ขณะนี้ยังชำระด้วยบัตรหรือพร้อมเพย์ออนไลน์ไม่ได้ กรุณาเลือกชำระกับแต่ละสหกรณ์",
  "marketplace.stripe_failed": "เปิดหน้าชำระเงินด้วยบัตรไม่สำเร็จ ระบบยกเลิกคำสั่งซื้อนี้และคืนสินค้าแล้ว กรุณาสั่งซื้อใหม่อีกครั้ง",
  "marketplace.order_cancelled": "คำสั่งซื้อนี้ถูกยกเลิกแล้ว กรุณาสั่งซื้อใหม่อีกครั้ง",
  "marketplace.order_not_found": "ไม่พบคำสั่งซื้อนี้ กรุณาตรวจสอบลิงก์อีกครั้ง",
} as const;
