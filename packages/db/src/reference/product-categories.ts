/** The shared farm-product taxonomy every co-op files its products under. */
export interface ProductCategoryRecord {
  id: string;
  parentId: string | null;
  nameTh: string;
  nameEn: string;
}

export const PRODUCT_CATEGORIES: readonly ProductCategoryRecord[] = [
  { id: "rice", parentId: null, nameTh: "ข้าวและผลิตภัณฑ์จากข้าว", nameEn: "Rice and rice products" },
  { id: "field-crops", parentId: null, nameTh: "พืชไร่ (มันสำปะหลัง ข้าวโพด อ้อย)", nameEn: "Field crops (cassava, maize, sugarcane)" },
  { id: "vegetables", parentId: null, nameTh: "ผัก", nameEn: "Vegetables" },
  { id: "fruit", parentId: null, nameTh: "ผลไม้", nameEn: "Fruit" },
  { id: "mushrooms", parentId: null, nameTh: "เห็ด", nameEn: "Mushrooms" },
  { id: "herbs", parentId: null, nameTh: "สมุนไพรและเครื่องเทศ", nameEn: "Herbs and spices" },
  { id: "livestock", parentId: null, nameTh: "ปศุสัตว์ เนื้อสัตว์ และไข่", nameEn: "Livestock, meat and eggs" },
  { id: "dairy", parentId: null, nameTh: "นมและผลิตภัณฑ์นม", nameEn: "Milk and dairy" },
  { id: "aquatic", parentId: null, nameTh: "ประมงและสัตว์น้ำ", nameEn: "Fish and aquatic products" },
  { id: "processed-food", parentId: null, nameTh: "อาหารแปรรูป", nameEn: "Processed food" },
  { id: "beverages", parentId: null, nameTh: "เครื่องดื่ม", nameEn: "Beverages" },
  { id: "honey", parentId: null, nameTh: "น้ำผึ้งและผลิตภัณฑ์จากผึ้ง", nameEn: "Honey and bee products" },
  { id: "textiles", parentId: null, nameTh: "ผ้าไหม ผ้าฝ้าย และผ้าทอ", nameEn: "Silk, cotton and woven cloth" },
  { id: "handicrafts", parentId: null, nameTh: "หัตถกรรมและของใช้", nameEn: "Handicrafts and household goods" },
  { id: "farm-inputs", parentId: null, nameTh: "ปุ๋ยและปัจจัยการผลิต", nameEn: "Fertiliser and farm inputs" },
  { id: "seeds-seedlings", parentId: null, nameTh: "เมล็ดพันธุ์และกล้าไม้", nameEn: "Seeds and seedlings" },
  { id: "rubber", parentId: null, nameTh: "ยางพาราและผลิตภัณฑ์", nameEn: "Natural rubber products" },
  { id: "other", parentId: null, nameTh: "อื่น ๆ", nameEn: "Other" },
];
