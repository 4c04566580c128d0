/** Staff console: acting for co-ops in the ศพก. network (links, joint meetings, centre import). */
export const coopNetworkProcedures = {};
