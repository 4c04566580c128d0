import type { CentreFields, SageFields } from "./schemas.ts";

// Demo ศพก. records for the demo region (lower Isan). Names, farmers and phone numbers are
// made up for the demo; districts and crops are the region's real ones. The same rows ship
// as docs/data/learning-centres-sample.csv.

type DemoCentre = Omit<CentreFields, "nameEn" | "subdistrictTh" | "address" | "descriptionTh" | "latitude" | "longitude"> & {
  nameEn: string;
  subdistrictTh: string;
  address: string;
  descriptionTh: string;
  latitude: number;
  longitude: number;
};

export const DEMO_CENTRES: readonly DemoCentre[] = [
  {
    code: "NMA-PHIMAI-01", nameTh: "ศพก. อำเภอพิมาย", nameEn: "Phimai Agricultural Learning Centre", provinceCode: 30, districtTh: "พิมาย", subdistrictTh: "ในเมือง",
    mainCrops: ["rice", "vegetables"], modelFarmerName: "นายสมบูรณ์ ทองดี", phone: "081-245-7731", address: "45 หมู่ 3 ต.ในเมือง อ.พิมาย จ.นครราชสีมา",
    descriptionTh: "แปลงเรียนรู้ข้าวหอมมะลิอินทรีย์และการทำนาแบบลดต้นทุน มีโรงสีข้าวชุมชนและแปลงผักปลอดภัย", latitude: 15.2206, longitude: 102.4936,
  },
  {
    code: "NMA-PAKTHONGCHAI-01", nameTh: "ศพก. อำเภอปักธงชัย", nameEn: "Pak Thong Chai Agricultural Learning Centre", provinceCode: 30, districtTh: "ปักธงชัย", subdistrictTh: "เมืองปัก",
    mainCrops: ["silk", "cassava"], modelFarmerName: "นางบุญเรือน ศรีสุข", phone: "089-512-3307", address: "112 หมู่ 7 ต.เมืองปัก อ.ปักธงชัย จ.นครราชสีมา",
    descriptionTh: "การปลูกหม่อนเลี้ยงไหม การสาวไหมและทอผ้าไหมพื้นบ้าน ควบคู่กับมันสำปะหลังพันธุ์ดี", latitude: 14.7236, longitude: 102.0214,
  },
  {
    code: "NMA-SUNGNOEN-01", nameTh: "ศพก. อำเภอสูงเนิน", nameEn: "Sung Noen Agricultural Learning Centre", provinceCode: 30, districtTh: "สูงเนิน", subdistrictTh: "กุดจิก",
    mainCrops: ["cassava", "maize"], modelFarmerName: "นายประยูร แก้วมณี", phone: "086-774-1290", address: "9 หมู่ 11 ต.กุดจิก อ.สูงเนิน จ.นครราชสีมา",
    descriptionTh: "มันสำปะหลังแบบน้ำหยด การปรับปรุงดินด้วยปุ๋ยพืชสด และการจัดการโรคใบด่าง", latitude: 14.8961, longitude: 101.8207,
  },
  {
    code: "NMA-KHONBURI-01", nameTh: "ศพก. อำเภอครบุรี", nameEn: "Khon Buri Agricultural Learning Centre", provinceCode: 30, districtTh: "ครบุรี", subdistrictTh: "แชะ",
    mainCrops: ["sugarcane", "cattle"], modelFarmerName: "นายวิชัย พรมมา", phone: "084-390-6621", address: "77 หมู่ 2 ต.แชะ อ.ครบุรี จ.นครราชสีมา",
    descriptionTh: "อ้อยโรงงานและการเลี้ยงโคเนื้อแบบผสมผสาน ใช้ใบอ้อยเป็นอาหารสัตว์ ลดการเผา", latitude: 14.5172, longitude: 102.2436,
  },
  {
    code: "CPM-MUEANG-01", nameTh: "ศพก. อำเภอเมืองชัยภูมิ", nameEn: "Mueang Chaiyaphum Agricultural Learning Centre", provinceCode: 36, districtTh: "เมืองชัยภูมิ", subdistrictTh: "นาฝาย",
    mainCrops: ["rice", "mushrooms"], modelFarmerName: "นางสาวมาลัย บุญมา", phone: "087-221-4518", address: "23 หมู่ 5 ต.นาฝาย อ.เมืองชัยภูมิ จ.ชัยภูมิ",
    descriptionTh: "ข้าวอินทรีย์ การเพาะเห็ดนางฟ้าและเห็ดฟางจากวัสดุเหลือใช้ในนา", latitude: 15.8068, longitude: 102.0316,
  },
  {
    code: "CPM-BAANKHWAO-01", nameTh: "ศพก. อำเภอบ้านเขว้า", nameEn: "Ban Khwao Agricultural Learning Centre", provinceCode: 36, districtTh: "บ้านเขว้า", subdistrictTh: "บ้านเขว้า",
    mainCrops: ["silk"], modelFarmerName: "นางคำปุ่น ชัยศรี", phone: "081-877-2094", address: "61 หมู่ 1 ต.บ้านเขว้า อ.บ้านเขว้า จ.ชัยภูมิ",
    descriptionTh: "แหล่งเรียนรู้ผ้าไหมมัดหมี่ ตั้งแต่ปลูกหม่อน เลี้ยงไหม ย้อมสีธรรมชาติ จนถึงการตลาดออนไลน์", latitude: 15.7734, longitude: 101.9096,
  },
  {
    code: "CPM-KASETSOMBUN-01", nameTh: "ศพก. อำเภอเกษตรสมบูรณ์", nameEn: "Kaset Sombun Agricultural Learning Centre", provinceCode: 36, districtTh: "เกษตรสมบูรณ์", subdistrictTh: "บ้านยาง",
    mainCrops: ["cassava", "sugarcane", "herbs"], modelFarmerName: "นายทองใบ สีดา", phone: "082-663-1845", address: "18 หมู่ 9 ต.บ้านยาง อ.เกษตรสมบูรณ์ จ.ชัยภูมิ",
    descriptionTh: "เกษตรผสมผสานบนพื้นที่ดอน ปลูกสมุนไพรแซมพืชไร่ และทำบัญชีครัวเรือน", latitude: 16.2991, longitude: 101.9546,
  },
  {
    code: "BRM-NANGRONG-01", nameTh: "ศพก. อำเภอนางรอง", nameEn: "Nang Rong Agricultural Learning Centre", provinceCode: 31, districtTh: "นางรอง", subdistrictTh: "ถนนหัก",
    mainCrops: ["rice", "cassava"], modelFarmerName: "นายบุญมี ดีพร้อม", phone: "085-447-9012", address: "5 หมู่ 4 ต.ถนนหัก อ.นางรอง จ.บุรีรัมย์",
    descriptionTh: "ข้าวหอมมะลิภูเขาไฟ การผลิตเมล็ดพันธุ์ข้าวชุมชน และการแปรรูปมันเส้นสะอาด", latitude: 14.6353, longitude: 102.7893,
  },
  {
    code: "BRM-PRAKHONCHAI-01", nameTh: "ศพก. อำเภอประโคนชัย", nameEn: "Prakhon Chai Agricultural Learning Centre", provinceCode: 31, districtTh: "ประโคนชัย", subdistrictTh: "จระเข้มาก",
    mainCrops: ["rice", "vegetables"], modelFarmerName: "นางสมศรี คำภา", phone: "088-134-6620", address: "88 หมู่ 6 ต.จระเข้มาก อ.ประโคนชัย จ.บุรีรัมย์",
    descriptionTh: "ข้าวอินทรีย์ GI ภูเขาไฟ ปุ๋ยหมักจากมูลสัตว์ และโรงเรือนผักปลอดสาร", latitude: 14.6152, longitude: 103.0839,
  },
  {
    code: "BRM-LAMPLAIMAT-01", nameTh: "ศพก. อำเภอลำปลายมาศ", nameEn: "Lam Plai Mat Agricultural Learning Centre", provinceCode: 31, districtTh: "ลำปลายมาศ", subdistrictTh: "หนองคู",
    mainCrops: ["sugarcane", "poultry"], modelFarmerName: "นายเสถียร จันทร์หอม", phone: "089-620-3388", address: "31 หมู่ 8 ต.หนองคู อ.ลำปลายมาศ จ.บุรีรัมย์",
    descriptionTh: "อ้อยคั้นน้ำ การเลี้ยงไก่ไข่อารมณ์ดี และการจัดการน้ำในไร่", latitude: 15.0272, longitude: 102.8483,
  },
  {
    code: "SRN-THATUM-01", nameTh: "ศพก. อำเภอท่าตูม", nameEn: "Tha Tum Agricultural Learning Centre", provinceCode: 32, districtTh: "ท่าตูม", subdistrictTh: "ท่าตูม",
    mainCrops: ["rice", "silk"], modelFarmerName: "นางทองพูน ศรีงาม", phone: "086-251-7745", address: "14 หมู่ 2 ต.ท่าตูม อ.ท่าตูม จ.สุรินทร์",
    descriptionTh: "ข้าวหอมมะลิทุ่งกุลาร้องไห้ และผ้าไหมยกดอกของชาวกูย", latitude: 15.3209, longitude: 103.6786,
  },
  {
    code: "SRN-PRASAT-01", nameTh: "ศพก. อำเภอปราสาท", nameEn: "Prasat Agricultural Learning Centre", provinceCode: 32, districtTh: "ปราสาท", subdistrictTh: "กังแอน",
    mainCrops: ["rice", "vegetables", "fish"], modelFarmerName: "นายสุรชัย บุญยืน", phone: "083-907-1156", address: "102 หมู่ 10 ต.กังแอน อ.ปราสาท จ.สุรินทร์",
    descriptionTh: "โคก หนอง นา โมเดล เลี้ยงปลาในบ่อ ปลูกผักริมขอบสระ และข้าวนาปี", latitude: 14.6405, longitude: 103.4062,
  },
];

export const DEMO_SAGES: ReadonlyArray<SageFields & { centreCode: string | null }> = [
  {
    nameTh: "นายสมบูรณ์ ทองดี", nameEn: "Somboon Thongdee", titleTh: "ปราชญ์ชาวบ้านด้านข้าวอินทรีย์", expertiseTh: "ข้าวอินทรีย์ การคัดพันธุ์ข้าว การทำนาลดต้นทุน",
    bioTh: "ทำนาอินทรีย์มากว่า 25 ปี ได้รับรางวัลเกษตรกรดีเด่นระดับจังหวัด เปิดบ้านเป็นแหล่งเรียนรู้ให้เกษตรกรและนักเรียนในพิมาย",
    provinceCode: 30, districtTh: "พิมาย", crops: ["rice"], phone: "081-245-7731", centreId: null, centreCode: "NMA-PHIMAI-01",
  },
  {
    nameTh: "นางคำปุ่น ชัยศรี", nameEn: "Khampun Chaisri", titleTh: "ครูภูมิปัญญาด้านหม่อนไหม", expertiseTh: "หม่อนไหม การย้อมสีธรรมชาติ ผ้าไหมมัดหมี่",
    bioTh: "สืบทอดการทอผ้าไหมจากแม่ สอนการเลี้ยงไหมพันธุ์ไทยพื้นบ้านและการย้อมสีจากเปลือกไม้ให้กลุ่มแม่บ้านบ้านเขว้า",
    provinceCode: 36, districtTh: "บ้านเขว้า", crops: ["silk"], phone: "081-877-2094", centreId: null, centreCode: "CPM-BAANKHWAO-01",
  },
  {
    nameTh: "นายทองใบ สีดา", nameEn: "Thongbai Sida", titleTh: "ปราชญ์เกษตรผสมผสาน", expertiseTh: "เกษตรผสมผสาน การปลูกสมุนไพร บัญชีครัวเรือน",
    bioTh: "เปลี่ยนไร่มันเชิงเดี่ยวเป็นเกษตรผสมผสาน มีรายได้ทุกวัน บันทึกบัญชีครัวเรือนต่อเนื่องกว่า 10 ปี",
    provinceCode: 36, districtTh: "เกษตรสมบูรณ์", crops: ["herbs", "cassava"], phone: "082-663-1845", centreId: null, centreCode: "CPM-KASETSOMBUN-01",
  },
  {
    nameTh: "นางสมศรี คำภา", nameEn: "Somsri Khampha", titleTh: "ผู้เชี่ยวชาญด้านปุ๋ยหมัก", expertiseTh: "ปุ๋ยหมัก น้ำหมักชีวภาพ การปรับปรุงดิน",
    bioTh: "ผลิตปุ๋ยหมักจากมูลวัวและฟางข้าวใช้เองและจำหน่ายให้สมาชิกสหกรณ์ ช่วยลดต้นทุนปุ๋ยเคมีได้กว่าครึ่ง",
    provinceCode: 31, districtTh: "ประโคนชัย", crops: ["rice", "vegetables"], phone: "088-134-6620", centreId: null, centreCode: "BRM-PRAKHONCHAI-01",
  },
  {
    nameTh: "นายสุรชัย บุญยืน", nameEn: "Surachai Boonyuen", titleTh: "ปราชญ์โคก หนอง นา", expertiseTh: "การจัดการน้ำ โคก หนอง นา การเลี้ยงปลา",
    bioTh: "ออกแบบพื้นที่ 15 ไร่ตามแนวโคก หนอง นา เป็นวิทยากรให้กรมพัฒนาที่ดินและสหกรณ์ในจังหวัดสุรินทร์",
    provinceCode: 32, districtTh: "ปราสาท", crops: ["fish", "rice"], phone: "083-907-1156", centreId: null, centreCode: "SRN-PRASAT-01",
  },
  {
    nameTh: "นางบุญเรือน ศรีสุข", nameEn: "Boonruean Srisuk", titleTh: "ครูบัญชีอาสา", expertiseTh: "บัญชีครัวเรือน บัญชีต้นทุนอาชีพ การออมในกลุ่ม",
    bioTh: "อบรมการทำบัญชีครัวเรือนให้สมาชิกสหกรณ์กว่า 2,000 คน ใช้สมุดบัญชีและแอปบนมือถือ",
    provinceCode: 30, districtTh: "ปักธงชัย", crops: ["silk", "cassava"], phone: "089-512-3307", centreId: null, centreCode: "NMA-PAKTHONGCHAI-01",
  },
];
