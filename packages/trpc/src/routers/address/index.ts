import { router } from "../../trpc.ts";
import { districts, subdistricts } from "./procedures.ts";

export const addressRouter = router({ districts, subdistricts });
