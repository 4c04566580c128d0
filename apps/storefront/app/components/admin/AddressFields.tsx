// The pickers moved to @coop/ui: the network's marketplace checkout uses them too.
export { AddressFields, groupProvinces } from "@coop/ui";
