/** The crops and farm products articles, seminars, ศพก. centres and co-ops are tagged with. */
export interface CropRecord {
  code: string;
  nameTh: string;
  nameEn: string;
}

export const CROPS: readonly CropRecord[] = [
  { code: "rice", nameTh: "ข้าว", nameEn: "Rice" },
  { code: "cassava", nameTh: "มันสำปะหลัง", nameEn: "Cassava" },
  { code: "sugarcane", nameTh: "อ้อย", nameEn: "Sugarcane" },
  { code: "maize", nameTh: "ข้าวโพด", nameEn: "Maize" },
  { code: "rubber", nameTh: "ยางพารา", nameEn: "Rubber" },
  { code: "oil-palm", nameTh: "ปาล์มน้ำมัน", nameEn: "Oil palm" },
  { code: "silk", nameTh: "หม่อนไหม", nameEn: "Mulberry and silk" },
  { code: "cotton", nameTh: "ฝ้าย", nameEn: "Cotton" },
  { code: "vegetables", nameTh: "ผัก", nameEn: "Vegetables" },
  { code: "mushrooms", nameTh: "เห็ด", nameEn: "Mushrooms" },
  { code: "herbs", nameTh: "สมุนไพร", nameEn: "Herbs" },
  { code: "durian", nameTh: "ทุเรียน", nameEn: "Durian" },
  { code: "mango", nameTh: "มะม่วง", nameEn: "Mango" },
  { code: "longan", nameTh: "ลำไย", nameEn: "Longan" },
  { code: "banana", nameTh: "กล้วย", nameEn: "Banana" },
  { code: "coconut", nameTh: "มะพร้าว", nameEn: "Coconut" },
  { code: "coffee", nameTh: "กาแฟ", nameEn: "Coffee" },
  { code: "cattle", nameTh: "โคเนื้อ โคนม", nameEn: "Cattle" },
  { code: "pigs", nameTh: "สุกร", nameEn: "Pigs" },
  { code: "poultry", nameTh: "ไก่และเป็ด", nameEn: "Poultry" },
  { code: "fish", nameTh: "ปลาและสัตว์น้ำ", nameEn: "Fish and aquaculture" },
  { code: "bees", nameTh: "ผึ้ง", nameEn: "Bees and honey" },
];
