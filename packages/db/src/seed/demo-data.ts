/**
 * Demo tenants for local development and pilots: three co-ops in the area of Cooperative
 * Technology Transfer Centre 5 (Nakhon Ratchasima) and one regional staff member.
 * Names, registration numbers, stories, prices and stock are illustrative, not records of
 * real co-ops. Registration numbers use the "<province abbreviation> <number>/<Buddhist year>" style.
 */

export type ProductUnit =
  | "kg"
  | "g"
  | "bag"
  | "crate"
  | "box"
  | "piece"
  | "bottle"
  | "pack"
  | "bunch"
  | "dozen"
  | "litre"
  | "tray"
  | "sack";

export type DemoProductStatus = "available" | "sold_out" | "coming_soon";

export interface DemoProduct {
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  descriptionEn: string;
  priceBaht: number;
  unit: ProductUnit;
  stock: number;
  status: DemoProductStatus;
  /** Shown in the home page's featured block. */
  featured?: boolean;
  /** Months (1–12) the product is harvested, for the home page's in-season block. */
  harvestMonths?: number[];
}

export interface DemoCoop {
  slug: string;
  nameTh: string;
  nameEn: string;
  registrationNo: string;
  provinceCode: number;
  storyTh: string;
  storyEn: string;
  products: DemoProduct[];
}

export const DEMO_COOPS: readonly DemoCoop[] = [
  {
    slug: "korat",
    nameTh: "สหกรณ์การเกษตรเมืองนครราชสีมา จำกัด",
    nameEn: "Mueang Nakhon Ratchasima Agricultural Cooperative Ltd.",
    registrationNo: "นม 0017/2520",
    provinceCode: 30,
    storyTh:
      "สหกรณ์การเกษตรเมืองนครราชสีมา จำกัด รวมพลังเกษตรกรผู้ปลูกข้าว มันสำปะหลัง และพืชผักในอำเภอเมืองนครราชสีมามาตั้งแต่ปี 2520 " +
      "สหกรณ์รับซื้อผลผลิตจากสมาชิกมาสีและแปรรูปในโรงสีของสหกรณ์เอง แล้วส่งตรงถึงผู้บริโภคในราคาที่เป็นธรรมทั้งต่อผู้ปลูกและผู้ซื้อ " +
      "ปัจจุบันสหกรณ์เป็นศูนย์เรียนรู้การสหกรณ์ที่เปิดให้เกษตรกรและผู้สนใจเข้ามาศึกษาการบริหารงานสหกรณ์และการผลิตแบบลดต้นทุน",
    storyEn:
      "Mueang Nakhon Ratchasima Agricultural Cooperative Ltd. has brought together rice, cassava and vegetable growers of Mueang Nakhon Ratchasima district since 1977. " +
      "The co-op buys its members' harvest, mills and processes it at its own mill, and sells directly to consumers at a price that is fair to growers and buyers alike. " +
      "Today it is a co-op learning centre, open to farmers and visitors who want to see how a co-op is run and how to farm at lower cost.",
    products: [
      {
        nameTh: "ข้าวหอมมะลิ 105 (ถุง 5 กก.)",
        nameEn: "Hom Mali 105 jasmine rice (5 kg bag)",
        descriptionTh: "ข้าวหอมมะลิจากนาของสมาชิกในนครราชสีมา สีใหม่ทุกสัปดาห์ที่โรงสีของสหกรณ์ หุงแล้วนุ่มและหอม",
        descriptionEn: "Jasmine rice from members' paddies in Nakhon Ratchasima, freshly milled every week at the co-op's mill; soft and fragrant when cooked.",
        priceBaht: 235,
        unit: "bag",
        stock: 180,
        status: "available",
        featured: true,
        harvestMonths: [11, 12, 1],
      },
      {
        nameTh: "ข้าวไรซ์เบอร์รี่ (1 กก.)",
        nameEn: "Riceberry rice (1 kg)",
        descriptionTh: "ข้าวไรซ์เบอร์รี่สีม่วงเข้ม อุดมด้วยสารต้านอนุมูลอิสระและใยอาหาร บรรจุถุงสุญญากาศ",
        descriptionEn: "Deep-purple Riceberry rice, rich in antioxidants and fibre, vacuum-packed.",
        priceBaht: 85,
        unit: "pack",
        stock: 240,
        status: "available",
      },
      {
        nameTh: "ข้าวกล้องหอมมะลิ (1 กก.)",
        nameEn: "Brown jasmine rice (1 kg)",
        descriptionTh: "ข้าวหอมมะลิที่กะเทาะเปลือกเพียงครั้งเดียว จึงยังคงจมูกข้าวและวิตามินไว้ครบ",
        descriptionEn: "Jasmine rice hulled only once, so the germ and its vitamins stay in.",
        priceBaht: 70,
        unit: "pack",
        stock: 150,
        status: "available",
      },
      {
        nameTh: "เส้นหมี่โคราช (500 ก.)",
        nameEn: "Korat rice vermicelli (500 g)",
        descriptionTh: "เส้นหมี่แห้งที่ทำจากข้าวของสมาชิก เส้นเหนียวนุ่ม เหมาะสำหรับทำผัดหมี่โคราช",
        descriptionEn: "Dried rice vermicelli made from members' rice, springy and just right for Korat-style stir-fried noodles (pad mee Korat).",
        priceBaht: 35,
        unit: "pack",
        stock: 300,
        status: "available",
      },
      {
        nameTh: "แป้งมันสำปะหลัง (500 ก.)",
        nameEn: "Tapioca starch (500 g)",
        descriptionTh: "แป้งจากหัวมันสำปะหลังของสมาชิก ใช้ทำขนมไทยหรือทำให้น้ำแกงข้นได้ดี",
        descriptionEn: "Starch from members' cassava roots, for Thai desserts or for thickening sauces and soups.",
        priceBaht: 25,
        unit: "pack",
        stock: 220,
        status: "available",
      },
      {
        nameTh: "เห็ดนางฟ้าสด",
        nameEn: "Fresh grey oyster mushrooms",
        descriptionTh: "เห็ดนางฟ้าจากโรงเรือนของกลุ่มสมาชิก เก็บสดใหม่ทุกเช้า",
        descriptionEn: "Grey oyster mushrooms from the members' growing houses, picked fresh every morning.",
        priceBaht: 80,
        unit: "kg",
        stock: 45,
        status: "available",
        harvestMonths: [6, 7, 8, 9, 10, 11],
      },
      {
        nameTh: "ผักอินทรีย์ตามฤดูกาล (กล่อง 2 กก.)",
        nameEn: "Seasonal organic vegetable box (2 kg)",
        descriptionTh: "ผักอินทรีย์คละชนิดตามฤดูกาล เช่น คะน้า ผักบุ้ง และกวางตุ้ง จากแปลงของสมาชิก",
        descriptionEn: "A mix of seasonal organic vegetables such as Chinese kale, morning glory and choy sum from members' plots.",
        priceBaht: 150,
        unit: "box",
        stock: 30,
        status: "available",
        harvestMonths: [11, 12, 1, 2],
      },
      {
        nameTh: "ไข่ไก่สด เบอร์ 2 (แผง 30 ฟอง)",
        nameEn: "Fresh eggs, size 2 (tray of 30)",
        descriptionTh: "ไข่ไก่สดจากฟาร์มของสมาชิก คัดขนาดเบอร์ 2 ส่งถึงมือภายในสามวันหลังเก็บ",
        descriptionEn: "Fresh size-2 eggs from members' farms, delivered within three days of collection.",
        priceBaht: 125,
        unit: "tray",
        stock: 0,
        status: "sold_out",
      },
      {
        nameTh: "มะม่วงน้ำดอกไม้สีทอง",
        nameEn: "Nam Dok Mai Si Thong mangoes",
        descriptionTh: "มะม่วงน้ำดอกไม้สีทองจากสวนของสมาชิกในอำเภอปากช่อง เปิดให้สั่งจองล่วงหน้า ผลผลิตออกช่วงมีนาคมถึงพฤษภาคม",
        descriptionEn: "Golden Nam Dok Mai mangoes from members' orchards in Pak Chong; pre-order now for the March to May season.",
        priceBaht: 80,
        unit: "kg",
        stock: 0,
        status: "coming_soon",
        featured: true,
        harvestMonths: [3, 4, 5],
      },
      {
        nameTh: "ปุ๋ยอินทรีย์อัดเม็ด (กระสอบ 50 กก.)",
        nameEn: "Pelleted organic fertiliser (50 kg sack)",
        descriptionTh: "ปุ๋ยอินทรีย์อัดเม็ดที่สหกรณ์ผลิตเอง ช่วยปรับโครงสร้างดินและลดการใช้ปุ๋ยเคมี",
        descriptionEn: "Pelleted organic fertiliser made by the co-op; it improves soil structure and cuts the need for chemical fertiliser.",
        priceBaht: 380,
        unit: "sack",
        stock: 120,
        status: "available",
      },
    ],
  },
  {
    slug: "chaiyaphum-silk",
    nameTh: "สหกรณ์การเกษตรหม่อนไหมบ้านเขว้า จำกัด",
    nameEn: "Ban Khwao Sericulture Agricultural Cooperative Ltd.",
    registrationNo: "ชย 0046/2535",
    provinceCode: 36,
    storyTh:
      "สมาชิกของสหกรณ์ส่วนใหญ่เป็นครอบครัวเกษตรกรในอำเภอบ้านเขว้าที่ปลูกหม่อน เลี้ยงไหม และทอผ้าไหมมัดหมี่ด้วยกี่พื้นบ้านสืบต่อกันมาหลายชั่วอายุคน " +
      "สหกรณ์ช่วยจัดหาพันธุ์หม่อนและไข่ไหม รวบรวมผ้าทอของสมาชิกมาตรวจคุณภาพ และหาตลาดที่ให้ราคาเป็นธรรม " +
      "ในฐานะศูนย์เรียนรู้การสหกรณ์ สหกรณ์เปิดบ้านให้ผู้สนใจมาเรียนรู้ทุกขั้นตอน ตั้งแต่การเลี้ยงไหมไปจนถึงการมัดหมี่และทอผ้า",
    storyEn:
      "Most of our members are farming families in Ban Khwao district who have grown mulberry, raised silkworms and woven mudmee silk on home looms for generations. " +
      "The co-op supplies mulberry stock and silkworm eggs, checks the quality of every woven piece, and finds markets that pay a fair price. " +
      "As a co-op learning centre, it welcomes visitors to learn every step, from rearing silkworms to tie-dyeing and weaving.",
    products: [
      {
        nameTh: "ผ้าไหมมัดหมี่ลายโบราณ (ผืน 2 เมตร)",
        nameEn: "Heritage-pattern mudmee silk (2 m length)",
        descriptionTh: "ผ้าไหมมัดหมี่ทอมือด้วยกี่พื้นบ้าน ลวดลายดั้งเดิมของบ้านเขว้า",
        descriptionEn: "Hand-woven mudmee (ikat) silk from a traditional loom, in Ban Khwao's heritage patterns.",
        priceBaht: 2800,
        unit: "piece",
        stock: 18,
        status: "available",
        featured: true,
      },
      {
        nameTh: "ผ้าไหมพื้นย้อมสีธรรมชาติ (ผืน 4 เมตร)",
        nameEn: "Naturally dyed plain silk (4 m length)",
        descriptionTh: "ผ้าไหมพื้นเนื้อแน่น ย้อมด้วยสีจากเปลือกไม้ ครั่ง และใบหูกวาง",
        descriptionEn: "Densely woven plain silk dyed with tree bark, lac and tropical almond leaves.",
        priceBaht: 3200,
        unit: "piece",
        stock: 10,
        status: "available",
      },
      {
        nameTh: "ผ้าพันคอไหม",
        nameEn: "Silk scarf",
        descriptionTh: "ผ้าพันคอไหมทอมือ เนื้อบางเบา ใช้ได้ทุกโอกาส",
        descriptionEn: "A light, hand-woven silk scarf for any occasion.",
        priceBaht: 590,
        unit: "piece",
        stock: 45,
        status: "available",
      },
      {
        nameTh: "เส้นไหมพื้นบ้าน (100 ก.)",
        nameEn: "Native Thai silk yarn (100 g)",
        descriptionTh: "เส้นไหมสาวมือจากรังไหมพันธุ์พื้นบ้านสีเหลือง เหมาะสำหรับงานทอและงานฝีมือ",
        descriptionEn: "Hand-reeled yarn from the cocoons of native yellow silkworms, for weaving and handicrafts.",
        priceBaht: 290,
        unit: "pack",
        stock: 35,
        status: "available",
      },
      {
        nameTh: "ชาใบหม่อน (50 ก.)",
        nameEn: "Mulberry leaf tea (50 g)",
        descriptionTh: "ชาใบหม่อนอบแห้งจากแปลงหม่อนอินทรีย์ของสมาชิก รสชาตินุ่ม ไม่มีคาเฟอีน",
        descriptionEn: "Dried mulberry leaf tea from members' organic mulberry plots, mild and caffeine-free.",
        priceBaht: 95,
        unit: "pack",
        stock: 80,
        status: "available",
        harvestMonths: [5, 6, 7, 8, 9, 10, 11],
      },
      {
        nameTh: "น้ำหม่อนพร้อมดื่ม (250 มล.)",
        nameEn: "Mulberry juice (250 ml)",
        descriptionTh: "น้ำผลหม่อนสุกผ่านการพาสเจอร์ไรส์ รสหวานอมเปรี้ยว ควรเก็บในตู้เย็น",
        descriptionEn: "Pasteurised juice of ripe mulberries, sweet and tangy; keep refrigerated.",
        priceBaht: 25,
        unit: "bottle",
        stock: 120,
        status: "available",
      },
      {
        nameTh: "ผลหม่อนสด",
        nameEn: "Fresh mulberries",
        descriptionTh: "ผลหม่อนสุกสีม่วงเข้มจากแปลงของสมาชิก เปิดให้สั่งช่วงกุมภาพันธ์ถึงเมษายน",
        descriptionEn: "Ripe, dark-purple mulberries from members' plots, available to order from February to April.",
        priceBaht: 120,
        unit: "kg",
        stock: 0,
        status: "coming_soon",
      },
      {
        nameTh: "ดักแด้ไหมแช่แข็ง (500 ก.)",
        nameEn: "Frozen silkworm pupae (500 g)",
        descriptionTh: "ดักแด้ไหมต้มสุกแล้วแช่แข็ง โปรตีนสูง นำไปทอดหรือผัดได้ทันที",
        descriptionEn: "Boiled and frozen silkworm pupae, high in protein and ready to fry or stir-fry.",
        priceBaht: 90,
        unit: "pack",
        stock: 0,
        status: "sold_out",
      },
      {
        nameTh: "สบู่โปรตีนไหม",
        nameEn: "Silk protein soap",
        descriptionTh: "สบู่ก้อนผสมโปรตีนจากรังไหม ช่วยให้ผิวชุ่มชื้น",
        descriptionEn: "Bar soap made with protein from silk cocoons to keep skin moist.",
        priceBaht: 65,
        unit: "piece",
        stock: 150,
        status: "available",
      },
      {
        nameTh: "ต้นหม่อนพันธุ์กินผล (ถุงชำ)",
        nameEn: "Fruiting mulberry seedling (nursery bag)",
        descriptionTh: "ต้นหม่อนพันธุ์กินผลที่สมาชิกขยายพันธุ์เอง ปลูกง่ายและให้ผลเร็ว",
        descriptionEn: "A fruiting mulberry propagated by our members; easy to grow and quick to bear fruit.",
        priceBaht: 35,
        unit: "piece",
        stock: 200,
        status: "available",
      },
    ],
  },
  {
    slug: "buriram-rice",
    nameTh: "สหกรณ์การเกษตรอินทรีย์ลำปลายมาศ จำกัด",
    nameEn: "Lam Plai Mat Organic Agricultural Cooperative Ltd.",
    registrationNo: "บร 0073/2546",
    provinceCode: 31,
    storyTh:
      "สหกรณ์ก่อตั้งโดยชาวนาในอำเภอลำปลายมาศที่หันมาทำนาอินทรีย์ เลิกใช้สารเคมี และทำปุ๋ยหมักใช้เองในชุมชน " +
      "ข้าวหอมมะลิของสมาชิกปลูกตามมาตรฐานเกษตรอินทรีย์และสีที่โรงสีของสหกรณ์ ผู้ซื้อจึงได้ข้าวใหม่ที่หอมนุ่มและตรวจสอบที่มาได้ " +
      "สหกรณ์เป็นศูนย์เรียนรู้การสหกรณ์ที่ทำงานร่วมกับ ศพก. ในพื้นที่ เพื่อถ่ายทอดความรู้การทำนาอินทรีย์ให้เกษตรกรรุ่นใหม่",
    storyEn:
      "The co-op was founded by rice farmers in Lam Plai Mat district who turned to organic farming, gave up farm chemicals and make their own compost in the village. " +
      "Members grow jasmine rice to organic standards and mill it at the co-op's own mill, so buyers get fragrant, soft new-season rice they can trace to the field. " +
      "As a co-op learning centre working with the local farm learning centre (ศพก.), it passes organic rice-growing know-how on to a new generation of farmers.",
    products: [
      {
        nameTh: "ข้าวหอมมะลิอินทรีย์ (1 กก.)",
        nameEn: "Organic jasmine rice (1 kg)",
        descriptionTh: "ข้าวหอมมะลิ 105 จากนาอินทรีย์ของสมาชิก บรรจุถุงสุญญากาศเพื่อคงความหอม",
        descriptionEn: "Hom Mali 105 jasmine rice from members' organic paddies, vacuum-packed to keep its fragrance.",
        priceBaht: 75,
        unit: "pack",
        stock: 320,
        status: "available",
        harvestMonths: [11, 12, 1],
      },
      {
        nameTh: "ข้าวหอมมะลิอินทรีย์ (ถุง 5 กก.)",
        nameEn: "Organic jasmine rice (5 kg bag)",
        descriptionTh: "ข้าวหอมมะลิอินทรีย์ถุงใหญ่สำหรับครอบครัว คุ้มค่ากว่าซื้อแบบถุงเล็ก",
        descriptionEn: "A family-size bag of organic jasmine rice, better value than the small packs.",
        priceBaht: 350,
        unit: "bag",
        stock: 140,
        status: "available",
      },
      {
        nameTh: "ข้าวหอมมะลิแดง (1 กก.)",
        nameEn: "Red jasmine rice (1 kg)",
        descriptionTh: "ข้าวกล้องหอมมะลิแดง เมล็ดเรียวยาว หุงแล้วนุ่ม มีธาตุเหล็กสูง",
        descriptionEn: "Long, slender red jasmine brown rice that cooks up soft and is rich in iron.",
        priceBaht: 80,
        unit: "pack",
        stock: 160,
        status: "available",
      },
      {
        nameTh: "ข้าวกล้องงอก (500 ก.)",
        nameEn: "Germinated brown rice (500 g)",
        descriptionTh: "ข้าวกล้องหอมมะลิที่ผ่านการเพาะงอก มีสารกาบา (GABA) สูงขึ้นและหุงง่ายกว่าข้าวกล้องทั่วไป",
        descriptionEn: "Germinated jasmine brown rice with more GABA, and quicker to cook than ordinary brown rice.",
        priceBaht: 60,
        unit: "pack",
        stock: 90,
        status: "available",
      },
      {
        nameTh: "ข้าวหอมมะลิอินทรีย์ข้าวใหม่ (ถุง 5 กก.)",
        nameEn: "New-crop organic jasmine rice (5 kg bag)",
        descriptionTh: "ข้าวใหม่จากฤดูเก็บเกี่ยวปลายปี เปิดให้จองล่วงหน้า เริ่มจัดส่งเดือนธันวาคม",
        descriptionEn: "New-crop rice from the year-end harvest; pre-order now, shipping starts in December.",
        priceBaht: 380,
        unit: "bag",
        stock: 0,
        status: "coming_soon",
        featured: true,
        harvestMonths: [11, 12],
      },
      {
        nameTh: "แป้งข้าวหอมมะลิ (500 ก.)",
        nameEn: "Jasmine rice flour (500 g)",
        descriptionTh: "แป้งข้าวหอมมะลิโม่ละเอียด ใช้ทำขนมไทยและขนมอบแบบไม่มีกลูเตน",
        descriptionEn: "Finely milled jasmine rice flour for Thai desserts and gluten-free baking.",
        priceBaht: 45,
        unit: "pack",
        stock: 0,
        status: "sold_out",
      },
      {
        nameTh: "ข้าวพองธัญพืช",
        nameEn: "Puffed rice and grain crisps",
        descriptionTh: "ขนมข้าวหอมมะลิพองผสมงาและถั่วลิสง กรอบอร่อย หวานน้อย",
        descriptionEn: "Crunchy puffed jasmine-rice crisps with sesame and peanuts, lightly sweetened.",
        priceBaht: 35,
        unit: "pack",
        stock: 200,
        status: "available",
      },
      {
        nameTh: "เห็ดฟางสด",
        nameEn: "Fresh straw mushrooms",
        descriptionTh: "เห็ดฟางที่เพาะจากฟางข้าวในนาของสมาชิก ดอกตูมแน่น เก็บสดทุกวัน",
        descriptionEn: "Straw mushrooms grown on rice straw from members' paddies, picked daily as firm buttons.",
        priceBaht: 100,
        unit: "kg",
        stock: 25,
        status: "available",
        harvestMonths: [5, 6, 7, 8, 9, 10, 11, 12],
      },
      {
        nameTh: "เมล็ดพันธุ์ข้าวขาวดอกมะลิ 105 (กระสอบ 25 กก.)",
        nameEn: "Khao Dawk Mali 105 rice seed (25 kg sack)",
        descriptionTh: "เมล็ดพันธุ์ข้าวคัดคุณภาพ อัตราความงอกสูง สำหรับสมาชิกและเกษตรกรทั่วไป",
        descriptionEn: "Graded rice seed with a high germination rate, for members and other farmers.",
        priceBaht: 650,
        unit: "sack",
        stock: 60,
        status: "available",
      },
      {
        nameTh: "ปุ๋ยหมักอินทรีย์ (กระสอบ 25 กก.)",
        nameEn: "Organic compost (25 kg sack)",
        descriptionTh: "ปุ๋ยหมักจากฟางข้าวและมูลวัวที่สมาชิกผลิตเอง ใช้บำรุงดินในนาอินทรีย์",
        descriptionEn: "Compost made by our members from rice straw and cow manure to feed organic paddy soil.",
        priceBaht: 150,
        unit: "sack",
        stock: 100,
        status: "available",
      },
    ],
  },
];

export interface DemoStaff {
  email: string;
  displayName: string;
  regionId: number;
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  { email: "staff@example.test", displayName: "พิมพ์ชนก บุญมา", regionId: 5 },
];
