/**
 * All 77 provinces of Thailand with their official two-digit codes (TIS 1099 / Department of
 * Provincial Administration) and RTGS English names as the Department spells them.
 * `regionId` is the serving centre in `REGIONS`; that assignment is a working assumption,
 * to be confirmed with the Cooperative Promotion Department.
 */
export interface ProvinceRecord {
  code: number;
  nameTh: string;
  nameEn: string;
  regionId: number;
}

export const PROVINCES: readonly ProvinceRecord[] = [
  // Bangkok and the central plain
  { code: 10, nameTh: "กรุงเทพมหานคร", nameEn: "Bangkok", regionId: 1 },
  { code: 11, nameTh: "สมุทรปราการ", nameEn: "Samut Prakan", regionId: 1 },
  { code: 12, nameTh: "นนทบุรี", nameEn: "Nonthaburi", regionId: 1 },
  { code: 13, nameTh: "ปทุมธานี", nameEn: "Pathum Thani", regionId: 1 },
  { code: 14, nameTh: "พระนครศรีอยุธยา", nameEn: "Phra Nakhon Si Ayutthaya", regionId: 2 },
  { code: 15, nameTh: "อ่างทอง", nameEn: "Ang Thong", regionId: 2 },
  { code: 16, nameTh: "ลพบุรี", nameEn: "Lop Buri", regionId: 2 },
  { code: 17, nameTh: "สิงห์บุรี", nameEn: "Sing Buri", regionId: 13 },
  { code: 18, nameTh: "ชัยนาท", nameEn: "Chai Nat", regionId: 13 },
  { code: 19, nameTh: "สระบุรี", nameEn: "Saraburi", regionId: 2 },

  // East
  { code: 20, nameTh: "ชลบุรี", nameEn: "Chon Buri", regionId: 3 },
  { code: 21, nameTh: "ระยอง", nameEn: "Rayong", regionId: 3 },
  { code: 22, nameTh: "จันทบุรี", nameEn: "Chanthaburi", regionId: 3 },
  { code: 23, nameTh: "ตราด", nameEn: "Trat", regionId: 3 },
  { code: 24, nameTh: "ฉะเชิงเทรา", nameEn: "Chachoengsao", regionId: 4 },
  { code: 25, nameTh: "ปราจีนบุรี", nameEn: "Prachin Buri", regionId: 4 },
  { code: 26, nameTh: "นครนายก", nameEn: "Nakhon Nayok", regionId: 4 },
  { code: 27, nameTh: "สระแก้ว", nameEn: "Sa Kaeo", regionId: 4 },

  // Northeast (Isan)
  { code: 30, nameTh: "นครราชสีมา", nameEn: "Nakhon Ratchasima", regionId: 5 },
  { code: 31, nameTh: "บุรีรัมย์", nameEn: "Buri Ram", regionId: 5 },
  { code: 32, nameTh: "สุรินทร์", nameEn: "Surin", regionId: 5 },
  { code: 33, nameTh: "ศรีสะเกษ", nameEn: "Si Sa Ket", regionId: 5 },
  { code: 34, nameTh: "อุบลราชธานี", nameEn: "Ubon Ratchathani", regionId: 6 },
  { code: 35, nameTh: "ยโสธร", nameEn: "Yasothon", regionId: 6 },
  { code: 36, nameTh: "ชัยภูมิ", nameEn: "Chaiyaphum", regionId: 5 },
  { code: 37, nameTh: "อำนาจเจริญ", nameEn: "Amnat Charoen", regionId: 6 },
  { code: 38, nameTh: "บึงกาฬ", nameEn: "Bueng Kan", regionId: 8 },
  { code: 39, nameTh: "หนองบัวลำภู", nameEn: "Nong Bua Lam Phu", regionId: 8 },
  { code: 40, nameTh: "ขอนแก่น", nameEn: "Khon Kaen", regionId: 7 },
  { code: 41, nameTh: "อุดรธานี", nameEn: "Udon Thani", regionId: 8 },
  { code: 42, nameTh: "เลย", nameEn: "Loei", regionId: 8 },
  { code: 43, nameTh: "หนองคาย", nameEn: "Nong Khai", regionId: 8 },
  { code: 44, nameTh: "มหาสารคาม", nameEn: "Maha Sarakham", regionId: 7 },
  { code: 45, nameTh: "ร้อยเอ็ด", nameEn: "Roi Et", regionId: 7 },
  { code: 46, nameTh: "กาฬสินธุ์", nameEn: "Kalasin", regionId: 7 },
  { code: 47, nameTh: "สกลนคร", nameEn: "Sakon Nakhon", regionId: 8 },
  { code: 48, nameTh: "นครพนม", nameEn: "Nakhon Phanom", regionId: 6 },
  { code: 49, nameTh: "มุกดาหาร", nameEn: "Mukdahan", regionId: 6 },

  // North
  { code: 50, nameTh: "เชียงใหม่", nameEn: "Chiang Mai", regionId: 9 },
  { code: 51, nameTh: "ลำพูน", nameEn: "Lamphun", regionId: 9 },
  { code: 52, nameTh: "ลำปาง", nameEn: "Lampang", regionId: 10 },
  { code: 53, nameTh: "อุตรดิตถ์", nameEn: "Uttaradit", regionId: 12 },
  { code: 54, nameTh: "แพร่", nameEn: "Phrae", regionId: 10 },
  { code: 55, nameTh: "น่าน", nameEn: "Nan", regionId: 10 },
  { code: 56, nameTh: "พะเยา", nameEn: "Phayao", regionId: 10 },
  { code: 57, nameTh: "เชียงราย", nameEn: "Chiang Rai", regionId: 9 },
  { code: 58, nameTh: "แม่ฮ่องสอน", nameEn: "Mae Hong Son", regionId: 9 },

  // Lower north
  { code: 60, nameTh: "นครสวรรค์", nameEn: "Nakhon Sawan", regionId: 14 },
  { code: 61, nameTh: "อุทัยธานี", nameEn: "Uthai Thani", regionId: 14 },
  { code: 62, nameTh: "กำแพงเพชร", nameEn: "Kamphaeng Phet", regionId: 14 },
  { code: 63, nameTh: "ตาก", nameEn: "Tak", regionId: 11 },
  { code: 64, nameTh: "สุโขทัย", nameEn: "Sukhothai", regionId: 11 },
  { code: 65, nameTh: "พิษณุโลก", nameEn: "Phitsanulok", regionId: 11 },
  { code: 66, nameTh: "พิจิตร", nameEn: "Phichit", regionId: 12 },
  { code: 67, nameTh: "เพชรบูรณ์", nameEn: "Phetchabun", regionId: 12 },

  // West
  { code: 70, nameTh: "ราชบุรี", nameEn: "Ratchaburi", regionId: 15 },
  { code: 71, nameTh: "กาญจนบุรี", nameEn: "Kanchanaburi", regionId: 16 },
  { code: 72, nameTh: "สุพรรณบุรี", nameEn: "Suphan Buri", regionId: 13 },
  { code: 73, nameTh: "นครปฐม", nameEn: "Nakhon Pathom", regionId: 16 },
  { code: 74, nameTh: "สมุทรสาคร", nameEn: "Samut Sakhon", regionId: 16 },
  { code: 75, nameTh: "สมุทรสงคราม", nameEn: "Samut Songkhram", regionId: 15 },
  { code: 76, nameTh: "เพชรบุรี", nameEn: "Phetchaburi", regionId: 15 },
  { code: 77, nameTh: "ประจวบคีรีขันธ์", nameEn: "Prachuap Khiri Khan", regionId: 15 },

  // Upper south
  { code: 80, nameTh: "นครศรีธรรมราช", nameEn: "Nakhon Si Thammarat", regionId: 18 },
  { code: 81, nameTh: "กระบี่", nameEn: "Krabi", regionId: 20 },
  { code: 82, nameTh: "พังงา", nameEn: "Phang Nga", regionId: 20 },
  { code: 83, nameTh: "ภูเก็ต", nameEn: "Phuket", regionId: 20 },
  { code: 84, nameTh: "สุราษฎร์ธานี", nameEn: "Surat Thani", regionId: 19 },
  { code: 85, nameTh: "ระนอง", nameEn: "Ranong", regionId: 19 },
  { code: 86, nameTh: "ชุมพร", nameEn: "Chumphon", regionId: 19 },

  // Lower south
  { code: 90, nameTh: "สงขลา", nameEn: "Songkhla", regionId: 17 },
  { code: 91, nameTh: "สตูล", nameEn: "Satun", regionId: 17 },
  { code: 92, nameTh: "ตรัง", nameEn: "Trang", regionId: 18 },
  { code: 93, nameTh: "พัทลุง", nameEn: "Phatthalung", regionId: 18 },
  { code: 94, nameTh: "ปัตตานี", nameEn: "Pattani", regionId: 17 },
  { code: 95, nameTh: "ยะลา", nameEn: "Yala", regionId: 17 },
  { code: 96, nameTh: "นราธิวาส", nameEn: "Narathiwat", regionId: 17 },
];
