/** Thai messages of the co-op export and import commands (merged into th.ts; keys are prefixed "coopTransfer."). */
export const coopTransferTh = {
  "coopTransfer.coopNotFound": "ไม่พบสหกรณ์ที่ใช้ชื่อย่อ {slug}",
  "coopTransfer.notACoopFile": "ไฟล์นี้ไม่ใช่ไฟล์ข้อมูลสหกรณ์ที่ส่งออกจากระบบ",
  "coopTransfer.unsupportedVersion": "ไฟล์นี้ใช้รูปแบบรุ่น {file} แต่โปรแกรมนี้อ่านได้เฉพาะรุ่น {supported}",
  "coopTransfer.damagedFile": "ไฟล์เสียหายหรือถูกแก้ไข ({reason}) กรุณาส่งออกใหม่อีกครั้ง",
  "coopTransfer.schemaMismatch": "ไฟล์มาจากฐานข้อมูลรุ่น {file} แต่ฐานข้อมูลนี้เป็นรุ่น {database} ต้องปรับให้เป็นรุ่นเดียวกันก่อนนำเข้า",
  "coopTransfer.foreignRows": "ไฟล์มีข้อมูลของสหกรณ์อื่นปนอยู่ (ตาราง {table}) จึงไม่นำเข้า",
  "coopTransfer.coopExists": "ฐานข้อมูลนี้มีสหกรณ์ {slug} หรือสหกรณ์รหัสเดียวกันอยู่แล้ว จึงไม่นำเข้าซ้ำ",
  "coopTransfer.userConflict": "อีเมล {email} เป็นของบัญชีอื่นในฐานข้อมูลนี้ จึงไม่นำเข้า",
  "coopTransfer.missingReference": "ข้อมูลในตาราง {table} อ้างถึงข้อมูลกลางที่ฐานข้อมูลนี้ไม่มี เช่น ทำเนียบ ศพก. หรือปราชญ์เกษตร ให้นำเข้าข้อมูลกลางก่อน ({detail})",
  "coopTransfer.nothingWritten": "ไม่มีข้อมูลใดถูกเขียนลงฐานข้อมูล",
} as const;
