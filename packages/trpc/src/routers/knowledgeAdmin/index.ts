import { router } from "../../trpc.ts";
import { create } from "./create.ts";
import { remove } from "./delete.ts";
import { deleteFile, files } from "./files.ts";
import { get } from "./get.ts";
import { list } from "./list.ts";
import { options } from "./options.ts";
import { preview } from "./preview.ts";
import { setStatus } from "./set-status.ts";
import { share } from "./share.ts";
import { update } from "./update.ts";

/** The co-op back office's knowledge articles: every procedure acts for the Host's co-op and needs content.edit. */
export const knowledgeAdminRouter = router({ list, get, create, update, setStatus, share, delete: remove, preview, files, deleteFile, options });
