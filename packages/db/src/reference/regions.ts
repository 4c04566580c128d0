// Province→centre assignment is a working assumption, to be confirmed with the Cooperative Promotion Department.

/**
 * The Cooperative Promotion Department's 20 Regional Cooperative Technology Transfer Centres
 * (ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 1–20). `id` is the centre number; `seatProvinceCode` is the
 * province where the centre sits, which need not be one of the provinces it serves.
 * Seats follow public CPD listings; the provinces each centre serves live in `provinces.ts`.
 */
export interface RegionRecord {
  id: number;
  nameTh: string;
  nameEn: string;
  seatProvinceCode: number;
}

export const REGIONS: readonly RegionRecord[] = [
  { id: 1, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 1 (ปทุมธานี)", nameEn: "Cooperative Technology Transfer Centre 1 (Pathum Thani)", seatProvinceCode: 13 },
  { id: 2, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 2 (ปทุมธานี)", nameEn: "Cooperative Technology Transfer Centre 2 (Pathum Thani)", seatProvinceCode: 13 },
  { id: 3, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 3 (ชลบุรี)", nameEn: "Cooperative Technology Transfer Centre 3 (Chon Buri)", seatProvinceCode: 20 },
  { id: 4, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 4 (นครนายก)", nameEn: "Cooperative Technology Transfer Centre 4 (Nakhon Nayok)", seatProvinceCode: 26 },
  { id: 5, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 5 (นครราชสีมา)", nameEn: "Cooperative Technology Transfer Centre 5 (Nakhon Ratchasima)", seatProvinceCode: 30 },
  { id: 6, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 6 (นครราชสีมา)", nameEn: "Cooperative Technology Transfer Centre 6 (Nakhon Ratchasima)", seatProvinceCode: 30 },
  { id: 7, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 7 (ขอนแก่น)", nameEn: "Cooperative Technology Transfer Centre 7 (Khon Kaen)", seatProvinceCode: 40 },
  { id: 8, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 8 (ขอนแก่น)", nameEn: "Cooperative Technology Transfer Centre 8 (Khon Kaen)", seatProvinceCode: 40 },
  { id: 9, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 9 (เชียงใหม่)", nameEn: "Cooperative Technology Transfer Centre 9 (Chiang Mai)", seatProvinceCode: 50 },
  { id: 10, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 10 (ลำปาง)", nameEn: "Cooperative Technology Transfer Centre 10 (Lampang)", seatProvinceCode: 52 },
  { id: 11, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 11 (พิษณุโลก)", nameEn: "Cooperative Technology Transfer Centre 11 (Phitsanulok)", seatProvinceCode: 65 },
  { id: 12, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 12 (พิษณุโลก)", nameEn: "Cooperative Technology Transfer Centre 12 (Phitsanulok)", seatProvinceCode: 65 },
  { id: 13, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 13 (ชัยนาท)", nameEn: "Cooperative Technology Transfer Centre 13 (Chai Nat)", seatProvinceCode: 18 },
  { id: 14, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 14 (ชัยนาท)", nameEn: "Cooperative Technology Transfer Centre 14 (Chai Nat)", seatProvinceCode: 18 },
  { id: 15, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 15 (เพชรบุรี)", nameEn: "Cooperative Technology Transfer Centre 15 (Phetchaburi)", seatProvinceCode: 76 },
  { id: 16, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 16 (เพชรบุรี)", nameEn: "Cooperative Technology Transfer Centre 16 (Phetchaburi)", seatProvinceCode: 76 },
  { id: 17, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 17 (สงขลา)", nameEn: "Cooperative Technology Transfer Centre 17 (Songkhla)", seatProvinceCode: 90 },
  { id: 18, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 18 (สงขลา)", nameEn: "Cooperative Technology Transfer Centre 18 (Songkhla)", seatProvinceCode: 90 },
  { id: 19, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 19 (สุราษฎร์ธานี)", nameEn: "Cooperative Technology Transfer Centre 19 (Surat Thani)", seatProvinceCode: 84 },
  { id: 20, nameTh: "ศูนย์ถ่ายทอดเทคโนโลยีการสหกรณ์ที่ 20 (สุราษฎร์ธานี)", nameEn: "Cooperative Technology Transfer Centre 20 (Surat Thani)", seatProvinceCode: 84 },
];
